using SynthFixtures.Numerics;
namespace SynthFixtures.Evaluation;

/// <summary>
/// Column pair trend of two numeric or datetime columns: 1 − |ρ_real − ρ_synthetic| / 2 with Pearson's ρ computed on
/// the rows where both values are present.
/// </summary>
/// <remarks>
/// Two choices differ from SDMetrics, on purpose. SDMetrics fills missing values with 0 before correlating, which
/// invents a correlation out of the missing-value pattern and the column's scale; here such rows are left out.
/// SDMetrics scores a pair with a constant column as NaN and leaves it out of the average, which would let a
/// synthesizer that collapses a column to one value escape; here an undefined ρ (a constant column, or fewer than
/// two complete rows) counts as 0 ("no linear relation"), is reported as <c>null</c>, and the pair is scored.
/// </remarks>
public static class CorrelationSimilarity
{
    /// <summary>Compares the correlation of (x, y) in the real and the synthetic table. NaN marks a missing value.</summary>
    public static CorrelationComparison Compute(ReadOnlySpan<double> realX, ReadOnlySpan<double> realY,
        ReadOnlySpan<double> syntheticX, ReadOnlySpan<double> syntheticY)
    {
        var real = Pearson(realX, realY);
        var synthetic = Pearson(syntheticX, syntheticY);
        var score = 1.0 - Math.Abs((real ?? 0.0) - (synthetic ?? 0.0)) / 2.0;
        return new CorrelationComparison(Math.Clamp(score, 0.0, 1.0), real, synthetic);
    }

    /// <summary>Pearson's ρ over the rows where both values are present; <c>null</c> when undefined.</summary>
    public static double? Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => PairwiseCorrelation.Pearson(x, y);
}
