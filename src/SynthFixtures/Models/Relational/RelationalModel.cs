using SynthFixtures.Metadata.Relational;
using SynthFixtures.Sampling;

namespace SynthFixtures.Models.Relational;

/// <summary>
/// A learned set of related tables: one <see cref="SynthModel"/> per table (trained on the table's own columns, the
/// number of children each row has through every key to it, and its primary parent's columns as context), and per table
/// a <see cref="RelationalTablePlan"/> saying how its keys are generated. Sampling walks the tables in key order: root
/// tables get a number of rows set by the scale, child rows are drawn per generated parent given that parent's columns,
/// keys are generated and every foreign key takes a generated parent's key, so referential integrity holds by construction.
/// Load one with <see cref="RelationalModelArtifact.Load(string)"/>.
/// </summary>
public sealed class RelationalModel
{
    private readonly Dictionary<string, SynthModel> _models;

    /// <summary>Assembles a model from its parts (the training service builds them).</summary>
    /// <param name="metadata">The tables and keys, each table with its profile.</param>
    /// <param name="kind">The per-table model kind.</param>
    /// <param name="seed">The training seed.</param>
    /// <param name="plans">One plan per table, in generation order (every parent before its children).</param>
    /// <param name="models">The per-table models, for the tables whose plan has one.</param>
    /// <exception cref="ArgumentException">The plans do not cover the tables once each in an order parents come first, or a model is missing or extra.</exception>
    public RelationalModel(RelationalMetadata metadata, string kind, long seed, IReadOnlyList<RelationalTablePlan> plans,
        IReadOnlyDictionary<string, SynthModel> models)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(models);
        if (RelationalModelCheck.Problem(metadata, plans, models) is { } problem) throw new ArgumentException(problem, nameof(plans));
        Metadata = metadata;
        Kind = kind;
        Seed = seed;
        Plans = plans.ToList();
        _models = new Dictionary<string, SynthModel>(models, StringComparer.Ordinal);
    }

    /// <summary>The tables, keys and sum rules, each table with the profile its model was trained with.</summary>
    public RelationalMetadata Metadata { get; }

    /// <summary>The per-table model kind (<see cref="ModelKinds"/>).</summary>
    public string Kind { get; }

    /// <summary>The training seed.</summary>
    public long Seed { get; }

    /// <summary>How each table is generated, in generation order.</summary>
    public IReadOnlyList<RelationalTablePlan> Plans { get; }

    /// <summary>The per-table model of <paramref name="table"/>, or <c>null</c> when every column of it is a key.</summary>
    public SynthModel? ModelOf(string table) => _models.GetValueOrDefault(table);

    /// <summary>
    /// Generates a database: root tables get round(<paramref name="scale"/> × their source rows) rows (at least one when
    /// the source had any), children follow their generated parents through the learned counts. The same model, scale and
    /// seed give the same database, byte for byte, on any thread count.
    /// </summary>
    /// <param name="scale">Size relative to the source (0.5, 1, 2, 10).</param>
    /// <param name="seed">Seed for every random choice.</param>
    /// <param name="options">Threads (the result does not depend on them).</param>
    /// <param name="cancellationToken">Stops a long sample.</param>
    /// <exception cref="SynthDataException">The scale is not a positive finite number.</exception>
    public RelationalDataset Sample(double scale, long seed, SamplingOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (!double.IsFinite(scale) || scale <= 0)
            throw new SynthDataException($"The scale must be a positive number, not {scale}.", hint: "Use 1 for the source's size, 0.5 for half, 10 for ten times.");
        return new RelationalSampler(this, scale, seed, options ?? new SamplingOptions(), cancellationToken).Run();
    }
}
