using MathNet.Numerics.Distributions;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Models.GaussianCopula.Marginals;

namespace SynthFixtures.Tests.Models;

/// <summary>Fitting data drawn from a known copula recovers its correlation and each marginal's parameters.</summary>
public sealed class GaussianCopulaRecoveryTests
{
    private static readonly double[,] TrueCorrelation =
    {
        { 1.0, 0.6, -0.3 },
        { 0.6, 1.0, 0.2 },
        { -0.3, 0.2, 1.0 },
    };

    private static readonly string[] Names = ["height", "wait", "score"];

    private static GaussianCopulaModel FitKnownCopula()
    {
        var table = CopulaTestData.Draw(8000, TrueCorrelation,
        [
            p => Normal.InvCDF(100, 15, p),
            p => Gamma.InvCDF(3, 0.5, p),          // shape 3, rate 0.5 (scale 2)
            p => 10 + 10 * p,                      // Uniform(10, 20)
        ], Names, seed: 11);
        return GaussianCopulaFitter.Fit(table, CopulaTestData.Decimals(Names), new GaussianCopulaOptions { Seed = 3 });
    }

    [Fact]
    public void Recovers_the_correlation_of_normal_scores_within_0_05()
    {
        var model = FitKnownCopula();
        Assert.Equal(3, model.Dimensions);
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++)
                Assert.InRange(model.Correlation[i, j], TrueCorrelation[i, j] - 0.05, TrueCorrelation[i, j] + 0.05);
    }

    [Fact]
    public void Recovers_each_marginal_family_and_its_parameters_within_5_percent()
    {
        var model = FitKnownCopula();
        var columns = model.CopulaColumns.Cast<NumericCopulaColumn>().ToArray();
        Assert.All(columns, c => Assert.Empty(c.Marginal.AtomValues));

        var height = columns[0].Marginal.Continuous!;
        var (mean, sd) = height switch
        {
            NormalMarginal n => (n.Mean, n.StdDev),
            TruncatedNormalMarginal t => (t.Mean, t.StdDev),
            _ => throw new Xunit.Sdk.XunitException($"height: expected a normal family, got {height.Family}"),
        };
        AssertWithin(100, mean, 0.05);
        AssertWithin(15, sd, 0.05);

        var wait = Assert.IsType<GammaMarginal>(columns[1].Marginal.Continuous);
        AssertWithin(3, wait.Shape, 0.05);
        AssertWithin(2, wait.Scale, 0.05);

        var score = Assert.IsType<UniformMarginal>(columns[2].Marginal.Continuous);
        AssertWithin(10, score.Lower, 0.05);
        AssertWithin(20, score.Upper, 0.05);
    }

    [Fact]
    public void Samples_reproduce_the_copula_correlation_and_stay_in_the_observed_range()
    {
        var model = FitKnownCopula();
        var sample = model.Sample(20000, seed: 5);
        var columns = Names.Select(n => sample[n].Numbers!).ToArray();
        // Normal scores of the sampled values, through the true marginals: their correlation must match the truth.
        double[][] scores =
        [
            columns[0].Select(x => Normal.InvCDF(0, 1, Normal.CDF(100, 15, x))).ToArray(),
            columns[1].Select(x => Normal.InvCDF(0, 1, Math.Clamp(Gamma.CDF(3, 0.5, x), 1e-9, 1 - 1e-9))).ToArray(),
            columns[2].Select(x => Normal.InvCDF(0, 1, Math.Clamp((x - 10) / 10, 1e-9, 1 - 1e-9))).ToArray(),
        ];
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < i; j++)
                Assert.InRange(MathNet.Numerics.Statistics.Correlation.Pearson(scores[i], scores[j]), TrueCorrelation[i, j] - 0.05, TrueCorrelation[i, j] + 0.05);
        foreach (var (column, values) in model.CopulaColumns.Cast<NumericCopulaColumn>().Zip(columns))
            Assert.All(values, v => Assert.InRange(v, column.Marginal.Minimum, column.Marginal.Maximum));
    }

    private static void AssertWithin(double expected, double actual, double relative) =>
        Assert.True(Math.Abs(actual - expected) <= relative * Math.Abs(expected),
            $"expected {expected} within {relative:P0}, got {actual}");
}
