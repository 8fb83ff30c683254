using SynthFixtures.Data;
using SynthFixtures.Evaluation.Report;
using SynthFixtures.Evaluation.Text;
using SynthFixtures.Evaluation.Utility;
using SynthFixtures.Metadata;
using SynthFixtures.Modeling.PrivacyFilters;
using SynthFixtures.Models;

namespace SynthFixtures.Evaluation;

/// <summary>
/// One evaluation of synthetic rows against real rows, as <see cref="EvaluationService"/> runs it. Property names are
/// the <see cref="SettingNames"/> by which errors point at a setting.
/// </summary>
public sealed record EvaluationRequest
{
    /// <summary>The real rows the model was trained on; with <see cref="HoldoutFraction"/>, the rows to split as training did.</summary>
    public required EvaluationTable Real { get; init; }

    /// <summary>The synthetic rows.</summary>
    public required EvaluationTable Synthetic { get; init; }

    /// <summary>Real rows the model never saw (for overfitting, membership inference and utility), or <c>null</c>.</summary>
    public EvaluationTable? Holdout { get; init; }

    /// <summary>
    /// Instead of <see cref="Holdout"/>: the share of <see cref="Real"/> to split off as the holdout, chosen with
    /// <see cref="Seed"/> exactly as training's split with the same fraction and seed (<see cref="HoldoutSplit"/>).
    /// </summary>
    public double? HoldoutFraction { get; init; }

    /// <summary>Column kinds, checked against <see cref="Real"/>; <c>null</c> profiles <see cref="Real"/>.</summary>
    public TableMetadata? Metadata { get; init; }

    /// <summary>How the CSV tables are read.</summary>
    public CsvReadOptions ReadOptions { get; init; } = new();

    /// <summary>Seed of every random choice of the evaluation and of the <see cref="HoldoutFraction"/> split.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>The column machine-learning utility predicts (needs a holdout and <see cref="Utility"/>); also runs detection.</summary>
    public string? Target { get; init; }

    /// <summary>Runs the detection metric without a <see cref="Target"/> (needs <see cref="Utility"/>).</summary>
    public bool Detection { get; init; }

    /// <summary>Minimum scores the synthetic rows must reach, or <c>null</c>; refused before the run if a check would not be computed.</summary>
    public ThresholdGate? Thresholds { get; init; }

    /// <summary>The model the synthetic rows came from, recorded in the audit trail; when <c>null</c>, read from <see cref="ModelPath"/> if given.</summary>
    public SynthModel? Model { get; init; }

    /// <summary>The .synth file of <see cref="Model"/>: read when <see cref="Model"/> is <c>null</c>, named in the audit trail either way.</summary>
    public string? ModelPath { get; init; }

    /// <summary>Computes utility and detection (e.g. SynthFixtures.Evaluation.Utility's ML.NET one); required by <see cref="Target"/> and <see cref="Detection"/>.</summary>
    public IUtilityEvaluator? Utility { get; init; }

    /// <summary>
    /// What the sampling privacy filters dropped while the synthetic rows were drawn (the summary sampling wrote beside
    /// them), shown in the report; <c>null</c>: the rows were not filtered, or it is not known.
    /// </summary>
    public PrivacyFilterSummary? PrivacyFilter { get; init; }

    /// <summary>How the free-text columns are evaluated (the consistency label, subsample sizes).</summary>
    public TextEvaluationOptions Text { get; init; } = new();

    /// <summary>
    /// What the LLM-written columns cost (calls, replayed calls, tokens, money), shown in the text section; read from the
    /// run record sampling wrote (<see cref="SynthFixtures.Text.Llm.LlmRunRecordJson.Read"/>, its columns' <c>Usage</c>). Empty when no column was written by an LLM or it is not known.
    /// </summary>
    public IReadOnlyList<SynthFixtures.Text.Llm.LlmUsage> LlmUsage { get; init; } = [];

    /// <summary>Sentence embeddings for the text section's embedding distance (SynthFixtures.Evaluation.Utility's MiniLM one), or <c>null</c> to skip it.</summary>
    public ITextEmbedder? TextEmbedder { get; init; }
}
