using SynthFixtures.Privacy;

namespace SynthFixtures.Tests.Privacy;

/// <summary>Composition and the (ε, δ) conversion of the Rényi accountant.</summary>
public class RdpAccountantTests
{
    [Fact]
    public void Matches_the_worked_example_in_Opacus_RDP_documentation()
    {
        // The module docstring of opacus/accountants/analysis/rdp.py (github.com/pytorch/opacus; the same example as
        // TF Privacy's rdp_accountant.py): parameters [(1e-5, 1.0, 10), (1e-4, 3.0, 4)], δ = 1e-5, orders 2 … 32
        // → (0.336, 23). Evaluated exactly (mpmath, 50 digits, integer-order binomial sum): 0.33634406339259514.
        var spent = RdpAccountant.Over(RdpOrders.Integers(2, 32))
            .With(samplingRate: 1e-5, noiseMultiplier: 1.0, steps: 10)
            .With(samplingRate: 1e-4, noiseMultiplier: 3.0, steps: 4)
            .Spent(1e-5);
        Assert.Equal(0.336, spent.Epsilon, 3);
        Assert.Equal(0.33634406339259514, spent.Epsilon, 1e-12);
        Assert.Equal(23, spent.Order);
        Assert.Equal(1e-5, spent.Delta);
    }

    [Fact]
    public void Matches_the_worked_example_of_Opacus_compute_dp_sgd_privacy_script()
    {
        // https://opacus.ai/api/compute_dp_sgd_privacy.html: sampling rate 1 %, noise multiplier 1.0, 300 steps,
        // δ = 1e-5, alphas 2 5 10 20 100 → "epsilon = 2.39 … The optimal alpha is 5.0". Exactly (mpmath, 50 digits):
        // 2.3933285094705687 (the classic conversion rdp − log δ/(α − 1) would give 3.0188).
        var spent = RdpAccountant.Over([2, 5, 10, 20, 100]).With(0.01, 1.0, 300).Spent(1e-5);
        Assert.Equal(2.39, spent.Epsilon, 2);
        Assert.Equal(2.3933285094705687, spent.Epsilon, 1e-12);
        Assert.Equal(5, spent.Order);
    }

    [Fact]
    public void Composition_adds_the_RDP_of_each_mechanism_at_every_order()
    {
        var first = RdpAccountant.Empty.With(0.01, 1.1, 100);
        var both = first.With(0.02, 2.0, 50);
        for (var k = 0; k < both.Orders.Length; k++)
        {
            var expected = 100 * SampledGaussianRdp.Rdp(0.01, 1.1, both.Orders[k]) + 50 * SampledGaussianRdp.Rdp(0.02, 2.0, both.Orders[k]);
            Assert.Equal(expected, both.Rdp[k], Math.Abs(expected) * 1e-14);
        }
        Assert.Equal([new SampledGaussianMechanism(0.01, 1.1, 100), new SampledGaussianMechanism(0.02, 2.0, 50)], both.Mechanisms.ToArray());
        // Immutable: the first accountant still holds one mechanism and its own, smaller budget.
        Assert.Single(first.Mechanisms);
        Assert.True(first.Spent(1e-5).Epsilon < both.Spent(1e-5).Epsilon);
        Assert.Empty(RdpAccountant.Empty.Mechanisms);
    }

    [Fact]
    public void Epsilon_grows_with_the_steps_and_falls_with_the_noise()
    {
        var bySteps = new[] { 1, 10, 100, 1000, 10000 }.Select(steps => NoiseCalibration.EpsilonFor(0.01, 1.0, steps, 1e-5).Epsilon).ToArray();
        for (var k = 1; k < bySteps.Length; k++) Assert.True(bySteps[k] > bySteps[k - 1], string.Join(", ", bySteps));
        var bySigma = new[] { 0.5, 0.7, 1.0, 1.5, 3.0, 8.0 }.Select(sigma => NoiseCalibration.EpsilonFor(0.01, sigma, 1000, 1e-5).Epsilon).ToArray();
        for (var k = 1; k < bySigma.Length; k++) Assert.True(bySigma[k] < bySigma[k - 1], string.Join(", ", bySigma));
    }

    [Fact]
    public void Default_orders_are_Opacus_defaults()
    {
        var orders = RdpOrders.Default;
        Assert.Equal(151, orders.Length);
        Assert.Equal(1.1, orders[0]);
        Assert.Equal(10.9, orders[98], 12);
        Assert.Equal(12, orders[99]);
        Assert.Equal(63, orders[^1]);
        Assert.Equal(4.0, orders[29]); // 1 + 30/10: an integer order, computed by the exact binomial sum
    }

    [Fact]
    public void The_conversion_is_the_improved_bound_at_the_best_order()
    {
        double[] orders = [2, 4, 8];
        double[] rdp = [0.1, 0.3, 1.5];
        var spent = RdpConversion.ToEpsilon(orders, rdp, 1e-5);
        double At(int k) => rdp[k] - (Math.Log(1e-5) + Math.Log(orders[k])) / (orders[k] - 1) + Math.Log((orders[k] - 1) / orders[k]);
        var expected = new[] { At(0), At(1), At(2) }.Min();
        Assert.Equal(expected, spent.Epsilon, 14);
        Assert.Equal(8, spent.Order); // 1.5 + (11.51 − 2.08)/7 − 0.13 = 2.72 beats 0.1 + 10.82 − 0.69 and 0.3 + 3.38 − 0.29
    }

    [Fact]
    public void No_noise_means_no_bound_and_infinite_orders_are_skipped()
    {
        var spent = RdpAccountant.Empty.With(0.1, 0, 10).Spent(1e-5);
        Assert.Equal(double.PositiveInfinity, spent.Epsilon);
        Assert.Null(spent.Order);
        Assert.False(spent.IsFinite);
        var partly = RdpConversion.ToEpsilon([2.0, 3.0], [double.PositiveInfinity, 0.2], 1e-5);
        Assert.Equal(3, partly.Order);
        // Zero steps without noise spend nothing (not ∞ · 0).
        Assert.True(RdpAccountant.Empty.With(0.1, 0, 0).Spent(1e-5).IsFinite);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-1e-5)]
    [InlineData(double.NaN)]
    public void Refuses_a_delta_outside_zero_to_one(double delta)
    {
        var error = Assert.Throws<SynthDataException>(() => RdpAccountant.Empty.With(0.01, 1, 10).Spent(delta));
        Assert.Contains("δ must lie strictly between 0 and 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_custom_orders_at_or_below_one_empty_or_repeated()
    {
        Assert.Contains("above 1", Assert.Throws<SynthDataException>(() => RdpAccountant.Over([1.0, 2.0])).Message, StringComparison.Ordinal);
        Assert.Contains("empty", Assert.Throws<SynthDataException>(() => RdpAccountant.Over([])).Message, StringComparison.Ordinal);
        Assert.Contains("repeats", Assert.Throws<SynthDataException>(() => RdpAccountant.Over([2.0, 2.0])).Message, StringComparison.Ordinal);
        Assert.Contains("steps", Assert.Throws<SynthDataException>(() => RdpAccountant.Empty.With(0.1, 1, -1)).Message, StringComparison.Ordinal);
    }
}
