using System.Globalization;
using SynthFixtures.Privacy;

namespace SynthFixtures.Models.DpMarginals;

/// <summary>
/// How the marginal model turns (ε, δ) into noise before it reads any row: δ checked against 1/rows and split between
/// the label thresholds and the zCDP conversion, ρ for the rest, and each step's noise from <see cref="BudgetSplit"/>,
/// as <see cref="DpMarginalsFitter.Fit"/> does at its start; with <see cref="DpMarginalsFitter.Plan"/> it gives the
/// budget planner the plan a fit would record (DpPlannerTests checks the two plans are equal).
/// </summary>
/// <param name="Delta">δ of the whole guarantee.</param>
/// <param name="ConversionDelta">The part of δ the zCDP → (ε, δ) conversion uses.</param>
/// <param name="LabelDelta">The part of δ the label thresholds use (0 without categorical columns).</param>
/// <param name="Rho">The total zCDP budget ρ.</param>
/// <param name="Split">Each step's share of ρ.</param>
/// <param name="Noise">Each step's noise.</param>
internal sealed record DpMarginalsBudget(double Delta, double ConversionDelta, double LabelDelta, double Rho, BudgetSplit Split, Noise Noise)
{
    /// <summary>Share of δ the label thresholds may use (the rest goes to the zCDP conversion), as in the fit.</summary>
    private const double LabelDeltaShare = 0.1;

    /// <summary>The budget for <paramref name="rows"/> rows of <paramref name="columns"/> modelled columns, <paramref name="categorical"/> of them categorical.</summary>
    /// <param name="options">ε, and δ or <c>null</c> for 1/(rows·√rows).</param>
    /// <param name="rows">Training rows (n).</param>
    /// <param name="columns">Modelled columns (d ≥ 1).</param>
    /// <param name="categorical">How many of them are categorical or boolean.</param>
    /// <param name="source">The training file, for messages, or <c>null</c>.</param>
    /// <exception cref="SynthDataException">δ is above 1/rows, or ε cannot be reached at δ.</exception>
    public static DpMarginalsBudget For(DpMarginalsOptions options, int rows, int columns, int categorical, string? source)
    {
        var delta = options.Delta ?? 1 / (rows * Math.Sqrt(rows));
        if (delta > 1.0 / rows)
            throw new SynthDataException(
                $"δ = {Show(delta)} is above 1/rows = {Show(1.0 / rows)}: a guarantee that weak allows releasing a whole row.",
                source, hint: $"Leave δ unset (1/(rows·√rows) = {Show(1 / (rows * Math.Sqrt(rows)))}) or set it below {Show(1.0 / rows)}.");
        var labelDelta = categorical > 0 ? delta * LabelDeltaShare : 0;
        var conversionDelta = delta - labelDelta;
        var rho = ZcdpBudget.ForTarget(options.Epsilon, conversionDelta).Rho;
        // Planned as with metadata given and second parents measured: without metadata a fit first buys the kinds (a
        // twentieth of ρ), and it drops the second parents when its noisy counts show the three-ways would be mostly noise.
        var split = BudgetSplit.For(columns, profiled: false);
        return new DpMarginalsBudget(delta, conversionDelta, labelDelta, rho, split, split.NoiseFor(rho, columns));
    }

    private static string Show(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
