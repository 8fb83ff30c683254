using MathNet.Numerics.Distributions;

namespace SynthFixtures.Tests.Models.Marginals;

/// <summary>Seeded test samples drawn with MathNet distributions and System.Random (independent of the code under test).</summary>
internal static class TestData
{
    public static double[] Normal(int n, double mean, double sd, int seed = 12345) => Draw(n, seed, r => MathNet.Numerics.Distributions.Normal.Sample(r, mean, sd));

    public static double[] Gamma(int n, double shape, double scale, int seed = 12345) =>
        Draw(n, seed, r => MathNet.Numerics.Distributions.Gamma.Sample(r, shape, 1 / scale));

    public static double[] Uniform(int n, double lower, double upper, int seed = 12345) => Draw(n, seed, r => ContinuousUniform.Sample(r, lower, upper));

    public static double[] Beta(int n, double a, double b, int seed = 12345) => Draw(n, seed, r => MathNet.Numerics.Distributions.Beta.Sample(r, a, b));

    /// <summary>0.4·N(0, 1) + 0.6·N(6, 1.5).</summary>
    public static double[] Bimodal(int n, int seed = 12345) =>
        Draw(n, seed, r => r.NextDouble() < 0.4 ? MathNet.Numerics.Distributions.Normal.Sample(r, 0, 1) : MathNet.Numerics.Distributions.Normal.Sample(r, 6, 1.5));

    public static double BimodalCdf(double x) => 0.4 * MathNet.Numerics.Distributions.Normal.CDF(0, 1, x) + 0.6 * MathNet.Numerics.Distributions.Normal.CDF(6, 1.5, x);

    public static double[] Sorted(double[] values)
    {
        var copy = (double[])values.Clone();
        Array.Sort(copy);
        return copy;
    }

    private static double[] Draw(int n, int seed, Func<Random, double> draw)
    {
        var random = new Random(seed);
        var values = new double[n];
        for (var i = 0; i < n; i++) values[i] = draw(random);
        return values;
    }
}
