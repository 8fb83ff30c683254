namespace SynthFixtures.Numerics;

/// <summary>
/// Pearson correlation over pairwise-complete rows (NaN marks a missing value). One implementation shared by the
/// copula fit (correlation of normal scores) and the quality report (CorrelationSimilarity), so both agree on what
/// "correlation with missing values" means.
/// </summary>
internal static class PairwiseCorrelation
{
    /// <summary>Pearson's ρ over the rows where both values are present; <c>null</c> when undefined.</summary>
    public static double? Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException("The columns differ in length.", nameof(y));
        long n = 0;
        double sumX = 0, sumY = 0;
        bool xVaries = false, yVaries = false;
        double firstX = double.NaN, firstY = double.NaN;
        for (var i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]) || double.IsNaN(y[i])) continue;
            if (n++ == 0) (firstX, firstY) = (x[i], y[i]);
            xVaries |= x[i] != firstX;
            yVaries |= y[i] != firstY;
            sumX += x[i];
            sumY += y[i];
        }
        // Constancy is tested on the values themselves: a rounded mean would leave tiny non-zero deviations.
        if (n < 2 || !xVaries || !yVaries) return null;
        double meanX = sumX / n, meanY = sumY / n, sxx = 0, syy = 0, sxy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]) || double.IsNaN(y[i])) continue;
            double dx = x[i] - meanX, dy = y[i] - meanY;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        if (sxx <= 0 || syy <= 0) return null;
        return Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1.0, 1.0);
    }
}
