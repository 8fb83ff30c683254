namespace SynthFixtures.Transforms.Modes;

/// <summary>
/// Settings of the variational Dirichlet-process Gaussian mixture behind mode-specific normalisation. The defaults are
/// CTGAN's (Xu et al., 2019): at most 10 components, weight concentration prior 0.001, keep components above 0.005.
/// </summary>
public sealed record ModeNormalizerOptions
{
    /// <summary>The truncation level of the stick-breaking prior: the most components a column can get.</summary>
    public int MaxComponents { get; init; } = 10;

    /// <summary>γ of the Beta(1, γ) stick-breaking prior; small values make unneeded components die out.</summary>
    public double WeightConcentrationPrior { get; init; } = 0.001;

    /// <summary>Components whose expected weight is at or below this are dropped after fitting.</summary>
    public double WeightThreshold { get; init; } = 0.005;

    /// <summary>
    /// The most variational (coordinate-ascent) iterations. Coordinate ascent alone drains a redundant component very
    /// slowly (a single Gaussian started from 10 k-means clusters needs about 3,000 iterations); the fit therefore also
    /// tries merging pairs of components every 25 iterations and keeps a merge when it raises the variational bound,
    /// which typically settles a column in tens to hundreds of iterations.
    /// </summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>Stop when no expected weight and no component mean (in standard deviations of the column) moves by more than this in an iteration.</summary>
    public double Tolerance { get; init; } = 1e-5;

    /// <summary>
    /// Columns with more non-missing values than this are fitted on a seeded uniform subsample of this size (every row
    /// is still encoded). A mixture of at most 10 components is estimated well from 100,000 points; this bounds the
    /// sorting that precedes the fit.
    /// </summary>
    public int MaxFitRows { get; init; } = 100_000;

    /// <summary>
    /// The fit runs on distinct values weighted by their counts (exact). A column with more distinct values than this is
    /// pooled into this many equal-width bins (each at its members' mean), which bounds the cost of an iteration.
    /// </summary>
    public int MaxDistinctPoints { get; init; } = 4096;

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        if (MaxComponents < 1) throw new ArgumentOutOfRangeException(nameof(MaxComponents), MaxComponents, "At least one component is needed.");
        if (!(WeightConcentrationPrior > 0)) throw new ArgumentOutOfRangeException(nameof(WeightConcentrationPrior), WeightConcentrationPrior, "Must be positive.");
        if (!(WeightThreshold >= 0 && WeightThreshold < 1)) throw new ArgumentOutOfRangeException(nameof(WeightThreshold), WeightThreshold, "Must be in [0, 1).");
        if (MaxIterations < 1) throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "At least one iteration is needed.");
        if (!(Tolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "Must be non-negative.");
        if (MaxDistinctPoints < 16) throw new ArgumentOutOfRangeException(nameof(MaxDistinctPoints), MaxDistinctPoints, "At least 16 points are needed.");
        if (MaxFitRows < 2) throw new ArgumentOutOfRangeException(nameof(MaxFitRows), MaxFitRows, "At least two rows are needed.");
    }
}
