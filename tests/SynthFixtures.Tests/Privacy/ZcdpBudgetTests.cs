using SynthFixtures.Privacy;

namespace SynthFixtures.Tests.Privacy;

/// <summary>zCDP costs, composition and conversion against values computed by hand (mpmath, 50 digits).</summary>
public class ZcdpBudgetTests
{
    [Theory]
    // ρ, δ, ρ + 2√(ρ log(1/δ)), min over α > 1 of αρ − (log δ + log α)/(α − 1) + log((α − 1)/α), best α.
    [InlineData(0.5, 1e-5, 5.2985259121880812, 4.7283869849433139, 5.43184967)]
    [InlineData(0.1, 1e-6, 2.4507880004767997, 2.1419389283854737, 11.6580999)]
    [InlineData(0.01, 1e-9, 0.92045627763108782, 0.81017446786753417, 42.20760302)]
    [InlineData(2.0, 1e-5, 11.597051824376162, 10.724824112939172, 3.27237853)]
    public void Converts_to_epsilon_delta_by_the_classic_and_the_tight_bound(double rho, double delta, double classic, double tight, double order)
    {
        var budget = ZcdpBudget.FromRho(rho);
        Assert.Equal(classic, budget.ClassicEpsilon(delta), classic * 1e-14);
        var spent = budget.Spent(delta);
        Assert.Equal(tight, spent.Epsilon, tight * 1e-12);
        Assert.Equal(order, spent.Order!.Value, order * 1e-4);
        Assert.True(spent.Epsilon < budget.ClassicEpsilon(delta));
    }

    [Fact]
    public void Gaussian_measurements_and_selections_add_up()
    {
        // σ = 10 on a count vector: 1/200 each; three of them and two ε = 0.1 selections at 0.01/8 each.
        var budget = ZcdpBudget.Zero.WithGaussian(10, count: 3).WithExponentialMechanism(0.1, count: 2);
        Assert.Equal(3 * 0.005 + 2 * 0.00125, budget.Rho, 15);
        Assert.Equal(0.04, ZcdpBudget.GaussianRho(5, sensitivity: Math.Sqrt(2)), 15); // Δ²/(2σ²) = 2/50
        Assert.Equal(budget.Rho + 0.5, budget.Plus(ZcdpBudget.FromRho(0.5)).Rho, 15);
        Assert.Equal(0, ZcdpBudget.Zero.Spent(1e-5).Epsilon);
    }

    [Fact]
    public void Noise_and_epsilon_for_a_target_budget_invert_the_costs()
    {
        Assert.Equal(10, ZcdpBudget.GaussianNoiseFor(0.005), 12);
        Assert.Equal(0.005, ZcdpBudget.GaussianRho(ZcdpBudget.GaussianNoiseFor(0.005)), 15);
        Assert.Equal(0.1, ZcdpBudget.ExponentialMechanismEpsilonFor(0.00125), 15);
        foreach (var (epsilon, delta) in new[] { (1.0, 1e-9), (0.3, 1e-6), (10.0, 1e-5) })
        {
            var budget = ZcdpBudget.ForTarget(epsilon, delta);
            var spent = budget.Spent(delta).Epsilon;
            Assert.InRange(spent, epsilon * (1 - 1e-9), epsilon);
        }
        // ρ = 0.5 converts to 4.72838698… at δ = 1e-5 (above), so that ε's budget is ρ = 0.5.
        Assert.Equal(0.5, ZcdpBudget.ForTarget(4.7283869849433139, 1e-5).Rho, 1e-9);
    }

    [Fact]
    public void Noise_for_a_target_shares_the_budget_among_the_measurements()
    {
        // ε = 4.72838698… at δ = 1e-5 is ρ = 0.5 (above); over 10 count vectors each may spend 0.05: σ = 1/√0.1.
        var sigma = NoiseCalibration.GaussianNoiseForZcdp(4.7283869849433139, 1e-5, measurements: 10);
        Assert.Equal(1 / Math.Sqrt(0.1), sigma, 1e-8);
        var spent = ZcdpBudget.Zero.WithGaussian(sigma, count: 10).Spent(1e-5).Epsilon;
        Assert.InRange(spent, 4.7283869849433139 * (1 - 1e-9), 4.7283869849433139);
        Assert.Equal(2 * sigma, NoiseCalibration.GaussianNoiseForZcdp(4.7283869849433139, 1e-5, 10, sensitivity: 2), 1e-12);
    }

    [Fact]
    public void Refuses_a_measurement_without_noise_and_a_negative_budget()
    {
        Assert.Contains("noise standard deviation above 0", Assert.Throws<SynthDataException>(() => ZcdpBudget.GaussianRho(0)).Message, StringComparison.Ordinal);
        Assert.Contains("ρ must be", Assert.Throws<SynthDataException>(() => ZcdpBudget.FromRho(-1)).Message, StringComparison.Ordinal);
        Assert.Contains("ε must be", Assert.Throws<SynthDataException>(() => ZcdpBudget.ExponentialMechanismRho(0)).Message, StringComparison.Ordinal);
    }
}
