using System.Diagnostics;
using SynthFixtures.Models.GaussianCopula.Marginals;
using Xunit.Abstractions;

namespace SynthFixtures.Tests.Models.Marginals;

public sealed class KdeMarginalTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(2)]
    [InlineData(50)]
    [InlineData(5000)]
    [InlineData(32_561)]
    public void The_table_has_at_most_512_points_and_none_of_the_training_values_but_the_extremes(int n)
    {
        var values = TestData.Bimodal(n);
        var sorted = TestData.Sorted(values);
        var kde = KdeMarginal.Fit(sorted);
        var spec = kde.ToSpec();
        Assert.InRange(kde.GridX.Count, 2, KdeMarginal.MaxTablePoints);
        Assert.Equal(2 * kde.GridX.Count, spec.Parameters.Count);
        var training = values.ToHashSet();
        var leaked = kde.GridX.Where(training.Contains).ToList();
        // The support bounds are the observed minimum and maximum (every bounded family stores them); nothing else.
        Assert.All(leaked, x => Assert.True(x == sorted[0] || x == sorted[^1]));
        Assert.DoesNotContain(kde.GridCdf, training.Contains);
        Assert.Equal(sorted[0], kde.LowerBound);
        Assert.Equal(sorted[^1], kde.UpperBound);
    }

    [Fact]
    public void The_kde_cdf_follows_the_true_cdf_and_the_bandwidth_is_silvermans()
    {
        var values = TestData.Bimodal(5000);
        var sorted = TestData.Sorted(values);
        var kde = KdeMarginal.Fit(sorted);
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        var iqr = sorted[3749] + 0.25 * (sorted[3750] - sorted[3749]) - (sorted[1249] + 0.75 * (sorted[1250] - sorted[1249]));
        Assert.Equal(0.9 * Math.Min(sd, iqr / 1.34) * Math.Pow(5000, -0.2), kde.Bandwidth, 9);
        for (var x = -2.0; x <= 10; x += 0.05)
            Assert.True(Math.Abs(kde.Cdf(x) - TestData.BimodalCdf(x)) < 0.03, $"at {x}: {kde.Cdf(x)} vs {TestData.BimodalCdf(x)}");
    }

    [Fact]
    public void Zero_iqr_falls_back_to_the_standard_deviation_and_mass_at_an_extreme_is_kept()
    {
        // 90% of the values sit at the minimum: the IQR is 0, so h = 0.9·s·n^(−1/5); reflection at the lower end keeps
        // that mass inside the support (a plain truncation would lose half of it).
        var values = Enumerable.Repeat(1.0, 900).Concat(Enumerable.Range(0, 100).Select(i => 2.0 + i)).ToArray();
        var kde = KdeMarginal.Fit(TestData.Sorted(values));
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        var h = 0.9 * sd * Math.Pow(1000, -0.2);
        Assert.Equal(h, kde.Bandwidth, 9);
        // Reflected, the atom's kernel puts 2Φ(1) − 1 ≈ 0.683 of its mass within h of the bound.
        Assert.InRange(kde.Cdf(1 + h), 0.9 * 0.68, 0.9 * 0.68 + 0.1);
    }

    [Fact]
    public void Uniform_data_keeps_a_flat_density_up_to_the_extremes()
    {
        var kde = KdeMarginal.Fit(TestData.Sorted(TestData.Uniform(20_000, 0, 1)));
        for (var x = 0.0; x <= 1; x += 0.01) Assert.True(Math.Abs(kde.Cdf(x) - x) < 0.015, $"at {x}: {kde.Cdf(x)}");
    }

    [Fact]
    public void Two_values_give_a_proper_table()
    {
        var kde = KdeMarginal.Fit([0.0, 1.0]);
        Assert.Equal(0.5, kde.Cdf(0.5), 6);
        Assert.InRange(kde.InverseCdf(0.25), 0.0, 0.5);
    }

    [Fact]
    public void Fitting_32561_values_takes_a_few_milliseconds()
    {
        var sorted = TestData.Sorted(TestData.Bimodal(32_561));
        KdeMarginal.Fit(sorted);
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            KdeMarginal.Fit(sorted);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        output.WriteLine($"KDE fit on 32,561 values: median {times[2]:F2} ms");
        Assert.True(times[2] < 100, $"{times[2]} ms");
    }
}
