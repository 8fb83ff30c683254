namespace SynthFixtures.Evaluation.Sequences;

/// <summary>
/// The sequence-length score: 1 − min(1, W₁ / s), where W₁ is the earth mover's (1-Wasserstein) distance between the
/// real and synthetic lengths — the mean number of steps a synthetic length is off, once the two distributions are
/// matched quantile to quantile — and s = max(σ_real, 0.1 · mean_real, 1) steps. Normalising by the real lengths'
/// spread says how far off a length is against how much lengths differ anyway; the floor of a tenth of the mean length
/// (and of one step) keeps equal real lengths scoreable: with every real entity 14 steps long, one synthetic entity of 13
/// among 510 costs 1/510 of a step of 1.4 (score 0.9986) rather than the whole score, as a KS statistic would charge it,
/// and every synthetic entity a tenth too long or too short scores 0.
/// </summary>
public static class LengthScore
{
    /// <summary>The share of the mean real length below which the scale does not fall.</summary>
    public const double MeanShare = 0.1;

    /// <summary>The score, W₁ (in steps) and the scale s it was divided by; 1 when either side is empty.</summary>
    public static (double Score, double Distance, double Scale) Compute(IReadOnlyList<double> real, IReadOnlyList<double> synthetic)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        if (real.Count == 0 || synthetic.Count == 0) return (1, 0, 1);
        var mean = real.Average();
        var sd = Math.Sqrt(real.Sum(x => (x - mean) * (x - mean)) / real.Count);
        var scale = Math.Max(Math.Max(sd, MeanShare * Math.Abs(mean)), 1);
        var distance = Wasserstein(real, synthetic);
        return (Math.Clamp(1 - distance / scale, 0, 1), distance, scale);
    }

    /// <summary>∫ |F_a(x) − F_b(x)| dx over the two empirical distribution functions.</summary>
    internal static double Wasserstein(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var x = a.OrderBy(v => v).ToArray();
        var y = b.OrderBy(v => v).ToArray();
        var points = x.Concat(y).Distinct().OrderBy(v => v).ToArray();
        double total = 0;
        int i = 0, j = 0;
        for (var k = 0; k < points.Length - 1; k++)
        {
            while (i < x.Length && x[i] <= points[k]) i++;
            while (j < y.Length && y[j] <= points[k]) j++;
            total += Math.Abs((double)i / x.Length - (double)j / y.Length) * (points[k + 1] - points[k]);
        }
        return total;
    }
}
