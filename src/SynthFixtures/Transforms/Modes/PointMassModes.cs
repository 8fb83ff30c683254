namespace SynthFixtures.Transforms.Modes;

/// <summary>
/// Sharpens fitted modes that are really one repeated number: the zeros of a zero-inflated column, the 40 of
/// hours-per-week. The variational mixture gives such a component a standard deviation from its prior (43 for adult's
/// capital-gain zeros), so decoding spreads the number ±4σ and rounding turns zeros into ones and twos. A component
/// whose likeliest values are at least <see cref="Share"/> one number becomes that number with a negligible standard
/// deviation: it encodes and decodes exactly, and the few other values it held move to their next likeliest mode.
/// </summary>
internal static class PointMassModes
{
    /// <summary>Share of a component's values that must be one number.</summary>
    public const double Share = 0.9;

    /// <summary>Relative standard deviation of a sharpened component (scaled by the number's magnitude, at least 1).</summary>
    private const double RelativeSd = 1e-9;

    public static ModeNormalizerParameters Sharpen(ModeNormalizerParameters fitted, IReadOnlyList<double> values)
    {
        var k = fitted.Weights.Length;
        if (k < 2 || values.Count == 0) return fitted;
        var normalizer = new ModeNormalizer(fitted);
        var counts = new Dictionary<double, int>[k];
        for (var c = 0; c < k; c++) counts[c] = [];
        Span<double> posterior = stackalloc double[k];
        foreach (var v in values)
        {
            normalizer.Posterior(v, posterior);
            var best = 0;
            for (var c = 1; c < k; c++)
                if (posterior[c] > posterior[best]) best = c;
            counts[best][v] = counts[best].GetValueOrDefault(v) + 1;
        }
        var means = fitted.Means.ToArray();
        var sds = fitted.StandardDeviations.ToArray();
        var minimum = Math.Max(10, 0.01 * values.Count);
        for (var c = 0; c < k; c++)
        {
            var total = counts[c].Values.Sum();
            if (total < minimum) continue;
            var (value, count) = counts[c].MaxBy(p => p.Value);
            if (count < Share * total) continue;
            // Keep the means ascending, as the parameters promise.
            if ((c > 0 && value <= means[c - 1]) || (c < k - 1 && value >= means[c + 1])) continue;
            means[c] = value;
            sds[c] = RelativeSd * Math.Max(1, Math.Abs(value));
        }
        return fitted with { Means = means, StandardDeviations = sds };
    }
}
