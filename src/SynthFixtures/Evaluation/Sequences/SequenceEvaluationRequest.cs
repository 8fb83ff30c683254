using SynthFixtures.Data;
using SynthFixtures.Evaluation.Utility;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Sequences;

namespace SynthFixtures.Evaluation.Sequences;

/// <summary>One evaluation of synthetic sequences against real ones, as <see cref="SequenceEvaluationService"/> runs it.</summary>
public sealed record SequenceEvaluationRequest
{
    /// <summary>The real rows the model was trained on.</summary>
    public required EvaluationTable Real { get; init; }

    /// <summary>The synthetic rows.</summary>
    public required EvaluationTable Synthetic { get; init; }

    /// <summary>Real rows the model never saw (a baseline for copied sequences and summary distances), or <c>null</c>.</summary>
    public EvaluationTable? Holdout { get; init; }

    /// <summary>Which columns are entity, index and context columns; <c>null</c> takes the <see cref="Metadata"/>'s sequence section.</summary>
    public SequenceMetadata? Sequence { get; init; }

    /// <summary>Column kinds, checked against <see cref="Real"/>; <c>null</c> profiles <see cref="Real"/>.</summary>
    public TableMetadata? Metadata { get; init; }

    /// <summary>How the CSV tables are read.</summary>
    public CsvReadOptions ReadOptions { get; init; } = new();

    /// <summary>Lags, seed and limits (the table names are taken from the tables).</summary>
    public SequenceEvaluationOptions Options { get; init; } = new();

    /// <summary>The detection classifier (SynthFixtures.Evaluation.Utility's <c>MlNetUtilityEvaluator</c>), or <c>null</c> to skip detection.</summary>
    public IUtilityEvaluator? Detector { get; init; }
}

/// <summary>What <see cref="SequenceEvaluationService"/> found.</summary>
public sealed record SequenceEvaluationResult
{
    /// <summary>Every score.</summary>
    public required SequenceQualityReport Report { get; init; }

    /// <summary>Cells of the real, synthetic or holdout rows that did not parse as their column's kind and were read as missing.</summary>
    public IReadOnlyList<CellIssue> CellIssues { get; init; } = [];
}
