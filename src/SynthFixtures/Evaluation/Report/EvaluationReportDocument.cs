using System.Text.Json.Serialization;
using SynthFixtures.Evaluation.Diagnostics;
using SynthFixtures.Evaluation.Privacy;
using SynthFixtures.Evaluation.Utility;
using SynthFixtures.Modeling.PrivacyFilters;

namespace SynthFixtures.Evaluation.Report;

// The full evaluation as its JSON shows it (see EvaluationReportJson): the quality report's properties first, then
// these, each record's properties in the written order. Absent parts are null, written as null.

internal sealed class EvaluationReportDocument : QualityReportDocument
{
    [JsonPropertyOrder(1)] public required DiagnosticDocument Diagnostic { get; init; }
    [JsonPropertyOrder(2)] public required PrivacyDocument Privacy { get; init; }
    [JsonPropertyOrder(3)] public required UtilityDocument? Utility { get; init; }
    [JsonPropertyOrder(4)] public required AuditDocument Audit { get; init; }
    [JsonPropertyOrder(5)] public required PrivacyFilterSummary? PrivacyFilter { get; init; }
    [JsonPropertyOrder(6)] public required TextDocument? Text { get; init; }
}

internal sealed record DiagnosticDocument(double Overall, double Validity, double Structure, double MissingValueSimilarity,
    IReadOnlyList<string> MissingColumns, IReadOnlyList<string> ExtraColumns, IReadOnlyList<DiagnosticColumnDocument> Columns,
    IReadOnlyList<MissingValuesDocument> MissingValues, IReadOnlyList<string> Failures)
{
    /// <summary>Rows breaking each of the metadata's rules; absent when it declares none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RuleAdherence>? Rules { get; init; }
}

internal sealed record DiagnosticColumnDocument(string Column, DiagnosticCheck Check, double Score, int InvalidCells);

internal sealed record MissingValuesDocument(string Column, double RealRate, double SyntheticRate, double Similarity);

internal sealed record PrivacyDocument(int TrainingRows, int SyntheticRows, int HoldoutRows, DcrDocument SyntheticDcr, DcrDocument RandomDcr,
    double DcrBaselineProtection, DcrOverfittingDocument? DcrOverfittingProtection, NewRowSynthesisDocument NewRowSynthesis,
    MembershipInferenceDocument? MembershipInference, long PairsSearched, double SearchSeconds);

internal sealed record DcrDocument(double Median, double Mean, double Percentile5, double ZeroShare);

internal sealed record DcrOverfittingDocument(double Score, double ShareCloserToTraining, double ExpectedShare);

internal sealed record NewRowSynthesisDocument(double Score, int ExactCopies, int NearCopies);

internal sealed record MembershipInferenceDocument(double Auc, double Score, int Members, int NonMembers);

internal sealed record UtilityDocument(string? Target, UtilityTask? Task, double? Ratio, IReadOnlyList<UtilityScoreDocument> Scores,
    DetectionDocument? Detection, IReadOnlyList<DetectionDocument> Detectors);

internal sealed record UtilityScoreDocument(string Learner, string Metric, double RealTrained, double SyntheticTrained, double Ratio,
    double? RealTrainedAccuracy, double? SyntheticTrainedAccuracy);

internal sealed record DetectionDocument(string Learner, double Auc, double Score, int Folds, int RowsPerSide);

internal sealed record AuditDocument(DataSourceDocument Training, DataSourceDocument Synthetic, DataSourceDocument? Holdout, long Seed,
    ModelDocument? Model, string ToolVersion, OrderedDictionary<string, double> TimingsSeconds);

internal sealed record DataSourceDocument(string Name, string Sha256, int Rows, int Columns);

internal sealed record ModelDocument(string Path, string Kind, long Seed, string SourceDataSha256, int SourceRows, bool TrainedOnEvaluatedData,
    OrderedDictionary<string, string> Settings, SynthFixtures.Privacy.PrivacyPlan? Privacy);
