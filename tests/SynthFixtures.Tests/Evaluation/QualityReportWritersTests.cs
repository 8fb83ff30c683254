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
        Assert.Equal(["overall", "columnShapes", "columnPairTrends", "scoredColumns", "tableColumns", "notScored", "associatedPairsAsSdmetrics", "columns", "pairs"],
            root.EnumerateObject().Select(p => p.Name));
        foreach (var name in new[] { "overall", "columnShapes", "columnPairTrends" })
            Assert.InRange(root.GetProperty(name).GetDouble(), 0.0, 1.0);
        Assert.Equal(report.Overall, root.GetProperty("overall").GetDouble()); // full precision round-trips
        var column = root.GetProperty("columns")[0];
        Assert.Equal(["column", "metric", "score"], column.EnumerateObject().Select(p => p.Name));
        Assert.Equal("KSComplement", column.GetProperty("metric").GetString());
        var correlation = root.GetProperty("pairs").EnumerateArray().First(p => p.GetProperty("metric").GetString() == "CorrelationSimilarity");
        Assert.Equal(["columnA", "columnB", "metric", "score", "associated", "realCorrelation", "syntheticCorrelation"], correlation.EnumerateObject().Select(p => p.Name));
        var contingency = root.GetProperty("pairs").EnumerateArray().First(p => p.GetProperty("metric").GetString() == "ContingencySimilarity");
        Assert.Equal(["columnA", "columnB", "metric", "score", "associated", "realAssociation"], contingency.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["column", "reason", "description"], root.GetProperty("notScored")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("id", root.GetProperty("notScored")[0].GetProperty("column").GetString());
        Assert.Equal(["overall", "columnPairTrends", "pairsCounted", "pairsTotal", "correlationThreshold", "associationThreshold"],
            root.GetProperty("associatedPairsAsSdmetrics").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Json_snapshot_of_a_hand_computed_report()
    {
        // As QualityEvaluatorTests.Hand_computed_report: shapes 0.5 and 0.5, the one pair 0. Its real table puts each
        // row in its own bin of n, so c is a function of n: Cramér's V 1, the pair is associated.
        var real = Make(("n", Numbers(1, 2, 3, 4)), ("c", ["a", "a", "b", "c"]));
        var synthetic = Make(("n", Numbers(3, 4, 5, 6)), ("c", ["a", "b", "b", "d"]));
        var report = QualityEvaluator.Evaluate(real, synthetic, MetadataOf(Integer("n"), Categorical("c")));

        Assert.Equal("""
            {
              "overall": 0.25,
              "columnShapes": 0.5,
              "columnPairTrends": 0,
              "scoredColumns": 2,
              "tableColumns": 2,
              "notScored": [],
              "associatedPairsAsSdmetrics": {
                "overall": 0.25,
                "columnPairTrends": 0,
                "pairsCounted": 1,
                "pairsTotal": 1,
                "correlationThreshold": 0.5,
                "associationThreshold": 0.3
              },
              "columns": [
                {
                  "column": "n",
                  "metric": "KSComplement",
                  "score": 0.5
                },
                {
                  "column": "c",
                  "metric": "TVComplement",
                  "score": 0.5
                }
              ],
              "pairs": [
                {
                  "columnA": "n",
                  "columnB": "c",
                  "metric": "ContingencySimilarity",
                  "score": 0,
                  "associated": true,
                  "realAssociation": 1
                }
              ]
            }
            """.Replace("\r\n", "\n", StringComparison.Ordinal), QualityReportJson.Serialize(report));
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
