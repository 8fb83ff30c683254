using System.Globalization;
using SynthFixtures.Privacy;

namespace SynthFixtures.Evaluation.Report;

/// <summary>A model's privacy plan in words, the same in the Markdown summary and the HTML report.</summary>
public static class PrivacyPlanText
{
    /// <summary>The guarantee: <c>(ε = 1, δ = 1.7E-07)-DP (dp-marginals, zCDP accounting) for tables that differ by …</c>.</summary>
    public static string Guarantee(PrivacyPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return $"(ε = {Show(plan.Epsilon)}, δ = {Show(plan.Delta)})-DP ({plan.Model}, {plan.Accounting} accounting) for {plan.Neighbours}";
    }

    /// <summary>One consumer of the budget: its name, share, noise, count and sampling rate.</summary>
    public static string Step(PrivacyPlanStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var noise = step.NoiseStandardDeviation is { } sigma ? $"σ = {Show(sigma)}" : $"ε = {Show(step.SelectionEpsilon ?? 0)} each";
        var sampling = step.SamplingRate is { } q ? $", sampling rate {Show(q)}" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{step.Name} {step.Share:P0}, {noise} × {step.Measurements:N0}{sampling}");
    }

    private static string Show(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
