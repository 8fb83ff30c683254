using SynthFixtures.Evaluation.Diagnostics;
using SynthFixtures.Evaluation.Privacy;
using SynthFixtures.Evaluation.Text;
using SynthFixtures.Evaluation.Utility;
using SynthFixtures.Modeling.PrivacyFilters;

namespace SynthFixtures.Evaluation.Report;

/// <summary>
/// Everything known about one synthetic table: quality, diagnostics, privacy, utility (when a target was given), the
/// distributions behind the charts and the audit trail. Produced by <see cref="Evaluator"/>; written by
/// <see cref="EvaluationReportJson"/>, <see cref="EvaluationMarkdown"/> and the HTML writer.
/// </summary>
public sealed record EvaluationReport
{
    /// <summary>The quality report (column shapes, pair trends).</summary>
    public required QualityReport Quality { get; init; }

    /// <summary>The diagnostic report (validity and structure).</summary>
    public required DiagnosticReport Diagnostic { get; init; }

    /// <summary>The privacy report.</summary>
    public required PrivacyReport Privacy { get; init; }

    /// <summary>Machine-learning utility and detection; <c>null</c> when not computed.</summary>
    public UtilityReport? Utility { get; init; }

    /// <summary>
    /// The free-text columns scored on text metrics, and the LLM usage given; <c>null</c> when the table has no free
    /// text and no usage was given. The quality scores leave free text out; this section scores it.
    /// </summary>
    public TextReport? Text { get; init; }

    /// <summary>Per evaluated column, the distribution on each side.</summary>
    public required IReadOnlyList<ColumnDistribution> Distributions { get; init; }

    /// <summary>What the sampling privacy filters dropped, when the evaluation was told (<see cref="EvaluationRequest.PrivacyFilter"/>).</summary>
    public PrivacyFilterSummary? PrivacyFilter { get; init; }

    /// <summary>What was evaluated and how.</summary>
    public required EvaluationAudit Audit { get; init; }
}
