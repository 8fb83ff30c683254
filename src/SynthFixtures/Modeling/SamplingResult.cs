using SynthFixtures.Modeling.PrivacyFilters;

namespace SynthFixtures.Modeling;

/// <summary>What a <see cref="SamplingService"/> run wrote; the file is complete.</summary>
/// <param name="Rows">Rows written.</param>
/// <param name="OutputPath">The full path of the file written.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="PrivacyFilter">The privacy filters' thresholds and what they dropped; <c>null</c> without filters.</param>
/// <param name="PrivacyFilterSummaryPath">The full path of the summary JSON, when one was written.</param>
public sealed record SamplingResult(int Rows, string OutputPath, long Bytes, PrivacyFilterSummary? PrivacyFilter = null,
    string? PrivacyFilterSummaryPath = null)
{
    /// <summary>How the conditions were met (what the model met itself, what was filtered); <c>null</c> without conditions.</summary>
    public Sampling.Expressions.ConditionPlan? Conditions { get; init; }

    /// <summary>
    /// Candidate rows checked and kept under the conditions (the acceptance rate); <c>null</c> without conditions or with
    /// privacy filters (whose summary counts their own candidates).
    /// </summary>
    public Sampling.ConditionTally? Candidates { get; init; }
}
