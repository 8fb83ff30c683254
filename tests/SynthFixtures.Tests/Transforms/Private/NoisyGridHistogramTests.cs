using SynthFixtures.Metadata;
using SynthFixtures.Randomness;
using SynthFixtures.Transforms.Private;

namespace SynthFixtures.Tests.Transforms.Private;

/// <summary>
/// Which parts of the public grid the noisy counts keep: no unit mixes signs, no block that noise alone lifted far from
/// the data stretches a column's range, and a real group of outliers with enough rows is still kept.
/// </summary>
public class NoisyGridHistogramTests
{
    /// <summary>300 values in [0, 100], half of them in 30 … 50: a few rows per cell, as on a small table.</summary>
    private static double[] SmallColumn()
    {
        var random = new SynthRandom(11);
        return [.. Enumerable.Range(0, 300).Select(i => i % 2 == 0 ? Math.Round(30 + 20 * random.NextDouble()) : Math.Round(100 * random.NextDouble()))];
    }

    [Theory]
    [InlineData(ColumnKind.Integer)]
    [InlineData(ColumnKind.Decimal)]
    public void At_small_epsilon_no_kept_unit_lies_far_from_the_data_or_straddles_zero(ColumnKind kind)
    {
        var values = SmallColumn();
        var grid = PublicGrid.For(kind);
        // σ = 20 per count, and σ = 55 (dp-marginals' on 500 adult rows at ε = 1), where no cell or block of these
        // 300 rows can be told from noise.
        foreach (var sigma in new[] { 5.0, 20, 55 })
        for (var seed = 0; seed < 1_000; seed++)
        {
            var histogram = NoisyGridHistogram.Measure(values, grid, sigma, new SynthRandom(seed), measureMissing: false);
            foreach (var unit in histogram.Units)
            {
                var (low, high) = histogram.Decoded(unit);
                Assert.False(low < 0 && high > 0, $"seed {seed}: unit [{low}, {high}) holds both signs");
                Assert.InRange(low, -1e4, 1e4);
                Assert.InRange(high, -1e4, 1e4);
            }
            var (minimum, maximum) = histogram.Range();
            Assert.True(minimum > -1e4 && maximum < 1e4, $"seed {seed}: range [{minimum}, {maximum}]");
        }
    }

    [Fact]
    public void Blocks_are_formed_on_either_side_of_zero_never_over_it()
    {
        // Values spread thinly over −60 … 60: no single cell clears the threshold, so only blocks can keep them.
        var values = Enumerable.Range(0, 2_000).Select(i => (double)(i % 121 - 60)).ToArray();
        var grid = PublicGrid.For(ColumnKind.Integer);
        for (var seed = 0; seed < 50; seed++)
        {
            var histogram = NoisyGridHistogram.Measure(values, grid, sigma: 8, new SynthRandom(seed), measureMissing: false);
            Assert.Contains(histogram.Units, u => u.Last - u.First > 0);
            Assert.All(histogram.Units, u => Assert.True(u.Last < grid.ZeroCell || u.First > grid.ZeroCell || u.First == u.Last,
                $"seed {seed}: cells {u.First} … {u.Last} cross the zero cell {grid.ZeroCell}"));
            var (minimum, maximum) = histogram.Range();
            Assert.True(minimum < 0 && maximum > 0, $"seed {seed}: both signs' mass is kept ({minimum}, {maximum}) " + string.Join(" ", histogram.Units.Select(u => $"{u.First}-{u.Last}:{u.Mass:F0}")) + $" zero {grid.ZeroCell}");
        }
    }

    [Fact]
    public void A_real_group_of_outliers_far_from_the_bulk_is_kept()
    {
        // 300 rows at 99 999 (adult's capital-gain cap) beside 3 000 in [0, 100]: far apart, but no noise.
        var values = SmallColumn().Concat(SmallColumn()).Concat(SmallColumn()).Concat(SmallColumn()).Concat(SmallColumn())
            .Concat(SmallColumn()).Concat(SmallColumn()).Concat(SmallColumn()).Concat(SmallColumn()).Concat(SmallColumn())
            .Concat(Enumerable.Repeat(99_999.0, 300)).ToArray();
        for (var seed = 0; seed < 20; seed++)
        {
            var histogram = NoisyGridHistogram.Measure(values, PublicGrid.For(ColumnKind.Integer), sigma: 20, new SynthRandom(seed), measureMissing: false);
            var (_, maximum) = histogram.Range();
            Assert.True(maximum >= 99_999, $"seed {seed}: the outliers at 99 999 were dropped (maximum {maximum})");
        }
    }
}
