namespace SynthFixtures.Evaluation;

/// <summary>
/// Column shape of a numeric or datetime column: 1 − D, where D is the two-sample Kolmogorov–Smirnov statistic, the
/// largest distance between the two empirical CDFs. Missing values (NaN) are ignored, as in SDMetrics. Ties are exact:
/// the CDFs are compared only after every copy of a value has been counted on both sides. O(n log n) for the sorts.
/// </summary>
/// <remarks>
/// When one side has no non-missing values the score is 0 (nothing of the other distribution was reproduced), and 1
/// when neither has any (SDMetrics raises an error in both cases; a score keeps the report total).
/// </remarks>
public static class KSComplement
{
    /// <summary>1 − D for two samples; NaN values are ignored. The inputs are not modified.</summary>
    public static double Compute(ReadOnlySpan<double> real, ReadOnlySpan<double> synthetic) =>
        1.0 - Statistic(real, synthetic);

    /// <summary>The two-sample Kolmogorov–Smirnov statistic D in [0, 1]; NaN values are ignored.</summary>
    public static double Statistic(ReadOnlySpan<double> real, ReadOnlySpan<double> synthetic) =>
        StatisticOfSorted(SortedFinite(real), SortedFinite(synthetic));

    /// <summary>The non-NaN values of <paramref name="values"/>, sorted ascending.</summary>
    internal static double[] SortedFinite(ReadOnlySpan<double> values)
    {
        var count = 0;
        foreach (var v in values)
            if (!double.IsNaN(v)) count++;
        var sorted = new double[count];
        var i = 0;
        foreach (var v in values)
            if (!double.IsNaN(v)) sorted[i++] = v;
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>D for two ascending, NaN-free samples.</summary>
    internal static double StatisticOfSorted(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        long n = a.Length, m = b.Length;
        if (n == 0 || m == 0) return n == m ? 0.0 : 1.0;
        // |F_a(x) − F_b(x)| = |i·m − j·n| / (n·m): kept as an exact integer until the one final division.
        long i = 0, j = 0, best = 0;
        while (i < n && j < m)
        {
            var x = Math.Min(a[(int)i], b[(int)j]);
            while (i < n && a[(int)i] == x) i++;
            while (j < m && b[(int)j] == x) j++;
            best = Math.Max(best, Math.Abs(i * m - j * n));
        }
        // Once one side is exhausted its CDF is 1 and the other only climbs towards 1: the gap can only shrink.
        return best / ((double)n * m);
    }
}
