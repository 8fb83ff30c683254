namespace SynthFixtures.Models.DpMarginals;

/// <summary>
/// The nearest non-negative vector with a given total (Euclidean projection onto the scaled simplex, Duchi et al.
/// 2008): noisy counts become a distribution by subtracting one threshold and clipping at zero, so small noisy cells
/// vanish instead of each keeping its positive noise.
/// </summary>
internal static class SimplexProjection
{
    /// <summary>The projection of <paramref name="values"/> onto {x ≥ 0, Σx = <paramref name="total"/>} (total &gt; 0).</summary>
    public static double[] Project(ReadOnlySpan<double> values, double total)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        Array.Reverse(sorted);
        double cumulative = 0, threshold = 0;
        for (var k = 0; k < sorted.Length; k++)
        {
            cumulative += sorted[k];
            var candidate = (cumulative - total) / (k + 1);
            if (sorted[k] - candidate > 0) threshold = candidate;
        }
        var result = new double[values.Length];
        for (var i = 0; i < result.Length; i++) result[i] = Math.Max(0, values[i] - threshold);
        return result;
    }
}
