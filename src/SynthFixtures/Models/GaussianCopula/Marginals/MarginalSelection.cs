namespace SynthFixtures.Models.GaussianCopula.Marginals;

/// <summary>Options for <see cref="MarginalSelector.Select"/>.</summary>
public sealed record MarginalFitOptions
{
    /// <summary>The default options: every family is a candidate, KS on up to 2,000 values.</summary>
    public static MarginalFitOptions Default { get; } = new();

    /// <summary>
    /// The candidate families, or <c>null</c> for all of them. A single family forces it (as SDV's <c>beta</c> default does):
    /// it is used whenever it can be fitted, accepted by the KS test or not.
    /// </summary>
    public IReadOnlyList<MarginalFamily>? Families { get; init; }

    /// <summary>The most values the Kolmogorov–Smirnov statistic is computed on (a seeded random subsample beyond that).</summary>
    public int KsSampleSize { get; init; } = 2000;

    /// <summary>
    /// Parsimony margin, as a multiple of 1/√n_eff: among accepted parametric families, the simplest one (see
    /// <see cref="MarginalSelector.Preference"/>) whose KS statistic is within this margin of the best is chosen.
    /// 0 means strictly the smallest KS statistic.
    /// </summary>
    public double ParsimonyMargin { get; init; } = 0.5;

    /// <summary>Options that allow only <paramref name="family"/>.</summary>
    public static MarginalFitOptions Only(MarginalFamily family) => new() { Families = [family] };
}

/// <summary>One fitted candidate and how well it matches the data.</summary>
/// <param name="Family">The family.</param>
/// <param name="KsStatistic">The Kolmogorov–Smirnov statistic of the fitted distribution against the (sub)sample.</param>
/// <param name="Accepted">Whether <paramref name="KsStatistic"/> is at most the critical value at α = 0.01.</param>
/// <param name="Marginal">The fitted distribution.</param>
public sealed record MarginalCandidate(MarginalFamily Family, double KsStatistic, bool Accepted, ContinuousMarginal Marginal);

/// <summary>A family that could not be fitted, with the reason (it takes no part in the selection).</summary>
/// <param name="Family">The family.</param>
/// <param name="Reason">Why the fit failed.</param>
public sealed record MarginalFitFailure(MarginalFamily Family, string Reason);

/// <summary>The outcome of <see cref="MarginalSelector.Select"/>: the chosen marginal and the evidence for it.</summary>
public sealed class MarginalSelection
{
    internal MarginalSelection(ContinuousMarginal marginal, IReadOnlyList<MarginalCandidate> candidates,
        IReadOnlyList<MarginalFitFailure> failures, int valueCount, int ksSampleSize, double criticalValue, string explanation)
    {
        Marginal = marginal;
        Candidates = candidates;
        Failures = failures;
        ValueCount = valueCount;
        KsSampleSize = ksSampleSize;
        CriticalValue = criticalValue;
        Explanation = explanation;
    }

    /// <summary>The chosen marginal.</summary>
    public ContinuousMarginal Marginal { get; }

    /// <summary>The chosen family.</summary>
    public MarginalFamily Family => Marginal.Family;

    /// <summary>Every family that was fitted, in <see cref="MarginalSelector.Preference"/> order, with its KS statistic and acceptance.</summary>
    public IReadOnlyList<MarginalCandidate> Candidates { get; }

    /// <summary>Candidate families whose fit failed (constant data, moments no beta can have, …).</summary>
    public IReadOnlyList<MarginalFitFailure> Failures { get; }

    /// <summary>The number of finite values the marginals were fitted on (NaN and infinities are left out).</summary>
    public int ValueCount { get; }

    /// <summary>The number of values the KS statistics were computed on.</summary>
    public int KsSampleSize { get; }

    /// <summary>The Kolmogorov critical value at α = 0.01 for <see cref="KsSampleSize"/> values.</summary>
    public double CriticalValue { get; }

    /// <summary>One sentence on why <see cref="Marginal"/> was chosen.</summary>
    public string Explanation { get; }
}
