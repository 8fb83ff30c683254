namespace SynthFixtures.Cli.Commands;

/// <summary>
/// The tvae/ctgan settings given on the command line, already range-checked; <c>null</c> keeps the trainer's default.
/// Plain values rather than the training assembly's option records, so that reading them never loads TorchSharp.
/// </summary>
internal sealed record NeuralSettings
{
    public int? Epochs { get; init; }

    public int? BatchSize { get; init; }

    public int? Threads { get; init; }

    public int? EmbeddingWidth { get; init; }

    // CTGAN
    public int? Pac { get; init; }

    public int? DiscriminatorSteps { get; init; }

    public double? GeneratorLearningRate { get; init; }

    public double? DiscriminatorLearningRate { get; init; }

    public IReadOnlyList<int>? GeneratorWidths { get; init; }

    public IReadOnlyList<int>? DiscriminatorWidths { get; init; }

    // TVAE
    public double? LearningRate { get; init; }

    public double? LossFactor { get; init; }

    public IReadOnlyList<int>? EncoderWidths { get; init; }

    public IReadOnlyList<int>? DecoderWidths { get; init; }

    /// <summary>Set by <c>--early-stopping</c>; <c>null</c>: train every row for every epoch.</summary>
    public EarlyStoppingSettings? EarlyStopping { get; init; }
}

/// <summary>Early stopping's settings from the command line; <c>null</c> keeps the trainer's default.</summary>
internal sealed record EarlyStoppingSettings
{
    public double? ValidationFraction { get; init; }

    public int? CheckEvery { get; init; }

    public int? Patience { get; init; }

    public int? SampleRows { get; init; }

    public double? MinImprovement { get; init; }
}
