using SynthFixtures.Privacy;

namespace SynthFixtures.Tests.Privacy;

/// <summary>
/// A DP-SGD plan with preprocessing: the Gaussian measurements and DP-SGD compose in one RDP account whose conversion is
/// the target ε, each step's noise is its share of ρ(ε), and δ is split between the label thresholds and the conversion.
/// </summary>
public class DpSgdPlanTests
{
    private static readonly DpSgdPreprocessing Counts = new("preprocessing", 0.1, Measurements: 15, ThresholdedMeasurements: 9, "noisy counts");

    [Theory]
    [InlineData(1.0)]
    [InlineData(3.0)]
    [InlineData(10.0)]
    public void The_steps_rdp_sum_converts_to_the_target_epsilon(double target)
    {
        var plan = DpSgdPlan.For(26_048, 1_000, 15, target, null, null, 1, preprocessing: [Counts]);
        var step = Assert.Single(plan.Preprocessing);
        var delta = 1 / (26_048 * Math.Sqrt(26_048));
        Assert.Equal(delta, plan.Delta, 1e-18);
        Assert.Equal(delta * DpSgdPreprocessing.LabelDeltaShare, step.Delta, 1e-18);

        // Each measurement costs ρ = 1/(2σ²), RDP α·ρ at every order; DP-SGD adds its subsampled-Gaussian RDP.
        var conversionDelta = delta - step.Delta;
        var orders = RdpOrders.Default;
        var rdp = orders.Select(a => 15 * a / (2 * step.NoiseStandardDeviation!.Value * step.NoiseStandardDeviation.Value)
            + plan.Steps * SampledGaussianRdp.Rdp(plan.SamplingRate, plan.NoiseMultiplier, a)).ToArray();
        var spent = RdpConversion.ToEpsilon(orders, rdp, conversionDelta);
        Assert.Equal(plan.Epsilon, spent.Epsilon, 1e-9);
        Assert.InRange(plan.Epsilon, target - NoiseCalibration.DefaultEpsilonTolerance, target);

        // The step's noise is its share of the zCDP budget that alone converts to the target, shared by its measurements.
        var rho = ZcdpBudget.ForTarget(target, conversionDelta).Rho;
        Assert.Equal(ZcdpBudget.GaussianNoiseFor(0.1 * rho / 15), step.NoiseStandardDeviation!.Value, 1e-9);
        Assert.Equal(0.1 * rho, step.Rho!.Value, 1e-12);
        Assert.Equal(1.0, step.Share + plan.TrainingShare, 1e-12);
        Assert.InRange(step.Share, 0.05, 0.2);
        // Without the preprocessing, the network alone could use less noise for the same target.
        Assert.True(plan.NoiseMultiplier > DpSgdPlan.For(26_048, 1_000, 15, target, null, null, 1).NoiseMultiplier);
    }

    [Fact]
    public void A_further_step_is_composed_too_and_everything_shows_in_the_privacy_plan()
    {
        var kinds = new DpSgdPreprocessing("column kinds", 0.05, Measurements: 15, ThresholdedMeasurements: 0, "kinds");
        var plan = DpSgdPlan.For(5_000, 250, 5, 2, null, 1e-7, 1, preprocessing: [kinds, Counts]);
        Assert.Equal(["column kinds", "preprocessing"], plan.Preprocessing.Select(s => s.Name));
        Assert.Equal(0, plan.Preprocessing[0].Delta);
        Assert.Equal(1e-8, plan.Preprocessing[1].Delta, 1e-20);
        var accountant = RdpAccountant.Empty;
        foreach (var step in plan.Preprocessing) accountant = accountant.With(1, step.NoiseStandardDeviation!.Value, step.Measurements);
        Assert.Equal(plan.Epsilon, accountant.With(plan.SamplingRate, plan.NoiseMultiplier, plan.Steps).Spent(0.9e-7).Epsilon, 1e-9);
        Assert.InRange(plan.Epsilon, 2 - NoiseCalibration.DefaultEpsilonTolerance, 2);

        var shown = plan.ToPrivacyPlan("dp-tvae", "tables that differ by adding or removing one row", ["the column metadata"]);
        Assert.Equal(["column kinds", "preprocessing", "DP-SGD"], shown.Steps.Select(s => s.Name));
        Assert.Equal(1.0, shown.Steps.Sum(s => s.Share), 1e-12);
        Assert.Equal((plan.SamplingRate, plan.Steps, plan.NoiseMultiplier), (shown.Steps[2].SamplingRate!.Value, shown.Steps[2].Measurements, shown.Steps[2].NoiseStandardDeviation!.Value));
        Assert.Equal((plan.Epsilon, 1e-7, 2.0, "RDP"), (shown.Epsilon, shown.Delta, shown.TargetEpsilon, shown.Accounting));
    }

    [Fact]
    public void Given_a_noise_multiplier_the_preprocessing_adds_to_what_dp_sgd_spends()
    {
        var alone = DpSgdPlan.For(10_000, 500, 10, null, 1.2, 1e-7, 1);
        var with = DpSgdPlan.For(10_000, 500, 10, null, 1.2, 1e-7, 1, preprocessing: [Counts]);
        Assert.Equal(1.2, with.NoiseMultiplier);
        Assert.True(with.Epsilon > alone.Epsilon, $"{with.Epsilon} against {alone.Epsilon}");
        Assert.Null(with.TargetEpsilon);
    }
}
