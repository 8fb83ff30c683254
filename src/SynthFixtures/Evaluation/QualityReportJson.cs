using System.Text;
using System.Text.Json;

namespace SynthFixtures.Evaluation;

/// <summary>
/// Writes a <see cref="QualityReport"/> as JSON: <c>overall</c>, <c>columnShapes</c>, <c>columnPairTrends</c> (null
/// when there are no pairs), then <c>columns</c> [{ column, metric, score }] and <c>pairs</c> [{ columnA, columnB,
/// metric, score, and for correlation realCorrelation / syntheticCorrelation (null when undefined) }].
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
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartObject();
            WriteProperties(json, report);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the report's properties into the open object (shared with the full evaluation's JSON).</summary>
    internal static void WriteProperties(Utf8JsonWriter json, QualityReport report)
    {
        {
            json.WriteNumber("overall", report.Overall);
            json.WriteNumber("columnShapes", report.ColumnShapes);
            WriteNullable(json, "columnPairTrends", report.ColumnPairTrends);

            json.WriteStartArray("columns");
            foreach (var column in report.Columns)
            {
                json.WriteStartObject();
                json.WriteString("column", column.Column);
                json.WriteString("metric", column.Metric.ToString());
                json.WriteNumber("score", column.Score);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartArray("pairs");
            foreach (var pair in report.Pairs)
            {
                json.WriteStartObject();
                json.WriteString("columnA", pair.ColumnA);
                json.WriteString("columnB", pair.ColumnB);
                json.WriteString("metric", pair.Metric.ToString());
                json.WriteNumber("score", pair.Score);
                if (pair.Metric == QualityMetric.CorrelationSimilarity)
                {
                    WriteNullable(json, "realCorrelation", pair.RealCorrelation);
                    WriteNullable(json, "syntheticCorrelation", pair.SyntheticCorrelation);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
    }

    internal static void WriteNullable(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number) json.WriteNumber(name, number);
        else json.WriteNull(name);
    }
}
