using SynthFixtures.Numerics;
using SynthFixtures.Randomness;

namespace SynthFixtures.Tests.Models.Sequences;

public sealed class BivariateNormalTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(-0.6)]
    [InlineData(0.95)]
    [InlineData(-0.97)]
    public void Quadrant_probability_is_the_arcsine_law(double rho) =>
        Assert.Equal(0.25 + Math.Asin(rho) / (2 * Math.PI), BivariateNormal.Cdf(0, 0, rho), 12);

    [Theory]
    [InlineData(0.3, -1.2, 0.0)]
    [InlineData(1.1, 0.4, 0.8)]
    [InlineData(-0.5, 2.0, -0.93)]
    [InlineData(-2.0, -1.5, 0.99)]
    public void Cdf_matches_numerical_integration_of_the_conditional(double x, double y, double rho)
    {
        // P(X ≤ x, Y ≤ y) = ∫_{−∞}^{x} φ(s) Φ((y − ρ s)/√(1 − ρ²)) ds, by the trapezoid rule on a fine grid.
        const int steps = 200_000;
        var lower = -9.0;
        var h = (x - lower) / steps;
        var sum = 0.0;
        for (var i = 0; i <= steps; i++)
        {
            var s = lower + i * h;
            var f = Math.Exp(-s * s / 2) / Math.Sqrt(2 * Math.PI) * StandardNormal.Cdf((y - rho * s) / Math.Sqrt(1 - rho * rho));
            sum += (i == 0 || i == steps ? 0.5 : 1) * f;
        }
        Assert.Equal(sum * h, BivariateNormal.Cdf(x, y, rho), 8);
    }

    [Fact]
    public void Infinite_bounds_reduce_to_the_margins()
    {
        Assert.Equal(StandardNormal.Cdf(0.7), BivariateNormal.Cdf(0.7, double.PositiveInfinity, 0.4), 15);
        Assert.Equal(0, BivariateNormal.Cdf(double.NegativeInfinity, 1, 0.4));
        Assert.Equal(1, BivariateNormal.Rectangle(double.NegativeInfinity, double.PositiveInfinity, double.NegativeInfinity, double.PositiveInfinity, -0.3), 12);
    }

    [Fact]
    public void Latent_correlation_of_a_two_label_chain_is_not_attenuated()
    {
        // Two labels split at 0 that agree with probability 0.9: the latent ρ solves ½ + arcsin(ρ)/π = 0.9 (ρ ≈ 0.951);
        // the Pearson correlation of scores drawn inside the halves would be about 0.5.
        var random = new SynthRandom(1);
        const int n = 20_000;
        double[] lx = new double[n], ux = new double[n], ly = new double[n], uy = new double[n];
        for (var i = 0; i < n; i++)
        {
            var a = random.NextDouble() < 0.5;
            var b = random.NextDouble() < 0.9 ? a : !a;
            (lx[i], ux[i]) = a ? (0.0, double.PositiveInfinity) : (double.NegativeInfinity, 0.0);
            (ly[i], uy[i]) = b ? (0.0, double.PositiveInfinity) : (double.NegativeInfinity, 0.0);
        }
        Assert.Equal(Math.Sin(0.4 * Math.PI), LatentCorrelation.Pair(lx, ux, ly, uy), 2);
    }
}
