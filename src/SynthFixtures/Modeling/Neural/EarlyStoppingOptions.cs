namespace SynthFixtures.Modeling.Neural;

/// <summary>
/// Early stopping on a validation quality signal. A seeded share of the rows (<see cref="ValidationFraction"/>) is
/// kept out of training; every <see cref="CheckEvery"/> epochs, and after the last, <see cref="SampleRows"/> rows are
/// sampled from the current network with the runtime's pure-C# sampler and scored against those rows by SDMetrics'
/// column shapes (KSComplement for numbers and dates, TVComplement for labels; 1 is a perfect match). Training stops
/// after <see cref="Patience"/> checks in a row without an improvement of more than <see cref="MinImprovement"/>, and
/// the model keeps the weights of the best check rather than the last epoch's.
/// </summary>
/// <remarks>
/// The score measures the marginals only (not pairs), which is what the adversarial and reconstruction losses track
/// poorly and what early epochs of a GAN get wrong; it is cheap enough to run every few epochs. Every check samples
/// with the same seed, so two checks differ only by the weights. Off unless set on <c>TvaeOptions</c>/<c>CtganOptions</c>.
/// </remarks>
public sealed record EarlyStoppingOptions
{
    /// <summary>Share of the rows held out for validation, chosen with the training seed; in (0, 1).</summary>
    public double ValidationFraction { get; init; } = 0.1;

    /// <summary>Epochs between quality checks (the last epoch is always checked).</summary>
    public int CheckEvery { get; init; } = 5;

    /// <summary>Checks in a row without improvement after which training stops.</summary>
    public int Patience { get; init; } = 3;

    /// <summary>Rows sampled from the network at each check.</summary>
    public int SampleRows { get; init; } = 2000;

    /// <summary>How much a check must beat the best score so far to count as an improvement (0: any gain).</summary>
    public double MinImprovement { get; init; }

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        if (!(ValidationFraction > 0 && ValidationFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(ValidationFraction), ValidationFraction, "Must be between 0 and 1 (exclusive).");
        if (CheckEvery < 1) throw new ArgumentOutOfRangeException(nameof(CheckEvery), CheckEvery, "Must be positive.");
        if (Patience < 1) throw new ArgumentOutOfRangeException(nameof(Patience), Patience, "Must be positive.");
        if (SampleRows < 1) throw new ArgumentOutOfRangeException(nameof(SampleRows), SampleRows, "Must be positive.");
        if (!(MinImprovement >= 0 && MinImprovement < 1)) throw new ArgumentOutOfRangeException(nameof(MinImprovement), MinImprovement, "Must be in [0, 1).");
    }
}
