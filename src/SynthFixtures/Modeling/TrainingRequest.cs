using SynthFixtures.Data;

namespace SynthFixtures.Modeling;

/// <summary>One training run: which data, which model kind with which settings, and where the results go.</summary>
public sealed record TrainingRequest
{
    /// <summary>The training CSV.</summary>
    public required string DataPath { get; init; }

    /// <summary>The model kind's name (<see cref="ModelKind.Name"/>).</summary>
    public required string ModelKind { get; init; }

    /// <summary>Where the <c>.synth</c> model goes.</summary>
    public required string ModelPath { get; init; }

    /// <summary>The training seed: the same data, settings and seed give a byte-identical model.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Settings by name (<see cref="SettingSpec.Name"/>) as text; those not given keep the kind's defaults.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Edited column metadata to train with; <c>null</c>: profile the CSV.</summary>
    public string? MetadataPath { get; init; }

    /// <summary>How to read the CSV.</summary>
    public CsvReadOptions ReadOptions { get; init; } = new();

    /// <summary>Share of rows to keep out of training (chosen with the seed) and write as a holdout CSV; <c>null</c>: none.</summary>
    public double? HoldoutFraction { get; init; }

    /// <summary>Where the holdout rows go; <c>null</c>: beside the model as <c>&lt;model&gt;.holdout.csv</c>.</summary>
    public string? HoldoutPath { get; init; }

    /// <summary>Where to write the column metadata the model was trained with; <c>null</c>: not written.</summary>
    public string? MetadataOutputPath { get; init; }

    /// <summary>Where to write the model's schema for the source generator; <c>null</c>: not written.</summary>
    public string? SchemaOutputPath { get; init; }

    /// <summary>
    /// Rules declared outside the metadata (the build reads them from attributes of the types bound to the model), kept
    /// by the model like the metadata's own; <c>null</c>: none. A private fit without given metadata has no columns to
    /// resolve them against, and skips them (saying so in the progress).
    /// </summary>
    public IDeclaredRules? DeclaredRules { get; init; }
}
