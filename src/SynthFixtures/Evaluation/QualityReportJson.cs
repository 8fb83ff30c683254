using System.Text.Json;
using System.Text.Json.Serialization;

namespace SynthFixtures.Evaluation;

/// <summary>
/// Writes a <see cref="QualityReport"/> as JSON: <c>overall</c>, <c>columnShapes</c>, <c>columnPairTrends</c> (null
/// when there are no pairs; every pair counted), <c>scoredColumns</c> of <c>tableColumns</c>, <c>notScored</c>
/// [{ column, reason, description }], <c>associatedPairsAsSdmetrics</c> { overall, columnPairTrends, pairsCounted,
/// pairsTotal, correlationThreshold, associationThreshold }, then <c>columns</c> [{ column, metric, score }] and
/// <c>pairs</c> [{ columnA, columnB, metric, score, associated, and for correlation realCorrelation /
/// syntheticCorrelation, for contingency realAssociation (null when undefined) }].
/// </summary>
/// <remarks>
/// Deterministic: fixed property order, the report's own order of columns and pairs, and numbers unrounded in their
/// shortest round-trip form (what <c>"R"</c> gives), so identical reports give identical bytes. Indented, UTF-8,
/// "\n" line ends.
/// </remarks>
public static class QualityReportJson
{
    /// <summary>The report as an indented JSON document.</summary>
    public static string Serialize(QualityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var document = QualityReportDocument.Of(report);
        return JsonSerializer.Serialize(document, QualityReportJsonContext.Default.QualityReportDocument);
    }
}

/// <summary>
/// The quality report's JSON, and the multi-table report's that holds one per table, generated at compile time: camelCase names, metrics by their C# names
/// (<c>KSComplement</c>), nulls written, two-space indentation, <c>'\n'</c> line ends.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    IndentSize = 2,
    NewLine = "\n",
    Converters = [typeof(JsonStringEnumConverter<QualityMetric>), typeof(JsonStringEnumConverter<UnscoredReason>)])]
[JsonSerializable(typeof(QualityReportDocument))]
[JsonSerializable(typeof(Relational.RelationalReportDocument))]
internal sealed partial class QualityReportJsonContext : JsonSerializerContext;
