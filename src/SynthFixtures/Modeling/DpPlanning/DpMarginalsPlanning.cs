using System.Globalization;
using SynthFixtures.Models.DpMarginals;

namespace SynthFixtures.Modeling.DpPlanning;

/// <summary>
/// Plans dp-marginals: the budget a fit would use (<see cref="DpMarginalsBudget"/>) and the plan it would record
/// (<see cref="DpMarginalsFitter.Plan"/>), checked against <see cref="DpPlanThresholds"/>, and three bin counts.
/// </summary>
internal static class DpMarginalsPlanning
{
    /// <summary>The plan for <paramref name="rows"/> rows of <paramref name="columns"/> modelled columns.</summary>
    /// <exception cref="SynthDataException">δ is above 1/rows, or the one-way marginals would be mostly noise.</exception>
    public static DpBudgetPlan Plan(DpMarginalsOptions options, int rows, int columns, int categorical, string? source)
    {
        var budget = DpMarginalsBudget.For(options, rows, columns, categorical, source);
        var privacy = DpMarginalsFitter.Plan(options, rows, budget.Delta, budget.ConversionDelta, budget.LabelDelta, budget.Rho, budget.Split,
            columns, categorical, budget.Noise, options.Delta is null);
        var c = CultureInfo.InvariantCulture;
        var noise = NoisePerCell(budget, rows, options.Bins);
        if (noise >= DpPlanThresholds.NoLearningNoisePerCell)
        {
            var fewer = (int)Math.Floor(rows / budget.Noise.OneWay / 2);
            throw new SettingException(DpMarginalsKind.Bins,
                _ => string.Create(c, $"the noise on each one-way count (σ = {budget.Noise.OneWay:G4}) is at least the count of an average cell ({rows} rows / {options.Bins} bins = {rows / (double)options.Bins:G4}), so the marginals would be mostly noise and nothing is learned (the planner refuses σ ≥ rows/bins)."),
                n => fewer >= 2
                    ? $"use fewer bins, e.g. {n.Assignment(DpMarginalsKind.Bins, fewer.ToString(c))} (σ/cell = 0.5), or raise ε."
                    : "raise ε, or train on more rows: even 2 bins leave the noise above the average cell.");
        }
        var bins = options.Bins;
        (string Name, int Bins, string Description)[] choices =
        [
            ("fast", Math.Max(2, bins / 2), "half the bins: coarser numbers, each cell gathers twice the rows above the same noise (dp-marginals fits in seconds whatever the bins)"),
            ("balanced", bins, "the bins given"),
            ("quality", Math.Min(1024, bins * 2), "twice the bins: finer numbers where the noise leaves enough rows per cell"),
        ];
        return new DpBudgetPlan
        {
            Model = privacy.Model,
            Rows = rows,
            Columns = columns,
            CategoricalColumns = categorical,
            Units = rows,
            Unit = "rows",
            Epsilon = privacy.Epsilon,
            Delta = privacy.Delta,
            TargetEpsilon = options.Epsilon,
            Rho = privacy.Rho,
            NoiseToSignal = noise,
            Privacy = privacy,
            Warnings = Warnings(privacy.Epsilon),
            Recommendations = choices.Select(choice =>
            {
                var cellNoise = NoisePerCell(budget, rows, choice.Bins);
                return new DpPlanProfile
                {
                    Name = choice.Name,
                    Description = choice.Description,
                    Bins = choice.Bins,
                    Epsilon = cellNoise < DpPlanThresholds.NoLearningNoisePerCell ? privacy.Epsilon : null,
                    NoiseToSignal = cellNoise,
                    Warnings = Warnings(privacy.Epsilon),
                    Infeasible = cellNoise < DpPlanThresholds.NoLearningNoisePerCell ? null
                        : string.Create(c, $"σ = {budget.Noise.OneWay:G4} on each one-way count is at least the average cell's {rows / (double)choice.Bins:G4} rows."),
                };
            }).ToList(),
        };
    }

    private static List<DpPlanWarning> Warnings(double epsilon) => epsilon > DpPlanThresholds.MaxEpsilon
        ? [new("epsilon", string.Create(CultureInfo.InvariantCulture,
            $"ε = {epsilon:G4} is above {DpPlanThresholds.MaxEpsilon}: the guarantee bounds the odds of telling neighbouring tables apart only by e^{epsilon:0.#}"))]
        : [];

    /// <summary>The one-way noise over the count of an average cell.</summary>
    private static double NoisePerCell(DpMarginalsBudget budget, int rows, int bins) => budget.Noise.OneWay / (rows / (double)bins);
}
