using System.Globalization;
using SynthFixtures.Privacy;

namespace SynthFixtures.Modeling.Sequences;

/// <summary>
/// How a <c>dp-lagged-copula</c> model spends one (ε, δ): the target ε and the conversion's δ give the total zCDP
/// budget ρ; <see cref="Shares"/> divides ρ between the context model and the step model's three measurements; δ is
/// divided between the label thresholds (context model and step model) and the zCDP conversion.
/// </summary>
internal sealed record DpSequenceBudget(double Epsilon, double Delta, double ConversionDelta, double ContextDelta, double ContextLabelDelta,
    double StepLabelDelta, double Rho)
{
    /// <summary>
    /// The split of ρ, one line per measurement. The correlation carries every dependence the step model learns (on the
    /// past and on the context) and gets half; the context model (context columns, lengths, starts through dp-marginals)
    /// gets 0.3; the marginals are cheap to see through noise and get the rest (a quarter of it for the context columns'
    /// marginals in the step model, when there are context columns).
    /// </summary>
    internal static class Shares
    {
        public const double ContextModel = 0.3;
        public const double Correlation = 0.5;
        public const double Marginals = 0.2;
        public const double ContextMarginalsOfMarginals = 0.25;
    }

    /// <summary>Of δ: the context model's own δ (a tenth of which its label thresholds spend).</summary>
    private const double ContextDeltaShare = 0.5;

    /// <summary>Of δ: the step model's label thresholds, split equally over its categorical columns.</summary>
    private const double StepLabelDeltaShare = 0.05;

    /// <summary>Of the context model's δ: its label thresholds (dp-marginals' own rule).</summary>
    private const double DpMarginalsLabelShare = 0.1;

    /// <summary>The budget for <paramref name="entities"/> entities with the given numbers of categorical columns in the context model's table and in the step model.</summary>
    /// <exception cref="SynthDataException">δ is 1/n or more, or ε is at or below what the conversion itself costs.</exception>
    public static DpSequenceBudget For(double epsilon, double? delta, int entities, int contextCategorical, int stepCategorical)
    {
        var d = delta ?? 1 / (entities * Math.Sqrt(entities));
        if (d >= 1.0 / entities)
            throw new SynthDataException(
                $"δ = {Show(d)} is not below 1/n = {Show(1.0 / entities)} for n = {entities} entities: a guarantee that weak allows releasing a whole entity's sequence.",
                hint: $"Leave δ unset (1/(n·√n) = {Show(1 / (entities * Math.Sqrt(entities)))}) or choose a smaller one.");
        var contextDelta = ContextDeltaShare * d;
        var contextLabels = contextCategorical > 0 ? DpMarginalsLabelShare * contextDelta : 0;
        var stepLabels = stepCategorical > 0 ? StepLabelDeltaShare * d : 0;
        var conversion = d - contextLabels - stepLabels;
        var rho = ZcdpBudget.ForTarget(epsilon, conversion).Rho;
        return new DpSequenceBudget(epsilon, d, conversion, contextDelta, contextLabels, stepCategorical > 0 ? stepLabels / stepCategorical : 0, rho);
    }

    /// <summary>
    /// The ε to give the context model so that its own zCDP budget (converted at its own conversion δ) is its share of ρ.
    /// </summary>
    public double ContextEpsilon => ZcdpBudget.FromRho(Shares.ContextModel * Rho).Spent(ContextDelta - ContextLabelDelta).Epsilon;

    /// <summary>
    /// The noise of the step model's measurements once the context model has spent <paramref name="contextRho"/>: what is
    /// left of ρ is split between the marginals and the correlation in the ratio of their shares.
    /// </summary>
    public (double StepSigma, double ContextSigma, double CorrelationMultiplier, double StepRho, double ContextMarginalsRho, double CorrelationRho) StepNoise(
        double contextRho, int stepColumns, int contextColumns, int maxSteps)
    {
        var left = Rho - contextRho;
        var marginals = left * Shares.Marginals / (Shares.Marginals + Shares.Correlation);
        var correlation = left - marginals;
        var contextMarginals = contextColumns > 0 ? marginals * Shares.ContextMarginalsOfMarginals : 0;
        var stepMarginals = marginals - contextMarginals;
        // Each step column's count vector moves by at most maxSteps (L2) when an entity is added or removed.
        var stepSigma = ZcdpBudget.GaussianNoiseFor(stepMarginals / stepColumns, maxSteps);
        var contextSigma = contextColumns > 0 ? ZcdpBudget.GaussianNoiseFor(contextMarginals / contextColumns) : 0;
        return (stepSigma, contextSigma, ZcdpBudget.GaussianNoiseFor(correlation), stepMarginals, contextMarginals, correlation);
    }

    private static string Show(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
