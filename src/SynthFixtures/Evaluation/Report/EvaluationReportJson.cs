using System.Text.Json;
using System.Text.Json.Serialization;
using SynthFixtures.Evaluation.Diagnostics;
using SynthFixtures.Evaluation.Privacy;
using SynthFixtures.Evaluation.Utility;

namespace SynthFixtures.Evaluation.Report;

/// <summary>
/// Writes an <see cref="EvaluationReport"/> as JSON. The quality report's properties come first, unchanged
/// (<c>overall</c>, <c>columnShapes</c>, <c>columnPairTrends</c>, <c>scoredColumns</c>, <c>tableColumns</c>,
/// <c>notScored</c>, <c>associatedPairsAsSdmetrics</c>, <c>columns</c>, <c>pairs</c>), so readers of the
/// quality-only JSON keep working; then <c>diagnostic</c>, <c>privacy</c>, <c>utility</c> (null when not computed) and
/// <c>audit</c>, <c>privacyFilter</c> and <c>text</c> (the free-text columns' section; null when the table has none). Deterministic apart from the timings in <c>audit.timingsSeconds</c> and <c>privacy.searchSeconds</c>.
/// </summary>
public static class EvaluationReportJson
{
    /// <summary>The report as an indented JSON document.</summary>
    public static string Serialize(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var document = new EvaluationReportDocument
        {
            Overall = report.Quality.Overall, ColumnShapes = report.Quality.ColumnShapes, ColumnPairTrends = report.Quality.ColumnPairTrends,
            ScoredColumns = report.Quality.Columns.Count, TableColumns = report.Quality.TableColumns,
            NotScored = QualityReportDocument.NotScoredOf(report.Quality), AssociatedPairsAsSdmetrics = QualityReportDocument.AssociatedOf(report.Quality),
            Columns = QualityReportDocument.ColumnsOf(report.Quality), Pairs = QualityReportDocument.PairsOf(report.Quality),
            Diagnostic = Diagnostic(report.Diagnostic), Privacy = Privacy(report.Privacy),
            Utility = report.Utility is { } u ? Utility(u) : null, Audit = Audit(report.Audit), PrivacyFilter = report.PrivacyFilter,
            Text = report.Text is { } t ? TextDocument.Of(t) : null,
        };
        return JsonSerializer.Serialize(document, EvaluationReportJsonContext.Default.EvaluationReportDocument);
    }

    private static DiagnosticDocument Diagnostic(DiagnosticReport d) => new(d.Overall, d.Validity, d.Structure, d.MissingValueSimilarity,
        d.MissingColumns, d.ExtraColumns,
        d.Columns.Select(c => new DiagnosticColumnDocument(c.Column, c.Check, c.Score, c.InvalidCells)).ToArray(),
        d.MissingValues.Select(m => new MissingValuesDocument(m.Column, m.RealRate, m.SyntheticRate, m.Similarity)).ToArray(),
        d.Failures.Select(f => f.Column).ToArray()) { Rules = d.Rules.Count == 0 ? null : d.Rules };

    private static PrivacyDocument Privacy(PrivacyReport p) => new(p.TrainingRows, p.SyntheticRows, p.HoldoutRows,
        Dcr(p.SyntheticDcr), Dcr(p.RandomDcr), p.DcrBaselineProtection,
        p.DcrOverfitting is { } o ? new DcrOverfittingDocument(o.Score, o.ShareCloserToTraining, o.ExpectedShare) : null,
        new NewRowSynthesisDocument(p.NewRows.Score, p.NewRows.ExactCopies, p.NewRows.NearCopies),
        p.MembershipInference is { } m ? new MembershipInferenceDocument(m.Auc, m.Score, m.Members, m.NonMembers) : null,
        p.PairsSearched, Math.Round(p.SearchTime.TotalSeconds, 3));

    private static DcrDocument Dcr(DcrSummary s) => new(s.Median, s.Mean, s.Percentile5, s.ZeroShare);

    private static UtilityDocument Utility(UtilityReport u) => new(u.Target, u.Task, u.Ratio,
        u.Scores.Select(s => new UtilityScoreDocument(s.Learner, s.Metric, s.RealTrained, s.SyntheticTrained, s.Ratio,
            s.RealTrainedAccuracy, s.SyntheticTrainedAccuracy)).ToArray(),
        u.Detection is { } d ? Detection(d) : null, u.Detections.Select(Detection).ToArray());

    private static DetectionDocument Detection(DetectionScore d) => new(d.Learner, d.Auc, d.Score, d.Folds, d.RowsPerSide);

    private static AuditDocument Audit(EvaluationAudit a)
    {
        var timings = new OrderedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, time) in a.Timings) timings[name] = Math.Round(time.TotalSeconds, 3);
        timings["total"] = Math.Round(a.Total.TotalSeconds, 3);
        return new AuditDocument(Source(a.Training), Source(a.Synthetic), a.Holdout is { } h ? Source(h) : null, a.Seed,
            a.Model is { } m ? new ModelDocument(m.Path, m.Kind, m.Seed, m.SourceDataSha256, m.SourceRows, m.TrainedOnEvaluatedData, Settings(m.Settings), m.PrivacyPlan) : null,
            a.ToolVersion, timings);
    }

    private static OrderedDictionary<string, string> Settings(IReadOnlyList<KeyValuePair<string, string>> settings)
    {
        var ordered = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in settings) ordered[key] = value;
        return ordered;
    }

    private static DataSourceDocument Source(DataSource s) => new(s.Name, s.Sha256, s.Rows, s.Columns);
}

/// <summary>
/// The full evaluation's JSON, generated at compile time: camelCase names, checks, tasks and metrics by their C# names,
/// nulls written, two-space indentation, <c>'\n'</c> line ends.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    IndentSize = 2,
    NewLine = "\n",
    Converters = [typeof(JsonStringEnumConverter<QualityMetric>), typeof(JsonStringEnumConverter<UnscoredReason>), typeof(JsonStringEnumConverter<DiagnosticCheck>), typeof(JsonStringEnumConverter<UtilityTask>)])]
[JsonSerializable(typeof(EvaluationReportDocument))]
internal sealed partial class EvaluationReportJsonContext : JsonSerializerContext;
