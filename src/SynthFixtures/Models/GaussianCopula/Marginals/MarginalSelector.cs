using System.Globalization;
using SynthFixtures.Randomness;

namespace SynthFixtures.Models.GaussianCopula.Marginals;

/// <summary>
/// Chooses a column's marginal by goodness of fit. Every candidate family is fitted to all finite values; each fit is
/// scored by its Kolmogorov–Smirnov statistic D against the data (a seeded subsample of at most
/// <see cref="MarginalFitOptions.KsSampleSize"/> values, n_eff). A parametric family is accepted when D is at most the
/// Kolmogorov critical value at α = 0.01, 1.628/(√n_eff + 0.12 + 0.11/√n_eff) (Stephens' finite-sample form; ≈ 0.0364 at
/// 2,000 values). The value is for a fully specified distribution; with fitted parameters the test is conservative (it
/// accepts a little more readily), which suits a choice between fits. Among accepted families the one with the smallest D
/// wins, except that a simpler family (earlier in <see cref="Preference"/>) whose D is within
/// <see cref="MarginalFitOptions.ParsimonyMargin"/>/√n_eff of the smallest is preferred to a more flexible one that beats it
/// only by noise (uniform data fits a beta or a very flat truncated normal just as well). When no parametric family is
/// accepted, the Gaussian KDE is chosen. Fits that throw or produce NaN drop out (listed in <see cref="MarginalSelection.Failures"/>).
/// </summary>
public static class MarginalSelector
{
    /// <summary>The candidate families from simplest to most flexible; ties within the parsimony margin go to the earlier.</summary>
    public static IReadOnlyList<MarginalFamily> Preference { get; } =
    [
        MarginalFamily.Uniform, MarginalFamily.Normal, MarginalFamily.Gamma,
        MarginalFamily.Beta, MarginalFamily.TruncatedNormal, MarginalFamily.GaussianKde,
    ];

    /// <summary>The coefficient of the Kolmogorov critical value at α = 0.01 (the 0.99 quantile of the Kolmogorov distribution).</summary>
    public const double KolmogorovCoefficient01 = 1.6276;

    /// <summary>Fits every candidate family and chooses one (see the class remarks for the rule).</summary>
    /// <param name="values">The column's values in any order; NaN and infinities (missing values) are ignored.</param>
    /// <param name="random">The column's random stream; only a stream derived from its seed is used, so it is not advanced.</param>
    /// <param name="options">Candidate families and KS settings; <see cref="MarginalFitOptions.Default"/> when null.</param>
    /// <exception cref="SynthDataException">There is no finite value, or the options are invalid.</exception>
    public static MarginalSelection Select(ReadOnlySpan<double> values, SynthRandom random, MarginalFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        options ??= MarginalFitOptions.Default;
        if (options.KsSampleSize < 2)
            throw new SynthDataException($"The KS sample size must be at least 2, got {options.KsSampleSize}.");
        var families = Preference.Where(f => options.Families is null || options.Families.Contains(f)).ToArray();
        if (families.Length == 0)
            throw new SynthDataException("No marginal family is allowed.", hint: "List at least one family in the marginal options.");

        var finite = 0;
        foreach (var v in values) if (double.IsFinite(v)) finite++;
        if (finite == 0)
            throw new SynthDataException("A numeric column has no values to fit a distribution to.",
                hint: "Mark the column as empty or drop it from the model.");
        var sorted = new double[Math.Max(finite, 2)];
        var k = 0;
        foreach (var v in values) if (double.IsFinite(v)) sorted[k++] = v;
        if (finite == 1) sorted[1] = sorted[0];
        Array.Sort(sorted);

        var sample = Subsample(sorted, options.KsSampleSize, random);
        var nEff = sample.Length;
        var rootN = Math.Sqrt(nEff);
        var critical = KolmogorovCoefficient01 / (rootN + 0.12 + 0.11 / rootN);

        var candidates = new List<MarginalCandidate>(families.Length);
        var failures = new List<MarginalFitFailure>();
        foreach (var family in families)
        {
            try
            {
                var marginal = Fit(family, sorted);
                var d = KolmogorovSmirnov(marginal, sample);
                if (double.IsNaN(d))
                {
                    failures.Add(new MarginalFitFailure(family, "the fitted CDF is NaN on the data"));
                    continue;
                }
                candidates.Add(new MarginalCandidate(family, d, d <= critical, marginal));
            }
            // Optimisers that do not converge on tiny or odd samples (MathNet's MaximumIterationsException) drop the family too.
            catch (Exception ex) when (ex is ArgumentException or ArithmeticException or InvalidOperationException
                                           or MathNet.Numerics.Optimization.OptimizationException or MathNet.Numerics.NonConvergenceException)
            {
                failures.Add(new MarginalFitFailure(family, ex.Message));
            }
        }

        var (chosen, explanation) = Choose(candidates, options, rootN, critical, sorted);
        return new MarginalSelection(chosen, candidates, failures, finite, nEff, critical, explanation);
    }

    /// <summary>Fits one family to sorted values, without selection (the family's own <c>Fit</c>).</summary>
    /// <param name="family">The family to fit.</param>
    /// <param name="sorted">At least 2 finite values in ascending order.</param>
    /// <exception cref="ArgumentException">The values are unsorted or not finite, or the family cannot be fitted to them.</exception>
    /// <exception cref="ArithmeticException">An optimiser did not converge.</exception>
    public static ContinuousMarginal Fit(MarginalFamily family, ReadOnlySpan<double> sorted) => family switch
    {
        MarginalFamily.Uniform => UniformMarginal.Fit(sorted),
        MarginalFamily.Normal => NormalMarginal.Fit(sorted),
        MarginalFamily.TruncatedNormal => TruncatedNormalMarginal.Fit(sorted),
        MarginalFamily.Gamma => GammaMarginal.Fit(sorted),
        MarginalFamily.Beta => BetaMarginal.Fit(sorted),
        MarginalFamily.GaussianKde => KdeMarginal.Fit(sorted),
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "Unknown marginal family."),
    };

    private static (ContinuousMarginal, string) Choose(List<MarginalCandidate> candidates, MarginalFitOptions options,
        double rootN, double critical, double[] sorted)
    {
        static string F(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);
        var accepted = candidates.Where(c => c.Accepted && c.Family != MarginalFamily.GaussianKde).ToList();
        if (accepted.Count > 0)
        {
            var best = accepted.MinBy(c => c.KsStatistic)!;
            var margin = options.ParsimonyMargin / rootN;
            var pick = accepted.First(c => c.KsStatistic <= best.KsStatistic + margin); // candidates are in Preference order
            var why = pick == best
                ? $"{pick.Family} has the smallest KS statistic ({F(pick.KsStatistic)}) among families accepted at α = 0.01 (critical {F(critical)})."
                : $"{pick.Family} (KS {F(pick.KsStatistic)}) is the simplest accepted family within {F(margin)} of the best, {best.Family} (KS {F(best.KsStatistic)}); critical {F(critical)}.";
            return (pick.Marginal, why);
        }
        if (candidates.FirstOrDefault(c => c.Family == MarginalFamily.GaussianKde) is { } kde)
        {
            var why = candidates.Count == 1
                ? $"GaussianKde is the only candidate (KS {F(kde.KsStatistic)})."
                : $"No parametric family is accepted at α = 0.01 (critical {F(critical)}; best {BestText(candidates)}), so the Gaussian KDE is used (KS {F(kde.KsStatistic)}).";
            return (kde.Marginal, why);
        }
        if (candidates.Count > 0)
        {
            var best = candidates.MinBy(c => c.KsStatistic)!;
            return (best.Marginal,
                $"No allowed family is accepted at α = 0.01 (critical {F(critical)}); {best.Family} fits best (KS {F(best.KsStatistic)}) and the KDE is not allowed.");
        }
        // Every allowed family failed to fit (e.g. a forced beta on a constant column): the KDE always fits.
        var fallback = KdeMarginal.Fit(sorted);
        return (fallback, "No allowed family could be fitted, so the Gaussian KDE is used as a fallback.");

        string BestText(List<MarginalCandidate> all)
        {
            var b = all.Where(c => c.Family != MarginalFamily.GaussianKde).MinBy(c => c.KsStatistic);
            return b is null ? "none fitted" : $"{b.Family} with KS {F(b.KsStatistic)}";
        }
    }

    /// <summary>A sorted random subsample without replacement (partial Fisher–Yates), or the values themselves when few.</summary>
    private static double[] Subsample(double[] sorted, int size, SynthRandom random)
    {
        if (sorted.Length <= size) return sorted;
        var stream = random.Derive("marginal-ks-subsample");
        var pool = (double[])sorted.Clone();
        for (var i = 0; i < size; i++)
        {
            var j = i + stream.NextInt(pool.Length - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        var sample = pool.AsSpan(0, size).ToArray();
        Array.Sort(sample);
        return sample;
    }

    /// <summary>
    /// The Kolmogorov–Smirnov statistic sup |F_n(x) − F(x)| of a distribution against sorted values (ties handled: the
    /// empirical CDF jumps by the tie's whole mass).
    /// </summary>
    internal static double KolmogorovSmirnov(ContinuousMarginal marginal, ReadOnlySpan<double> sortedSample)
    {
        var n = sortedSample.Length;
        var d = 0.0;
        for (var i = 0; i < n; i++)
        {
            var f = marginal.Cdf(sortedSample[i]);
            if (double.IsNaN(f)) return double.NaN;
            var above = (i + 1.0) / n - f;
            var below = f - (double)i / n;
            if (above > d) d = above;
            if (below > d) d = below;
        }
        return d;
    }
}
