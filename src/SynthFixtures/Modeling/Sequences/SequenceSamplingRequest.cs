using SynthFixtures.Models.Sequences;
using SynthFixtures.Sampling;

namespace SynthFixtures.Modeling.Sequences;

/// <summary>One sequence sample written to a file: which model, how many entities with which seed and conditions, and where they go.</summary>
public sealed record SequenceSamplingRequest
{
    /// <summary>The model to sample.</summary>
    public required SequenceModel Model { get; init; }

    /// <summary>Entities to draw (the unit of the count: each brings its whole sequence).</summary>
    public required long Entities { get; init; }

    /// <summary>Where the rows go (long format: one row per step); written under a temporary name beside it and moved into place only when complete.</summary>
    public required string OutputPath { get; init; }

    /// <summary>How the rows are written: <see cref="CsvSampleFormat"/> (the default) or another format.</summary>
    public ISampleFileFormat Format { get; init; } = CsvSampleFormat.Instance;

    /// <summary>The sampling seed: the same model, seed and conditions give byte-identical files.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Conditions on context columns every entity meets.</summary>
    public IReadOnlyList<Condition> Conditions { get; init; } = [];

    /// <summary>
    /// Conditions on per-step columns every entity meets, each with the steps it applies to (first, every, some, last);
    /// see <see cref="SequenceModel.SampleEntities(long, long, IReadOnlyList{Condition}?, IReadOnlyList{Models.Sequences.Conditions.StepCondition}, Models.Sequences.Conditions.StepConditionTally?, SamplingOptions?, CancellationToken)"/>
    /// for which are met exactly.
    /// </summary>
    public IReadOnlyList<Models.Sequences.Conditions.StepCondition> StepConditions { get; init; } = [];

    /// <summary>Threads, candidate budget, steps per chunk.</summary>
    public SamplingOptions Options { get; init; } = new();
}

/// <summary>What a <see cref="SequenceSamplingService"/> run wrote; the file is complete.</summary>
/// <param name="Entities">Entities written.</param>
/// <param name="Rows">Rows (steps) written.</param>
/// <param name="OutputPath">The full path of the file written.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="StepConditions">With step conditions: the entity attempts, entities kept and steps redrawn; otherwise <c>null</c>.</param>
public sealed record SequenceSamplingResult(long Entities, long Rows, string OutputPath, long Bytes,
    Models.Sequences.Conditions.StepConditionTally? StepConditions = null);
