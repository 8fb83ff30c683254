using SynthFixtures.Privacy;

namespace SynthFixtures.Models.DpMarginals;

/// <summary>
/// How the marginal model shares its zCDP budget ρ. MST gives a third each to the one-way marginals, the selection and
/// the two-way marginals; here a tenth first buys the bins and labels (which MST takes as given), the selection gets a
/// tenth (on thousands of rows the strong pairs stand out by hundreds of counts, so a small ε per pick suffices) and
/// the two-way marginals, which carry every dependence the model learns, get six tenths.
/// </summary>
internal sealed record BudgetSplit(double Domain, double OneWay, double Selection, double TwoWay)
{
    /// <summary>The split for <paramref name="columns"/> modelled columns (a single column has no pairs to select or measure).</summary>
    public static BudgetSplit For(int columns) => columns > 1 ? new(0.1, 0.2, 0.1, 0.6) : new(0.1, 0.9, 0, 0);

    /// <summary>The noise and selection ε for a total <paramref name="rho"/> over <paramref name="columns"/> columns.</summary>
    public (double DomainSigma, double OneWaySigma, double SelectionEpsilon, double TwoWaySigma) Noise(double rho, int columns)
    {
        var pairs = columns - 1;
        return (
            ZcdpBudget.GaussianNoiseFor(Domain * rho / columns),
            ZcdpBudget.GaussianNoiseFor(OneWay * rho / columns),
            pairs > 0 ? ZcdpBudget.ExponentialMechanismEpsilonFor(Selection * rho / pairs) : 0,
            pairs > 0 ? ZcdpBudget.GaussianNoiseFor(TwoWay * rho / pairs) : 0);
    }
}
