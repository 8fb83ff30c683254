namespace SynthFixtures.Modeling.Sequences;

/// <summary>
/// The PAR step model's settings (<see cref="ParKind"/>): a GRU over each entity's steps, trained with Adam by
/// truncated backpropagation through time over chunks of <see cref="ChunkLength"/> steps (the recurrent state is carried
/// from one chunk to the next, only the gradient is cut), <see cref="BatchSize"/> entities at a time.
/// </summary>
public sealed record ParOptions
{
    /// <summary>Passes over the sequences.</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>Entities per batch (their chunks are padded to the longest and masked).</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Width of the GRU's state.</summary>
    public int HiddenWidth { get; init; } = 64;

    /// <summary>Stacked GRU layers.</summary>
    public int Layers { get; init; } = 1;

    /// <summary>Steps per truncated-backpropagation chunk: one optimisation step per chunk of a batch.</summary>
    public int ChunkLength { get; init; } = 64;

    /// <summary>Adam's learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Seeds libtorch's initialisation and the batch order.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>libtorch's intra-op threads (<c>null</c>: one per physical core, at most the cores the process may use).</summary>
    public int? Threads { get; init; }

    /// <summary>
    /// Early stopping on held-out sequences (<see cref="Neural.EarlyStoppingOptions"/>; its sample size is not used):
    /// whole entities held out when there are at least <see cref="MinEntitiesToHoldOut"/>, otherwise the tail of each
    /// sequence; checked by their teacher-forced loss per step; the best check's weights kept. <c>null</c> (the default): off.
    /// </summary>
    public Neural.EarlyStoppingOptions? EarlyStopping { get; init; }

    /// <summary>Fewest entities early stopping holds whole entities out of; with fewer it holds out each sequence's tail.</summary>
    public const int MinEntitiesToHoldOut = 10;

    /// <summary>Throws when a setting is out of range, naming the property.</summary>
    public void Validate()
    {
        if (Epochs < 0) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Must be non-negative.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "Must be positive.");
        if (HiddenWidth < 1) throw new ArgumentOutOfRangeException(nameof(HiddenWidth), HiddenWidth, "Must be positive.");
        if (Layers < 1) throw new ArgumentOutOfRangeException(nameof(Layers), Layers, "Must be positive.");
        if (ChunkLength < 1) throw new ArgumentOutOfRangeException(nameof(ChunkLength), ChunkLength, "Must be positive.");
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "Must be positive.");
        if (Threads is < 1) throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "Must be positive.");
        EarlyStopping?.Validate();
    }
}
