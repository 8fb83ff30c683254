using SynthFixtures.Privacy;
using Xunit.Abstractions;

namespace SynthFixtures.Tests.Privacy;

/// <summary>The subsampled Gaussian mechanism's RDP against an independent numerical integral, and its edge cases.</summary>
public class SampledGaussianRdpTests(ITestOutputHelper output)
{
    public static TheoryData<double, double> Mechanisms()
    {
        var data = new TheoryData<double, double>();
        foreach (var q in new[] { 1e-5, 1e-3, 0.01, 0.1, 0.5, 0.9, 0.99 })
        foreach (var sigma in new[] { 0.3, 0.5, 0.8, 1.0, 2.0, 5.0, 20.0 })
            data.Add(q, sigma);
        return data;
    }

    private static readonly double[] Orders = [1.1, 1.5, 2, 3, 3.7, 8, 10.9, 16, 32.5, 63];

    [Theory]
    [MemberData(nameof(Mechanisms))]
    public void Agrees_with_numerical_integration_of_the_Renyi_divergence_at_integer_and_fractional_orders(double q, double sigma)
    {
        var worst = 0.0;
        foreach (var order in Orders)
        {
            var fast = SampledGaussianRdp.Rdp(q, sigma, order);
            var slow = ReferenceRdp.Rdp(q, sigma, order);
            Assert.True(double.IsFinite(fast) && fast > 0, $"q={q} σ={sigma} α={order}: RDP {fast}");
            var relative = Math.Abs(fast - slow) / slow;
            Assert.True(relative <= 1e-6, $"q={q} σ={sigma} α={order}: accountant {fast:R}, integral {slow:R}, relative difference {relative:E2}");
            worst = Math.Max(worst, relative);
        }
        output.WriteLine($"q={q} σ={sigma}: largest relative difference {worst:E2} over α = {string.Join(", ", Orders)}");
    }

    [Theory]
    [InlineData(0.5, 2.0)]
    [InlineData(1.0, 1.1)]
    [InlineData(3.0, 7.5)]
    [InlineData(0.7, 63.0)]
    public void Sampling_every_row_is_the_plain_Gaussian_mechanism(double sigma, double order)
    {
        Assert.Equal(order / (2 * sigma * sigma), SampledGaussianRdp.Rdp(1, sigma, order), 15);
        // And the integral agrees with α/(2σ²) too, so the reference itself is anchored.
        Assert.Equal(order / (2 * sigma * sigma), ReferenceRdp.Rdp(1, sigma, order), 1e-9 * order / (2 * sigma * sigma));
    }

    [Fact]
    public void Reading_no_rows_costs_nothing_and_no_noise_costs_everything()
    {
        Assert.Equal(0, SampledGaussianRdp.Rdp(0, 1, 2.5));
        Assert.Equal(0, SampledGaussianRdp.Rdp(0, 0, 2.5));
        Assert.Equal(double.PositiveInfinity, SampledGaussianRdp.Rdp(0.01, 0, 2.5));
    }

    [Theory]
    [InlineData(0.01, 1.5)]
    [InlineData(0.2, 12.0)]
    public void Falls_as_the_noise_grows_and_rises_with_the_order(double q, double order)
    {
        var bySigma = new[] { 0.3, 0.5, 0.7, 1.0, 1.5, 2.0, 4.0, 10.0 }.Select(sigma => SampledGaussianRdp.Rdp(q, sigma, order)).ToArray();
        for (var k = 1; k < bySigma.Length; k++) Assert.True(bySigma[k] < bySigma[k - 1], $"σ index {k}: {bySigma[k]} ≥ {bySigma[k - 1]}");
        var byOrder = RdpOrders.Default.Select(alpha => SampledGaussianRdp.Rdp(q, 1.0, alpha)).ToArray();
        for (var k = 1; k < byOrder.Length; k++) Assert.True(byOrder[k] > byOrder[k - 1], $"order {RdpOrders.Default[k]}: {byOrder[k]} ≤ {byOrder[k - 1]}");
    }

    [Theory]
    [InlineData(1e-12)]
    [InlineData(0.001)]
    [InlineData(0.5)]
    [InlineData(0.999999)]
    public void Extreme_settings_stay_finite_positive_and_ordered(double q)
    {
        foreach (var order in new[] { 1.1, 2.5, 7.0, 63.0 })
        {
            var bySigma = new[] { 0.1, 0.3, 1.0, 10.0, 100.0, 1000.0 }.Select(sigma => SampledGaussianRdp.Rdp(q, sigma, order)).ToArray();
            Assert.All(bySigma, rdp => Assert.True(double.IsFinite(rdp) && rdp > 0, $"q={q} α={order}: {string.Join(", ", bySigma)}"));
            for (var k = 1; k < bySigma.Length; k++)
                Assert.True(bySigma[k] < bySigma[k - 1], $"q={q} α={order}: {string.Join(", ", bySigma)}");
            // Never above the unsampled mechanism: subsampling only helps.
            Assert.True(bySigma[^1] <= order / (2 * 1000.0 * 1000.0) * (1 + 1e-12));
        }
    }

    [Fact]
    public void Fractional_orders_join_the_integer_orders_smoothly()
    {
        // The two formulas meet: an order a hair from an integer lands next to the integer's exact value.
        foreach (var (q, sigma) in new[] { (0.01, 1.0), (0.3, 0.7), (1e-4, 3.0) })
        foreach (var order in new[] { 2.0, 5.0, 20.0 })
        {
            var exact = SampledGaussianRdp.Rdp(q, sigma, order);
            var near = SampledGaussianRdp.Rdp(q, sigma, order + 1e-9);
            Assert.True(Math.Abs(near - exact) / exact < 1e-6, $"q={q} σ={sigma} α={order}: {exact:R} vs {near:R}");
        }
    }

    [Theory]
    [InlineData(-0.1, 1.0, 2.0, "sampling rate")]
    [InlineData(1.5, 1.0, 2.0, "sampling rate")]
    [InlineData(0.1, -1.0, 2.0, "noise multiplier")]
    [InlineData(0.1, 1.0, 1.0, "Rényi order")]
    [InlineData(0.1, 1.0, 0.5, "Rényi order")]
    [InlineData(0.1, double.NaN, 2.0, "noise multiplier")]
    [InlineData(0.1, 1.0, 1e7, "Rényi order")]
    public void Refuses_values_outside_the_mechanism_in_its_words(double q, double sigma, double order, string words)
    {
        var error = Assert.Throws<SynthDataException>(() => SampledGaussianRdp.Rdp(q, sigma, order));
        Assert.Contains(words, error.Message, StringComparison.Ordinal);
    }
}
