using SynthFixtures.Privacy;

namespace SynthFixtures.Tests.Privacy;

/// <summary>The noise-multiplier search for a target ε and its inverse.</summary>
public class NoiseCalibrationTests
{
    [Theory]
    [InlineData(1.0, 0.01, 1000, 1e-5)]
    [InlineData(3.0, 500.0 / 32561, 300 * 65, 1e-5)]
    [InlineData(0.5, 0.001, 500, 1e-6)]
    [InlineData(10.0, 0.1, 100, 1e-5)]
    public void The_noise_found_for_a_target_spends_the_target_within_the_tolerance(double target, double q, int steps, double delta)
    {
        var sigma = NoiseCalibration.NoiseMultiplierFor(target, q, steps, delta);
        var spent = NoiseCalibration.EpsilonFor(q, sigma, steps, delta).Epsilon;
        Assert.InRange(spent, target - NoiseCalibration.DefaultEpsilonTolerance, target);
        // And it is (nearly) the least such noise: a little less overshoots the target.
        Assert.True(NoiseCalibration.EpsilonFor(q, sigma * 0.999, steps, delta).Epsilon > target - NoiseCalibration.DefaultEpsilonTolerance);
    }

    [Fact]
    public void A_smaller_target_needs_more_noise()
    {
        var sigmas = new[] { 8.0, 4.0, 2.0, 1.0, 0.5 }.Select(target => NoiseCalibration.NoiseMultiplierFor(target, 0.01, 1000, 1e-5)).ToArray();
        for (var k = 1; k < sigmas.Length; k++) Assert.True(sigmas[k] > sigmas[k - 1], string.Join(", ", sigmas));
    }

    [Fact]
    public void A_tighter_tolerance_lands_closer()
    {
        var sigma = NoiseCalibration.NoiseMultiplierFor(2.0, 0.02, 2000, 1e-5, epsilonTolerance: 1e-8);
        Assert.InRange(NoiseCalibration.EpsilonFor(0.02, sigma, 2000, 1e-5).Epsilon, 2.0 - 1e-8, 2.0);
    }

    [Fact]
    public void A_target_below_what_unlimited_noise_leaves_is_refused_in_domain_words()
    {
        // With no RDP at all the bound is min over α of −(log δ + log α)/(α − 1) + log((α − 1)/α): ≈ 0.103 at α = 63.
        var error = Assert.Throws<SynthDataException>(() => NoiseCalibration.NoiseMultiplierFor(0.05, 0.01, 1000, 1e-5));
        Assert.Contains("ε = 0.05 cannot be reached at δ = 1E-05: even unlimited noise leaves ε = 0.10", error.Message, StringComparison.Ordinal);
        Assert.Contains("Raise ε", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Steps_that_read_no_rows_need_no_noise() =>
        Assert.Equal(0, NoiseCalibration.NoiseMultiplierFor(1.0, 0, 1000, 1e-5));
}
