using SynthFixtures.Evaluation;

namespace SynthFixtures.Tests.Evaluation;

public class CorrelationSimilarityTests
{
    [Fact]
    public void Opposite_perfect_correlations_score_zero()
    {
        double[] x = [1, 2, 3, 4, 5];
        var result = CorrelationSimilarity.Compute(x, [2, 4, 6, 8, 10], x, [10, 8, 6, 4, 2]);
        Assert.Equal(0.0, result.Score, 12);
        Assert.Equal(1.0, result.RealCorrelation!.Value, 12);
        Assert.Equal(-1.0, result.SyntheticCorrelation!.Value, 12);
    }

    [Fact]
    public void Equal_correlations_score_one()
    {
        double[] x = [1, 2, 3, 4, 5];
        double[] y = [2, 1, 4, 3, 5];
        Assert.Equal(1.0, CorrelationSimilarity.Compute(x, y, x, y).Score);
    }

    [Fact]
    public void Hand_computed_pearson_and_score()
    {
        // x = {1,2,3}, y = {1,3,2}: means 2, 2; Σdxdy = (−1)(−1) + 0 + (1)(0) = 1; Σdx² = 2; Σdy² = 2 → ρ = 0.5.
        // Against ρ = 1 in the synthetic table: 1 − |0.5 − 1| / 2 = 0.75.
        var result = CorrelationSimilarity.Compute([1, 2, 3], [1, 3, 2], [1, 2, 3], [1, 2, 3]);
        Assert.Equal(0.5, result.RealCorrelation!.Value, 12);
        Assert.Equal(0.75, result.Score, 12);
    }

    [Fact]
    public void Rows_with_a_missing_value_are_left_out()
    {
        // Without row 2 the points lie on y = x.
        Assert.Equal(1.0, CorrelationSimilarity.Pearson([1, 2, double.NaN, 4], [1, 2, 100, 4])!.Value, 12);
        Assert.Equal(1.0, CorrelationSimilarity.Pearson([1, 2, 50, 4], [1, 2, double.NaN, 4])!.Value, 12);
    }

    [Fact]
    public void Constant_column_has_no_correlation_and_counts_as_zero()
    {
        Assert.Null(CorrelationSimilarity.Pearson([0.1, 0.1, 0.1], [1, 2, 3]));
        Assert.Null(CorrelationSimilarity.Pearson([1], [1]));
        // Real ρ = 1, synthetic collapsed to a constant: ρ taken as 0 → 1 − 1/2 = 0.5 (SDMetrics would skip the pair).
        var result = CorrelationSimilarity.Compute([1, 2, 3], [1, 2, 3], [1, 2, 3], [7, 7, 7]);
        Assert.Null(result.SyntheticCorrelation);
        Assert.Equal(0.5, result.Score, 12);
    }
}
