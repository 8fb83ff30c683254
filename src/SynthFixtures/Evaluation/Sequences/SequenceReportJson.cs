using System.Text.Json;
using System.Text.Json.Serialization;
using SynthFixtures.Evaluation.Privacy;

namespace SynthFixtures.Evaluation.Sequences;

/// <summary>
/// Writes a <see cref="SequenceQualityReport"/> as JSON: <c>overall</c>, <c>coverage</c>, <c>parts</c> [{ name, score,
/// description }], <c>notScored</c> and <c>skippedParts</c> [{ column, part, reason }], <c>stepShapes</c> and
/// <c>contextShapes</c> [{ column, metric, score }], <c>lengths</c>, <c>index</c>, <c>autocorrelations</c> [{ column,
/// score, real, synthetic }] (per lag from 1), <c>crossCorrelations</c>, <c>stepChanges</c>, <c>detection</c> { score,
/// learner, auc, folds, entitiesPerSide, detectors, features } or null with <c>detectionSkipReason</c>, <c>privacy</c>
/// { copiedEntities, syntheticEntities, notCopiedScore, copiedFromHoldout, dcr { syntheticMedian, syntheticMean,
/// syntheticPercentile5, syntheticZeroShare, randomMedian, baselineProtection, overfitting, membershipInferenceAuc },
/// features }, then <c>audit</c>. Deterministic apart from <c>audit.timingsSeconds</c>: fixed property order, numbers in
/// their shortest round-trip form. Indented, UTF-8, "\n" line ends.
/// </summary>
public static class SequenceReportJson
{
    /// <summary>The report as an indented JSON document.</summary>
    public static string Serialize(SequenceQualityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var p = report.Privacy;
        var d = p.Dcr;
        var a = report.Audit;
        var timings = new OrderedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, time) in a.Timings) timings[name] = Math.Round(time.TotalSeconds, 3);
        timings["total"] = Math.Round(a.Total.TotalSeconds, 3);
        var document = new SequenceReportDocument(
            report.Overall, report.Coverage,
            report.Parts.Select(x => new SequencePartDocument(x.Name, x.Score, x.Description)).ToArray(),
            report.NotScored.Select(Skipped).ToArray(), report.SkippedParts.Select(Skipped).ToArray(),
            report.StepShapes.Select(Shape).ToArray(), report.ContextShapes.Select(Shape).ToArray(),
            report.Lengths,
            report.Index,
            report.Autocorrelations.Select(x => new AutocorrelationDocument(x.Column, x.Score, x.Real, x.Synthetic)).ToArray(),
            report.CrossCorrelations.Select(x => new CrossCorrelationDocument(x.ColumnA, x.ColumnB, x.Score, x.Real, x.Synthetic)).ToArray(),
            report.StepChanges.Select(x => new StepChangeDocument(x.Column, x.Metric, x.Score, x.RealChanges, x.SyntheticChanges)).ToArray(),
            report.Detection is { } det
                ? new DetectionDocument(det.Score, det.Best.Learner, det.Best.Auc, det.Best.Folds, det.Best.RowsPerSide,
                    det.Detectors.Select(x => new DetectorDocument(x.Learner, x.Auc, x.Score)).ToArray(), det.Features) { WindowLength = det.WindowLength }
                : null,
            report.DetectionSkipReason,
            new PrivacyDocument(p.CopiedEntities, p.SyntheticEntities, p.NotCopiedScore, p.CopiedFromHoldout,
                new DcrDocument(Finite(d.SyntheticDcr.Median), Finite(d.SyntheticDcr.Mean), Finite(d.SyntheticDcr.Percentile5),
                    Finite(d.SyntheticDcr.ZeroShare), Finite(d.RandomDcr.Median), d.DcrBaselineProtection, d.DcrOverfitting, d.MembershipInference?.Auc),
                p.Features),
            new SequenceAuditDocument(a.RealName, a.SyntheticName, a.HoldoutName, a.RealRows, a.SyntheticRows, a.EntityColumns, a.IndexColumn,
                a.ContextColumns, a.MaxLag, a.Seed, a.ToolVersion, timings));
        return JsonSerializer.Serialize(document, SequenceReportJsonContext.Default.SequenceReportDocument);
    }

    private static SkippedDocument Skipped(SkippedSequenceColumn s) => new(s.Column, s.Part, s.Reason);

    private static ShapeDocument Shape(ColumnShapeScore s) => new(s.Column, s.Metric, s.Score);

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}

internal sealed record SequenceReportDocument(double Overall, string Coverage, IReadOnlyList<SequencePartDocument> Parts,
    IReadOnlyList<SkippedDocument> NotScored, IReadOnlyList<SkippedDocument> SkippedParts, IReadOnlyList<ShapeDocument> StepShapes,
    IReadOnlyList<ShapeDocument> ContextShapes, SequenceLengths Lengths, SequenceIndexShape? Index,
    IReadOnlyList<AutocorrelationDocument> Autocorrelations, IReadOnlyList<CrossCorrelationDocument> CrossCorrelations,
    IReadOnlyList<StepChangeDocument> StepChanges, DetectionDocument? Detection, string? DetectionSkipReason, PrivacyDocument Privacy,
    SequenceAuditDocument Audit);

internal sealed record SequencePartDocument(string Name, double? Score, string Description);

internal sealed record SkippedDocument(string Column, string? Part, string Reason);

internal sealed record ShapeDocument(string Column, QualityMetric Metric, double Score);

internal sealed record AutocorrelationDocument(string Column, double Score, IReadOnlyList<double?> Real, IReadOnlyList<double?> Synthetic);

internal sealed record CrossCorrelationDocument(string ColumnA, string ColumnB, double Score, double Real, double? Synthetic);

internal sealed record StepChangeDocument(string Column, QualityMetric Metric, double Score, int RealChanges, int SyntheticChanges);

internal sealed record DetectionDocument(double Score, string Learner, double Auc, int Folds, int EntitiesPerSide,
    IReadOnlyList<DetectorDocument> Detectors, IReadOnlyList<string> Features)
{
    /// <summary>The windows' length when the entities were cut into windows (then <see cref="EntitiesPerSide"/> counts windows); left out for whole entities.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? WindowLength { get; init; }
}

internal sealed record DetectorDocument(string Learner, double Auc, double Score);

internal sealed record PrivacyDocument(int CopiedEntities, int SyntheticEntities, double NotCopiedScore, int? CopiedFromHoldout, DcrDocument Dcr,
    IReadOnlyList<string> Features);

internal sealed record DcrDocument(double? SyntheticMedian, double? SyntheticMean, double? SyntheticPercentile5, double? SyntheticZeroShare,
    double? RandomMedian, double BaselineProtection, DcrOverfitting? Overfitting, double? MembershipInferenceAuc);

internal sealed record SequenceAuditDocument(string RealName, string SyntheticName, string? HoldoutName, int RealRows, int SyntheticRows,
    IReadOnlyList<string> EntityColumns, string? IndexColumn, IReadOnlyList<string> ContextColumns, int MaxLag, long Seed, string ToolVersion,
    OrderedDictionary<string, double> TimingsSeconds);

/// <summary>The sequence report's JSON, generated at compile time: camelCase names, metrics by their C# names, nulls written, two-space indentation, <c>'\n'</c> line ends.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    IndentSize = 2,
    NewLine = "\n",
    Converters = [typeof(JsonStringEnumConverter<QualityMetric>)])]
[JsonSerializable(typeof(SequenceReportDocument))]
internal sealed partial class SequenceReportJsonContext : JsonSerializerContext;
