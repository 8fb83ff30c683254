using System.Text.Json.Serialization;

namespace SynthFixtures.Modeling.Neural;

/// <summary>CTGAN's settings; the defaults are the paper's (Xu et al., 2019).</summary>
public sealed record CtganOptions
{
    /// <summary>Passes over the data.</summary>
    public int Epochs { get; init; } = 300;

    /// <summary>Rows per step; even and a multiple of <see cref="Pac"/>.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Width of the generator's noise input.</summary>
    public int EmbeddingWidth { get; init; } = 128;

    /// <summary>Widths of the generator's residual blocks.</summary>
    public IReadOnlyList<int> GeneratorWidths { get; init; } = [256, 256];

    /// <summary>Hidden widths of the discriminator.</summary>
    public IReadOnlyList<int> DiscriminatorWidths { get; init; } = [256, 256];

    /// <summary>The generator's Adam learning rate.</summary>
    public double GeneratorLearningRate { get; init; } = 2e-4;

    /// <summary>The discriminator's Adam learning rate.</summary>
    public double DiscriminatorLearningRate { get; init; } = 2e-4;

    /// <summary>The generator's Adam weight decay.</summary>
    public double GeneratorWeightDecay { get; init; } = 1e-6;

    /// <summary>The discriminator's Adam weight decay.</summary>
    public double DiscriminatorWeightDecay { get; init; } = 1e-6;

    /// <summary>Rows the discriminator judges together (PacGAN).</summary>
    public int Pac { get; init; } = 10;

    /// <summary>Discriminator updates per generator update.</summary>
    public int DiscriminatorSteps { get; init; } = 1;

    /// <summary>Weight of the WGAN-GP gradient penalty.</summary>
    public double GradientPenalty { get; init; } = 10;

    /// <summary>Gumbel-softmax temperature for one-hot spans during training.</summary>
    public double Temperature { get; init; } = 0.2;

    /// <summary>Training-by-sampling draws categories in proportion to log(count + 1) (the paper) rather than to their count.</summary>
    public bool LogFrequency { get; init; } = true;

    /// <summary>Seeds libtorch's initialisation and noise, and the condition and row draws.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>libtorch's intra-op threads (<c>null</c>: libtorch's default).</summary>
    public int? Threads { get; init; }

    /// <summary>
    /// Early stopping on a validation quality signal (<see cref="EarlyStoppingOptions"/>); <c>null</c> (the default):
    /// every row is trained on for every epoch. Left out of the artifact's settings when <c>null</c>, so artifacts
    /// trained without it are byte-identical to those written before it existed.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EarlyStoppingOptions? EarlyStopping { get; init; }

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        if (Epochs < 0) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Must be non-negative.");
        if (Pac < 1) throw new ArgumentOutOfRangeException(nameof(Pac), Pac, "Must be positive.");
        if (BatchSize < 2 || BatchSize % 2 != 0 || BatchSize % Pac != 0)
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, $"Must be even and a multiple of pac ({Pac}).");
        if (EmbeddingWidth < 1) throw new ArgumentOutOfRangeException(nameof(EmbeddingWidth), EmbeddingWidth, "Must be positive.");
        // One check per property, each naming it, so a caller (the CLI) can say which of its settings is wrong.
        if (GeneratorWidths is null || GeneratorWidths.Any(w => w < 1)) throw new ArgumentException("Hidden widths must be positive.", nameof(GeneratorWidths));
        if (DiscriminatorWidths is null || DiscriminatorWidths.Any(w => w < 1)) throw new ArgumentException("Hidden widths must be positive.", nameof(DiscriminatorWidths));
        if (!(GeneratorLearningRate > 0)) throw new ArgumentOutOfRangeException(nameof(GeneratorLearningRate), GeneratorLearningRate, "Must be positive.");
        if (!(DiscriminatorLearningRate > 0)) throw new ArgumentOutOfRangeException(nameof(DiscriminatorLearningRate), DiscriminatorLearningRate, "Must be positive.");
        if (!(GeneratorWeightDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(GeneratorWeightDecay), GeneratorWeightDecay, "Must be non-negative.");
        if (!(DiscriminatorWeightDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(DiscriminatorWeightDecay), DiscriminatorWeightDecay, "Must be non-negative.");
        if (DiscriminatorSteps < 1) throw new ArgumentOutOfRangeException(nameof(DiscriminatorSteps), DiscriminatorSteps, "Must be positive.");
        if (!(GradientPenalty >= 0)) throw new ArgumentOutOfRangeException(nameof(GradientPenalty), GradientPenalty, "Must be non-negative.");
        if (!(Temperature > 0)) throw new ArgumentOutOfRangeException(nameof(Temperature), Temperature, "Must be positive.");
        if (Threads is < 1) throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "Must be positive.");
        EarlyStopping?.Validate();
    }
}
