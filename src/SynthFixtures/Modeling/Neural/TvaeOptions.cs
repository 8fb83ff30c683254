using System.Text.Json.Serialization;

namespace SynthFixtures.Modeling.Neural;

/// <summary>TVAE's settings; the defaults are the paper's (Xu et al., 2019).</summary>
public sealed record TvaeOptions
{
    /// <summary>Passes over the data.</summary>
    public int Epochs { get; init; } = 300;

    /// <summary>Rows per optimisation step.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Width of the latent code z.</summary>
    public int EmbeddingWidth { get; init; } = 128;

    /// <summary>Hidden widths of the encoder.</summary>
    public IReadOnlyList<int> EncoderWidths { get; init; } = [128, 128];

    /// <summary>Hidden widths of the decoder.</summary>
    public IReadOnlyList<int> DecoderWidths { get; init; } = [128, 128];

    /// <summary>Adam's learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Adam's (L2) weight decay.</summary>
    public double WeightDecay { get; init; } = 1e-5;

    /// <summary>Weight of the reconstruction term against the KL term.</summary>
    public double LossFactor { get; init; } = 2;

    /// <summary>Seeds libtorch's initialisation and noise, and the batch order.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>
    /// libtorch's intra-op threads for this process (<c>null</c>: libtorch's default, one per core). Small networks on a
    /// busy machine train faster on one thread: OpenMP workers spin while waiting for a core.
    /// </summary>
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
        if (BatchSize < 2) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "At least 2 rows per batch.");
        if (EmbeddingWidth < 1) throw new ArgumentOutOfRangeException(nameof(EmbeddingWidth), EmbeddingWidth, "Must be positive.");
        // One check per property, each naming it, so a caller (the CLI) can say which of its settings is wrong.
        if (EncoderWidths is null || EncoderWidths.Any(w => w < 1)) throw new ArgumentException("Hidden widths must be positive.", nameof(EncoderWidths));
        if (DecoderWidths is null || DecoderWidths.Any(w => w < 1)) throw new ArgumentException("Hidden widths must be positive.", nameof(DecoderWidths));
        if (!(LearningRate > 0)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "Must be positive.");
        if (!(WeightDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(WeightDecay), WeightDecay, "Must be non-negative.");
        if (Threads is < 1) throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "Must be positive.");
        if (!(LossFactor > 0)) throw new ArgumentOutOfRangeException(nameof(LossFactor), LossFactor, "Must be positive.");
        EarlyStopping?.Validate();
    }
}
