using System.Text.Json;
using SynthFixtures.Evaluation;
using static SynthFixtures.Tests.Evaluation.EvaluationTables;

namespace SynthFixtures.Tests.Evaluation;

public class QualityReportWritersTests
{
    private static QualityReport Sample()
    {
        var (table, metadata) = Correlated(400, seed: 21);
        return QualityEvaluator.Evaluate(table, ShuffleEachColumn(table, seed: 22), metadata);
    }

    [Fact]
    public void Json_has_the_required_fields_in_camel_case()
    {
        var report = Sample();
        using var document = JsonDocument.Parse(QualityReportJson.Serialize(report));
        var root = document.RootElement;
        Assert.Equal(["overall", "columnShapes", "columnPairTrends", "columns", "pairs"], root.EnumerateObject().Select(p => p.Name));
        foreach (var name in new[] { "overall", "columnShapes", "columnPairTrends" })
            Assert.InRange(root.GetProperty(name).GetDouble(), 0.0, 1.0);
        Assert.Equal(report.Overall, root.GetProperty("overall").GetDouble()); // full precision round-trips
        var column = root.GetProperty("columns")[0];
        Assert.Equal(["column", "metric", "score"], column.EnumerateObject().Select(p => p.Name));
        Assert.Equal("KSComplement", column.GetProperty("metric").GetString());
        var correlation = root.GetProperty("pairs").EnumerateArray().First(p => p.GetProperty("metric").GetString() == "CorrelationSimilarity");
        Assert.Equal(["columnA", "columnB", "metric", "score", "realCorrelation", "syntheticCorrelation"], correlation.EnumerateObject().Select(p => p.Name));
        var contingency = root.GetProperty("pairs").EnumerateArray().First(p => p.GetProperty("metric").GetString() == "ContingencySimilarity");
        Assert.False(contingency.TryGetProperty("realCorrelation", out _));
    }

    [Fact]
    public void Json_is_deterministic_and_writes_null_pair_trends_for_one_column()
    {
        Assert.Equal(QualityReportJson.Serialize(Sample()), QualityReportJson.Serialize(Sample()));
        var single = QualityEvaluator.Evaluate(Make(("c", ["a"])), Make(("c", ["a"])), MetadataOf(Categorical("c")));
        using var document = JsonDocument.Parse(QualityReportJson.Serialize(single));
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("columnPairTrends").ValueKind);
    }

    [Fact]
    public void Text_table_lists_properties_then_worst_columns_then_worst_ten_pairs()
    {
        var report = Sample();
        var writer = new StringWriter();
        QualityReportTable.Write(report, writer);
        var lines = writer.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.StartsWith("Property", lines[0]);
        Assert.StartsWith("Overall", lines[2]);
        Assert.Contains(report.Overall.ToString("F4", System.Globalization.CultureInfo.InvariantCulture), lines[2]);

        var columnsAt = lines.IndexOf("Column shapes (worst first)");
        var columnScores = lines.Skip(columnsAt + 3).Take(report.Columns.Count).Select(LastNumber).ToList();
        Assert.Equal(columnScores.Order(), columnScores);

        var pairsAt = lines.FindIndex(l => l.StartsWith("Column pair trends (worst 10 of 10)", StringComparison.Ordinal));
        Assert.True(pairsAt > columnsAt);
        var pairRows = lines.Skip(pairsAt + 3).Where(l => l.Length > 0).ToList();
        Assert.Equal(10, pairRows.Count);
        Assert.Equal(report.Pairs.Min(p => p.Score).ToString("F4", System.Globalization.CultureInfo.InvariantCulture),
            pairRows[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)[3]);

        // Aligned: every row of a block is as wide as its header underline at most.
        var underline = lines[pairsAt + 2];
        Assert.All(pairRows, r => Assert.True(r.Length <= underline.Length));
    }

    private static double LastNumber(string line) =>
        double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1], System.Globalization.CultureInfo.InvariantCulture);
}
