using SynthFixtures.Evaluation.Report;

namespace SynthFixtures.Evaluation;

/// <summary>What <see cref="EvaluationService"/> found: the report, and each threshold's outcome when a gate was given.</summary>
public sealed record EvaluationResult
{
    /// <summary>Every score, the distributions and the audit trail.</summary>
    public required EvaluationReport Report { get; init; }

    /// <summary>Each threshold check against its score, in the gate's order; <c>null</c> without <see cref="EvaluationRequest.Thresholds"/>.</summary>
    public IReadOnlyList<ThresholdResult>? Thresholds { get; init; }

    /// <summary>The checks that scored below their minimum (empty without a gate).</summary>
    public IReadOnlyList<ThresholdResult> Failures => Thresholds?.Where(t => !t.Passed).ToArray() ?? [];

    /// <summary>Whether every threshold check passed (true without a gate).</summary>
    public bool Passed => Failures.Count == 0;

    /// <summary>Cells of the real, synthetic or holdout rows that did not parse as their column's kind and were read as missing.</summary>
    public IReadOnlyList<Metadata.CellIssue> CellIssues { get; init; } = [];
}
