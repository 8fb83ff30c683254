using SynthFixtures.Data;
using SynthFixtures.Metadata.Sequences;

namespace SynthFixtures.Modeling.Sequences;

/// <summary>One sequence training run: which data and sequence shape, which step and context model kinds with which settings, and where the model goes.</summary>
public sealed record SequenceTrainingRequest
{
    /// <summary>The training CSV (long format: one row per step).</summary>
    public required string DataPath { get; init; }

    /// <summary>The entity, index and context columns. With no context columns given, the columns constant within every entity are taken.</summary>
    public required SequenceMetadata Sequence { get; init; }

    /// <summary>The step model kind (<see cref="Models.Sequences.SequenceModelKinds"/>).</summary>
    public required string StepModelKind { get; init; }

    /// <summary>Where the sequence model goes.</summary>
    public required string ModelPath { get; init; }

    /// <summary>Whether the context columns were named (<c>true</c>) or are to be found as the columns constant within every entity.</summary>
    public bool ContextGiven { get; init; }

    /// <summary>The tabular kind of the context model (one row per entity: context columns, length, index start).</summary>
    public string ContextModelKind { get; init; } = GaussianCopulaKind.Instance.Name;

    /// <summary>The step kind's settings by name, as text.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>The context model kind's settings by name, as text.</summary>
    public IReadOnlyDictionary<string, string> ContextSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>The training seed: the same data, settings and seed give a byte-identical model.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Edited column metadata to train with; <c>null</c>: profile the CSV.</summary>
    public string? MetadataPath { get; init; }

    /// <summary>How to read the CSV.</summary>
    public CsvReadOptions ReadOptions { get; init; } = new();

    /// <summary>Share of entities (not rows) to keep out of training, chosen with the seed, written as a holdout CSV; <c>null</c>: none.</summary>
    public double? HoldoutFraction { get; init; }

    /// <summary>Where the holdout entities' rows go; <c>null</c>: beside the model as <c>&lt;model&gt;.holdout.csv</c>.</summary>
    public string? HoldoutPath { get; init; }

    /// <summary>Where to write the column metadata the model was trained with; <c>null</c>: not written.</summary>
    public string? MetadataOutputPath { get; init; }

    /// <summary>Where to write the model's sequence schema for the source generator (<see cref="Models.Sequences.SequenceSchema"/>); <c>null</c>: not written.</summary>
    public string? SchemaOutputPath { get; init; }
}
