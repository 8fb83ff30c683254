using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Modeling.Relational;

/// <summary>One multi-table training run: which related tables, which per-table model kind with which settings, and where the model goes.</summary>
public sealed record RelationalTrainingRequest
{
    /// <summary>The related tables with their metadata (read by <c>RelationalSources</c> from a database or a folder of CSVs).</summary>
    public required RelationalDataset Data { get; init; }

    /// <summary>The per-table model kind's name (<see cref="ModelKind.Name"/>); differentially private kinds are refused.</summary>
    public string ModelKind { get; init; } = Models.ModelKinds.GaussianCopula;

    /// <summary>Where the multi-table model file goes.</summary>
    public required string ModelPath { get; init; }

    /// <summary>Where the learned tables' relational metadata JSON goes (keys and each table's profile), written with the model; <c>null</c>: not written.</summary>
    public string? MetadataOutputPath { get; init; }

    /// <summary>
    /// Where the database's schema for the source generator goes (<c>DatabaseSchema</c>: tables, columns, keys), written
    /// with the model; <c>null</c>: not written.
    /// </summary>
    public string? SchemaOutputPath { get; init; }

    /// <summary>The training seed: the same data, settings and seed give a byte-identical model.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Per-table model settings by name as text (the same for every table); those not given keep the kind's defaults.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Whether each child table's model learns its columns given its primary parent's (the default). <c>false</c> learns
    /// only the children-per-parent counts and draws child rows unconditionally: the baseline the conditional model is measured against.
    /// </summary>
    public bool ConditionOnParents { get; init; } = true;
}
