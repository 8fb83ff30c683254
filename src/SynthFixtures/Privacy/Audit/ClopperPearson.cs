using MathNet.Numerics.Distributions;

namespace SynthFixtures.Privacy.Audit;

/// <summary>
/// Exact (Clopper–Pearson) one-sided confidence bounds on a binomial proportion: the bounds an audit puts on an attack's
/// error rates, valid whatever the true rate, at the cost of being conservative. They come from the Beta distribution:
/// with k successes in n trials, the upper bound at level α is the 1 − α quantile of Beta(k + 1, n − k), the lower bound
/// the α quantile of Beta(k, n − k + 1).
/// </summary>
public static class ClopperPearson
{
    /// <summary>The p such that P(rate ≤ p) ≥ 1 − <paramref name="alpha"/>: 1 when every trial succeeded.</summary>
    /// <param name="successes">Successes observed, 0 … <paramref name="trials"/>.</param>
    /// <param name="trials">Trials, at least 1.</param>
    /// <param name="alpha">The one-sided error level, in (0, 1).</param>
    public static double Upper(int successes, int trials, double alpha)
    {
        Check(successes, trials, alpha);
        if (successes == trials) return 1;
        // Closed form of the Beta(1, n) quantile: exact where the general inverse is least accurate.
        if (successes == 0) return -double.ExpM1(Math.Log(alpha) / trials);
        return Beta.InvCDF(successes + 1, trials - successes, 1 - alpha);
    }

    /// <summary>The p such that P(rate ≥ p) ≥ 1 − <paramref name="alpha"/>: 0 when no trial succeeded.</summary>
    /// <param name="successes">Successes observed, 0 … <paramref name="trials"/>.</param>
    /// <param name="trials">Trials, at least 1.</param>
    /// <param name="alpha">The one-sided error level, in (0, 1).</param>
    public static double Lower(int successes, int trials, double alpha) => 1 - Upper(trials - successes, trials, alpha);

    private static void Check(int successes, int trials, double alpha)
    {
        if (trials < 1) throw new ArgumentOutOfRangeException(nameof(trials), trials, "A bound needs at least one trial.");
        if (successes < 0 || successes > trials)
            throw new ArgumentOutOfRangeException(nameof(successes), successes, $"Successes must lie in 0 … {trials}.");
        if (!(alpha > 0 && alpha < 1)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "α must lie strictly between 0 and 1.");
    }
}
