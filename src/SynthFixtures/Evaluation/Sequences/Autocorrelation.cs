namespace SynthFixtures.Evaluation.Sequences;

/// <summary>
/// Sample autocorrelation of one sequence and its mean over entities, and the comparison of two such means (the formula
/// is on <see cref="AutocorrelationScore"/>). The estimator divides by the whole sum of squares, as the usual sample ACF
/// does, so |r_ℓ| ≤ 1 and short sequences are shrunk towards 0 alike on both sides.
/// </summary>
public static class Autocorrelation
{
    /// <summary>The sample autocorrelation of <paramref name="values"/> at <paramref name="lag"/>; NaN marks a missing value.</summary>
    /// <returns><c>null</c> when undefined: fewer than two pairs of present values <paramref name="lag"/> steps apart, or a constant sequence.</returns>
    public static double? At(ReadOnlySpan<double> values, int lag)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lag, 1);
        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        var present = 0;
        foreach (var v in values)
        {
            if (double.IsNaN(v)) continue;
            sum += v;
            present++;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        if (present < 3 || min == max) return null;
        var mean = sum / present;
        double squares = 0;
        foreach (var v in values)
            if (!double.IsNaN(v)) squares += (v - mean) * (v - mean);
        double products = 0;
        var pairs = 0;
        for (var t = 0; t + lag < values.Length; t++)
        {
            var a = values[t];
            var b = values[t + lag];
            if (double.IsNaN(a) || double.IsNaN(b)) continue;
            products += (a - mean) * (b - mean);
            pairs++;
        }
        if (pairs < 2 || squares <= 0) return null;
        return Math.Clamp(products / squares, -1.0, 1.0);
    }

    /// <summary>Per lag 1 … <paramref name="maxLag"/>, the mean of <see cref="At"/> over the sequences that define it (<c>null</c> where none does).</summary>
    public static double?[] MeanOverEntities(IEnumerable<double[]> sequences, int maxLag)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        var sums = new double[maxLag];
        var counts = new int[maxLag];
        foreach (var sequence in sequences)
            for (var lag = 1; lag <= maxLag; lag++)
                if (At(sequence, lag) is { } r)
                {
                    sums[lag - 1] += r;
                    counts[lag - 1]++;
                }
        return sums.Select((s, i) => counts[i] == 0 ? (double?)null : s / counts[i]).ToArray();
    }

    /// <summary>
    /// The mean of 1 − |real − synthetic| / 2 over the lags where <paramref name="real"/> is defined (an undefined synthetic
    /// value counts as 0, so a synthesizer that flattens a column is not let off); <c>null</c> when the real side defines no lag.
    /// </summary>
    public static double? Similarity(IReadOnlyList<double?> real, IReadOnlyList<double?> synthetic)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        double sum = 0;
        var lags = 0;
        for (var i = 0; i < real.Count; i++)
        {
            if (real[i] is not { } r) continue;
            sum += 1.0 - Math.Abs(r - (synthetic[i] ?? 0.0)) / 2.0;
            lags++;
        }
        return lags == 0 ? null : Math.Clamp(sum / lags, 0.0, 1.0);
    }
}
