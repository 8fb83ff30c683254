using SynthFixtures.Modeling.Plans;
using SynthFixtures.Modeling.PrivacyFilters;
using SynthFixtures.Modeling.Replacing;

namespace SynthFixtures.Modeling;

/// <summary>What a <see cref="SamplingService"/> run wrote; the file is complete.</summary>
/// <param name="Rows">Rows written (a shard's, with a shard).</param>
/// <param name="OutputPath">The full path of the file written.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="PrivacyFilter">The privacy filters' thresholds and what they dropped; <c>null</c> without filters.</param>
/// <param name="PrivacyFilterSummaryPath">The full path of the summary JSON, when one was written.</param>
public sealed record SamplingResult(long Rows, string OutputPath, long Bytes, PrivacyFilterSummary? PrivacyFilter = null,
    string? PrivacyFilterSummaryPath = null)
{
    /// <summary>With a plan: what each request wrote, in order; <c>null</c> without one.</summary>
    public IReadOnlyList<PlanRequestOutcome>? Plan { get; init; }

    /// <summary>With replace rules: the rows each rule touched, in rule order; <c>null</c> without rules.</summary>
    public IReadOnlyList<ReplaceRuleOutcome>? Replacements { get; init; }

    /// <summary>How the conditions were met (what the model met itself, what was filtered); <c>null</c> without conditions or with a plan.</summary>
    public Sampling.Expressions.ConditionPlan? Conditions { get; init; }

    /// <summary>
    /// Candidate rows checked and kept under the conditions (the acceptance rate); <c>null</c> without conditions, with a
    /// plan (whose outcomes count each request's) or with privacy filters (whose summary counts their own candidates).
    /// </summary>
    public Sampling.ConditionTally? Candidates { get; init; }
}
