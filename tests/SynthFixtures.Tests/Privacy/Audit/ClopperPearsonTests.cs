using SynthFixtures.Privacy.Audit;

namespace SynthFixtures.Tests.Privacy.Audit;

/// <summary>
/// Clopper–Pearson bounds against known values: R's <c>binom.test(5, 10)</c> and <c>binom.test(0, 10)</c> (95 %
/// two-sided: 0.1870860 … 0.8129140 and 0 … 0.3084971), and the rest solved with mpmath at 40 digits from the
/// defining equation I_p(k + 1, n − k) = 1 − α by bisection.
/// </summary>
public sealed class ClopperPearsonTests
{
    [Theory]
    [InlineData(5, 10, 0.025, 0.81291397155260147)]
    [InlineData(0, 10, 0.025, 0.30849710781876082)]
    [InlineData(3, 50, 0.05, 0.14783717636418124)]
    [InlineData(1, 100, 0.025, 0.054459385392080657)]
    [InlineData(2, 100, 0.025, 0.070383932471070129)]
    [InlineData(17, 40, 0.01, 0.61883243449007854)]
    [InlineData(99, 100, 0.025, 0.99974685396702258)]
    [InlineData(0, 200, 0.025, 0.018275340355136245)]
    public void Upper_bounds_match_known_values(int successes, int trials, double alpha, double expected) =>
        Assert.Equal(expected, ClopperPearson.Upper(successes, trials, alpha), 1e-9);

    [Fact]
    public void Lower_bounds_mirror_the_upper_ones()
    {
        Assert.Equal(0.18708602844739853, ClopperPearson.Lower(5, 10, 0.025), 1e-9);
        Assert.Equal(1 - 0.054459385392080657, ClopperPearson.Lower(99, 100, 0.025), 1e-9);
        Assert.Equal(0, ClopperPearson.Lower(0, 10, 0.025));
        Assert.Equal(1, ClopperPearson.Upper(10, 10, 0.025));
    }

    [Fact]
    public void The_upper_bound_is_where_the_binomial_tail_equals_alpha()
    {
        // P(Bin(n, p) ≤ k) = α at the bound: the definition, checked through MathNet's binomial CDF.
        foreach (var (k, n) in new[] { (0, 30), (4, 30), (12, 30), (29, 30), (50, 400) })
        {
            var upper = ClopperPearson.Upper(k, n, 0.05);
            Assert.Equal(0.05, MathNet.Numerics.Distributions.Binomial.CDF(upper, n, k), 1e-8);
        }
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ClopperPearson.Upper(0, 0, 0.05));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClopperPearson.Upper(11, 10, 0.05));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClopperPearson.Upper(1, 10, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClopperPearson.Upper(1, 10, 1));
    }
}
