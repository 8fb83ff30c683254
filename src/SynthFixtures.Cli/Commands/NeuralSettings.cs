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
}
