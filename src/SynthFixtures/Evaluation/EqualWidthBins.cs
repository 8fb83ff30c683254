namespace SynthFixtures.Evaluation;

/// <summary>
/// Equal-width bins over the range of a real numeric column, used to turn numeric and datetime columns into
/// categories for <see cref="ContingencySimilarity"/>. Edges are min + k·(max − min)/count for k = 0 … count; bin k
/// holds [edge_k, edge_{k+1}), the last bin also holds max (NumPy's histogram convention). Values outside the real
/// range, as synthetic values may be, are clamped into the first or last bin. NaN has no bin.
/// </summary>
/// <remarks>
/// A constant real column (min = max) gets the range [min − ½, max + ½], as <c>numpy.histogram_bin_edges</c> does,
/// so its value falls in the middle bin. A real column without any non-missing value gets that range around 0.
/// </remarks>
public sealed class EqualWidthBins
{
    /// <summary>The number of bins SDMetrics uses for the quality report.</summary>
    public const int DefaultCount = 10;

    private readonly double[] _edges;

    private EqualWidthBins(double[] edges) => _edges = edges;

    /// <summary>Number of bins.</summary>
    public int Count => _edges.Length - 1;

    /// <summary>The bin edges, ascending, <see cref="Count"/> + 1 of them.</summary>
    public IReadOnlyList<double> Edges => _edges;

    /// <summary>Bins over the range of the non-NaN values of <paramref name="real"/>.</summary>
    /// <param name="real">The real column's values; NaN is ignored.</param>
    /// <param name="count">Number of bins (at least 1).</param>
    public static EqualWidthBins Create(ReadOnlySpan<double> real, int count = DefaultCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in real)
        {
            if (double.IsNaN(v)) continue;
            if (v < min) min = v;
            if (v > max) max = v;
        }
        if (min > max) (min, max) = (0.0, 0.0);
        if (min == max) (min, max) = (min - 0.5, max + 0.5);
        var edges = new double[count + 1];
        var width = (max - min) / count;
        for (var k = 0; k < count; k++) edges[k] = min + k * width;
        edges[count] = max;
        return new EqualWidthBins(edges);
    }

    /// <summary>The 0-based bin of <paramref name="value"/>, clamped to the outer bins; −1 for NaN.</summary>
    public int BinOf(double value)
    {
        if (double.IsNaN(value)) return -1;
        // Largest k with edge_k ≤ value, within 0 … Count − 1.
        int lo = 0, hi = Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >> 1;
            if (_edges[mid] <= value) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }
}
