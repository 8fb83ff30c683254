namespace SynthFixtures.Evaluation;

/// <summary>
/// Cramér's V of two coded columns: √(χ² / n / (min(r, c) − 1)) over the r × c contingency table of the codes that
/// occur, χ² without continuity correction and V without bias correction (what <c>scipy.stats.contingency.association</c>
/// computes, and so what SDMetrics' association threshold is measured with). A missing cell (code 0) is a category.
/// </summary>
public static class CramersV
{
    /// <summary>V in [0, 1], or <c>null</c> when it is undefined (no rows, or either column has a single observed code).</summary>
    /// <param name="a">Codes of column A, each in 0 … <paramref name="countA"/> − 1.</param>
    /// <param name="b">Codes of column B, each in 0 … <paramref name="countB"/> − 1.</param>
    /// <param name="countA">Number of codes of column A.</param>
    /// <param name="countB">Number of codes of column B.</param>
    public static double? Compute(ReadOnlySpan<int> a, ReadOnlySpan<int> b, int countA, int countB)
    {
        if (a.Length != b.Length) throw new ArgumentException("Columns A and B differ in length.", nameof(b));
        ArgumentOutOfRangeException.ThrowIfLessThan(countA, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(countB, 1);
        if (a.Length == 0) return null;
        var rowTotals = new long[countA];
        var columnTotals = new long[countB];
        // Sparse joint counts: a high-cardinality pair would not fit a dense countA × countB array.
        var joint = new Dictionary<long, long>();
        for (var i = 0; i < a.Length; i++)
        {
            rowTotals[a[i]]++;
            columnTotals[b[i]]++;
            var key = (long)a[i] * countB + b[i];
            joint[key] = joint.GetValueOrDefault(key) + 1;
        }
        var rows = rowTotals.Count(t => t > 0);
        var columns = columnTotals.Count(t => t > 0);
        if (rows < 2 || columns < 2) return null;
        double n = a.Length;
        // χ² = n (Σ O² / (R·C) − 1): only the observed cells enter the sum, the empty ones cancel out.
        double sum = 0;
        foreach (var (key, observed) in joint.OrderBy(k => k.Key))
            sum += (double)observed * observed / ((double)rowTotals[key / countB] * columnTotals[key % countB]);
        var chiSquare = Math.Max(0.0, n * (sum - 1.0));
        return Math.Clamp(Math.Sqrt(chiSquare / n / (Math.Min(rows, columns) - 1)), 0.0, 1.0);
    }
}
