using System.Diagnostics;
using SynthFixtures.Models.GaussianCopula.Marginals;
using SynthFixtures.Randomness;
using Xunit.Abstractions;
using MathNetDist = MathNet.Numerics.Distributions;

namespace SynthFixtures.Tests.Models.Marginals;

public sealed class MarginalSelectorTests(ITestOutputHelper output)
{
    private const int N = 5000;

    private MarginalSelection Select(double[] values, long seed = 7)
    {
        var selection = MarginalSelector.Select(values, new SynthRandom(seed));
        output.WriteLine($"{selection.Family}: {selection.Explanation}");
        foreach (var c in selection.Candidates) output.WriteLine($"  {c.Family,-16} KS {c.KsStatistic:F4} {(c.Accepted ? "accepted" : "")}  {c.Marginal.ToSpec()}");
        foreach (var f in selection.Failures) output.WriteLine($"  {f.Family,-16} failed: {f.Reason}");
        return selection;
    }

    /// <summary>sup |F_fit − F_true| over 400 points spanning the true distribution's central 99.98%.</summary>
    private static double MaxCdfGap(ContinuousMarginal fitted, Func<double, double> trueCdf, double from, double to)
    {
        var gap = 0.0;
        for (var i = 0; i <= 400; i++)
        {
            var x = from + (to - from) * i / 400;
            gap = Math.Max(gap, Math.Abs(fitted.Cdf(x) - trueCdf(x)));
        }
        return gap;
    }

    private static void Within(double expected, double actual, double relative, string what) =>
        Assert.True(Math.Abs(actual - expected) <= relative * Math.Abs(expected), $"{what}: expected {expected} ± {relative:P0}, got {actual}");

    [Fact]
    public void Normal_data_selects_a_normal_and_recovers_mean_and_sd()
    {
        var selection = Select(TestData.Normal(N, 100, 15));
        Assert.Contains(selection.Family, new[] { MarginalFamily.Normal, MarginalFamily.TruncatedNormal });
        var (mean, sd) = selection.Marginal switch
        {
            NormalMarginal m => (m.Mean, m.StdDev),
            TruncatedNormalMarginal t => (t.Mean, t.StdDev),
            _ => throw new InvalidOperationException(),
        };
        Within(100, mean, 0.05, "mean");
        Within(15, sd, 0.05, "sd");
        Assert.True(MaxCdfGap(selection.Marginal, x => MathNetDist.Normal.CDF(100, 15, x), 40, 160) < 0.02);
    }

    [Fact]
    public void Gamma_data_selects_gamma_and_recovers_shape_and_scale()
    {
        var selection = Select(TestData.Gamma(N, 3, 2));
        var gamma = Assert.IsType<GammaMarginal>(selection.Marginal);
        Within(3, gamma.Shape, 0.05, "shape");
        Within(2, gamma.Scale, 0.05, "scale");
        Assert.Equal(0, gamma.Location);
        Assert.True(MaxCdfGap(gamma, x => MathNetDist.Gamma.CDF(3, 0.5, x), 0, 30) < 0.02);
    }

    [Fact]
    public void Uniform_data_selects_uniform_and_recovers_bounds()
    {
        var selection = Select(TestData.Uniform(N, 10, 20));
        var uniform = Assert.IsType<UniformMarginal>(selection.Marginal);
        Within(10, uniform.Lower, 0.05, "lower");
        Within(20, uniform.Upper, 0.05, "upper");
        // The unbiased widening puts the bounds within a few expected gaps (10/5001 ≈ 0.002) of the truth.
        Assert.InRange(uniform.Lower, 9.99, 10.01);
        Assert.InRange(uniform.Upper, 19.99, 20.01);
    }

    /// <summary>
    /// Beta by the method of moments on the padded observed range is biased: Beta(2, 5) rarely shows values near 1, so the
    /// fitted support is narrower (here [0.002, 0.834]) and α, β come out smaller (here 1.77 and 3.40 instead of 2 and 5;
    /// across seeds ≈ 1.8 and 3.4–4.0). What is honest to assert: the beta is chosen, its mean and standard deviation match
    /// the truth within 5% (the method of moments matches them by construction), α is within 15% below/10% above 2,
    /// β within 40% below/10% above 5, and its CDF is within 0.02 of the true CDF everywhere.
    /// </summary>
    [Fact]
    public void Beta_data_selects_beta_with_matching_moments_and_cdf()
    {
        var selection = Select(TestData.Beta(N, 2, 5));
        var beta = Assert.IsType<BetaMarginal>(selection.Marginal);
        var width = beta.Upper - beta.Lower;
        var mean = beta.Lower + width * beta.Alpha / (beta.Alpha + beta.Beta);
        var sd = width * Math.Sqrt(beta.Alpha * beta.Beta / ((beta.Alpha + beta.Beta) * (beta.Alpha + beta.Beta) * (beta.Alpha + beta.Beta + 1)));
        Within(2.0 / 7, mean, 0.05, "mean");
        Within(Math.Sqrt(10.0 / (49 * 8)), sd, 0.05, "sd");
        Assert.InRange(beta.Alpha, 2 * 0.85, 2 * 1.1);
        Assert.InRange(beta.Beta, 5 * 0.6, 5 * 1.1);
        Assert.InRange(beta.Lower, -0.01, 0.01);
        Assert.InRange(beta.Upper, 0.8, 1.0);
        Assert.True(MaxCdfGap(beta, x => MathNetDist.Beta.CDF(2, 5, x), 0, 1) < 0.02);
    }

    [Fact]
    public void Bimodal_data_falls_back_to_the_kde()
    {
        var selection = Select(TestData.Bimodal(N));
        Assert.Equal(MarginalFamily.GaussianKde, selection.Family);
        Assert.DoesNotContain(selection.Candidates, c => c.Accepted && c.Family != MarginalFamily.GaussianKde);
        Assert.True(MaxCdfGap(selection.Marginal, TestData.BimodalCdf, -2, 10) < 0.03);
    }

    [Fact]
    public void Selection_reports_every_candidate_with_its_ks_and_acceptance()
    {
        var selection = Select(TestData.Normal(N, 100, 15));
        Assert.Equal(MarginalSelector.Preference, selection.Candidates.Select(c => c.Family));
        Assert.Equal(2000, selection.KsSampleSize);
        Assert.Equal(N, selection.ValueCount);
        Assert.InRange(selection.CriticalValue, 0.036, 0.0365);
        foreach (var c in selection.Candidates)
        {
            Assert.InRange(c.KsStatistic, 0, 1);
            Assert.Equal(c.KsStatistic <= selection.CriticalValue, c.Accepted);
        }
        Assert.False(selection.Candidates.Single(c => c.Family == MarginalFamily.Uniform).Accepted);
        Assert.False(string.IsNullOrWhiteSpace(selection.Explanation));
    }

    [Fact]
    public void Same_seed_gives_the_same_selection_and_another_seed_another_subsample()
    {
        var values = TestData.Gamma(32_561, 3, 2);
        var a = MarginalSelector.Select(values, new SynthRandom(42));
        var b = MarginalSelector.Select(values, new SynthRandom(42));
        var c = MarginalSelector.Select(values, new SynthRandom(43));
        Assert.Equal(a.Marginal.ToSpec(), b.Marginal.ToSpec());
        Assert.Equal(a.Candidates.Select(x => x.KsStatistic), b.Candidates.Select(x => x.KsStatistic));
        Assert.Equal(a.Candidates.Select(x => x.Marginal.ToSpec()), b.Candidates.Select(x => x.Marginal.ToSpec()));
        // Fits use all values (seed-independent); only the KS subsample changes with the seed.
        Assert.Equal(a.Candidates.Select(x => x.Marginal.ToSpec()), c.Candidates.Select(x => x.Marginal.ToSpec()));
        Assert.NotEqual(a.Candidates.Select(x => x.KsStatistic), c.Candidates.Select(x => x.KsStatistic));
    }

    [Fact]
    public void Select_does_not_advance_the_callers_stream()
    {
        var random = new SynthRandom(5);
        MarginalSelector.Select(TestData.Normal(3000, 0, 1), random);
        Assert.Equal(new SynthRandom(5).NextUInt64(), random.NextUInt64());
    }

    [Fact]
    public void Missing_values_are_ignored()
    {
        var values = TestData.Normal(1000, 0, 1).Concat([double.NaN, double.NaN, double.PositiveInfinity]).ToArray();
        var selection = MarginalSelector.Select(values, new SynthRandom(1));
        Assert.Equal(1000, selection.ValueCount);
    }

    [Fact]
    public void No_finite_value_is_a_data_error()
    {
        Assert.Throws<SynthDataException>(() => MarginalSelector.Select(new[] { double.NaN }, new SynthRandom(1)));
        Assert.Throws<SynthDataException>(() => MarginalSelector.Select(ReadOnlySpan<double>.Empty, new SynthRandom(1)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(500)]
    public void Constant_data_gives_a_tiny_interval_around_the_value(int count)
    {
        var values = Enumerable.Repeat(42.5, count).ToArray();
        var selection = MarginalSelector.Select(values, new SynthRandom(1));
        Assert.Contains(selection.Failures, f => f.Family == MarginalFamily.Gamma);
        foreach (var p in new[] { 1e-9, 0.5, 1 - 1e-9 })
            Assert.Equal(42.5, selection.Marginal.InverseCdf(p), 1e-6);
    }

    [Fact]
    public void A_forced_family_is_used_even_when_the_ks_test_rejects_it()
    {
        var selection = MarginalSelector.Select(TestData.Bimodal(N), new SynthRandom(1), MarginalFitOptions.Only(MarginalFamily.Beta));
        Assert.Equal(MarginalFamily.Beta, selection.Family);
        Assert.Single(selection.Candidates);
        Assert.False(selection.Candidates[0].Accepted);
    }

    [Fact]
    public void A_forced_family_that_cannot_be_fitted_falls_back_to_the_kde()
    {
        var selection = MarginalSelector.Select(Enumerable.Repeat(3.0, 10).ToArray(), new SynthRandom(1), MarginalFitOptions.Only(MarginalFamily.Gamma));
        Assert.Equal(MarginalFamily.GaussianKde, selection.Family);
        Assert.Empty(selection.Candidates);
        Assert.Single(selection.Failures);
    }

    [Fact]
    public void Restricting_the_candidates_restricts_the_choice()
    {
        var options = new MarginalFitOptions { Families = [MarginalFamily.Normal, MarginalFamily.Uniform] };
        var selection = MarginalSelector.Select(TestData.Gamma(N, 3, 2), new SynthRandom(1), options);
        Assert.Equal([MarginalFamily.Uniform, MarginalFamily.Normal], selection.Candidates.Select(c => c.Family));
        Assert.Equal(MarginalFamily.Normal, selection.Family); // neither accepted, no KDE allowed: the smaller KS
    }

    [Fact]
    public void Selecting_on_32561_values_is_fast()
    {
        var columns = new[] { TestData.Normal(32_561, 40, 12), TestData.Gamma(32_561, 2, 5000), TestData.Bimodal(32_561), TestData.Uniform(32_561, 0, 1) };
        foreach (var column in columns) MarginalSelector.Select(column, new SynthRandom(0)); // warm up (JIT)
        foreach (var column in columns)
        {
            var times = new List<double>();
            MarginalSelection? selection = null;
            for (var i = 0; i < 5; i++)
            {
                var watch = Stopwatch.StartNew();
                selection = MarginalSelector.Select(column, new SynthRandom(i));
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            output.WriteLine($"{selection!.Family}: median {times[2]:F2} ms, min {times[0]:F2} ms");
            Assert.True(times[2] < 250, $"Select took {times[2]} ms (target ≲ 20 ms)");
        }
    }
}
