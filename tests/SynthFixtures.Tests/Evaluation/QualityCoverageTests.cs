using System.Globalization;
using System.Text.Json;
using SynthFixtures.Data;
using SynthFixtures.Evaluation;
using SynthFixtures.Evaluation.Report;
using SynthFixtures.Metadata;
using static SynthFixtures.Tests.Evaluation.EvaluationTables;

namespace SynthFixtures.Tests.Evaluation;

/// <summary>Every column is scored or listed with its reason; SDMetrics' associated-pairs view counts exactly the related pairs.</summary>
public class QualityCoverageTests
{
    [Fact]
    public void Columns_generated_rather_than_learned_are_listed_with_their_reasons_in_every_writer()
    {
        var (table, metadata) = WithTextAndPersonalData(300);
        var report = QualityEvaluator.Evaluate(table, table, metadata);

        Assert.Equal(["amount", "segment"], report.Columns.Select(c => c.Column));
        Assert.Equal(
            [new UnscoredColumn("ref", UnscoredReason.Identifier), new UnscoredColumn("notes", UnscoredReason.FreeText), new UnscoredColumn("email", UnscoredReason.PersonalData)],
            report.NotScored);
        Assert.Equal(5, report.TableColumns);
        const string headline = "3 of 5 columns generated, not learned, so not scored: ref (identifier), notes (free text, scored in the text section), email (personal data)";
        Assert.Equal(headline, QualityHeadline.NotScored(report));
        Assert.Equal("over 2 of 5 columns", QualityHeadline.Coverage(report));

        var console = new StringWriter();
        QualityReportTable.Write(report, console);
        Assert.Contains(headline, console.ToString());
        Assert.Contains("Overall (over 2 of 5 columns)", console.ToString());

        using var json = JsonDocument.Parse(QualityReportJson.Serialize(report));
        Assert.Equal(2, json.RootElement.GetProperty("scoredColumns").GetInt32());
        Assert.Equal(5, json.RootElement.GetProperty("tableColumns").GetInt32());
        var notScored = json.RootElement.GetProperty("notScored").EnumerateArray().ToArray();
        Assert.Equal(["ref", "notes", "email"], notScored.Select(c => c.GetProperty("column").GetString()));
        Assert.Equal(["Identifier", "FreeText", "PersonalData"], notScored.Select(c => c.GetProperty("reason").GetString()));

        var full = Evaluator.Evaluate(new EvaluationInput { Training = table, Synthetic = table, Metadata = metadata });
        Assert.Contains($"**{headline}.**", EvaluationMarkdown.Write(full));
        Assert.Contains(System.Net.WebUtility.HtmlEncode(headline), SynthFixtures.Reports.HtmlReport.Write(full));
    }

    [Fact]
    public void A_table_whose_columns_are_all_modelled_says_the_score_runs_over_all_of_them()
    {
        var real = Make(("a", ["x", "y"]), ("b", Numbers(1, 2)));
        var report = QualityEvaluator.Evaluate(real, real, MetadataOf(Categorical("a"), Integer("b")));

        Assert.Empty(report.NotScored);
        Assert.Null(QualityHeadline.NotScored(report));
        Assert.Equal("over all 2 columns", QualityHeadline.Coverage(report));
    }

    [Fact]
    public void The_associated_pairs_view_counts_exactly_the_pairs_related_in_the_real_data()
    {
        var (table, metadata) = KnownRelations(3000, seed: 41);
        var synthetic = ShuffleEachColumn(table, seed: 42);
        var report = QualityEvaluator.Evaluate(table, synthetic, metadata);

        Assert.Equal(15, report.Pairs.Count);
        Assert.Equal([("x", "y"), ("a", "b")], report.AssociatedPairs.Select(p => (p.ColumnA, p.ColumnB)));
        var xy = report.Pairs.Single(p => p.ColumnA == "x" && p.ColumnB == "y");
        Assert.True(xy.RealCorrelation > 0.9, $"ρ(x, y) {xy.RealCorrelation}");
        var ab = report.Pairs.Single(p => p.ColumnA == "a" && p.ColumnB == "b");
        Assert.True(ab.RealAssociation > 0.8, $"V(a, b) {ab.RealAssociation}");
        // The independent pairs are far below the thresholds, so the selection is not a near miss.
        Assert.All(report.Pairs.Where(p => !p.IsAssociated), p =>
            Assert.True(Math.Abs(p.RealCorrelation ?? p.RealAssociation ?? 0) < 0.15, $"{p.ColumnA} × {p.ColumnB}"));

        Assert.Equal((xy.Score + ab.Score) / 2, report.AssociatedPairTrends!.Value, 12);
        Assert.Equal((report.ColumnShapes + report.AssociatedPairTrends.Value) / 2, report.AssociatedOverall, 12);
        // Shuffling breaks both relations: the associated view sees it, the all-pairs mean dilutes it.
        Assert.True(report.AssociatedOverall < report.Overall - 0.1, $"associated {report.AssociatedOverall} vs all {report.Overall}");

        using var json = JsonDocument.Parse(QualityReportJson.Serialize(report));
        var view = json.RootElement.GetProperty("associatedPairsAsSdmetrics");
        Assert.Equal(2, view.GetProperty("pairsCounted").GetInt32());
        Assert.Equal(15, view.GetProperty("pairsTotal").GetInt32());
        Assert.Equal(report.AssociatedOverall, view.GetProperty("overall").GetDouble());
        Assert.Equal(2, json.RootElement.GetProperty("pairs").EnumerateArray().Count(p => p.GetProperty("associated").GetBoolean()));
    }

    [Fact]
    public void Without_any_associated_pair_the_view_has_no_pair_trends_and_its_overall_is_the_shapes()
    {
        var (table, metadata) = KnownRelations(2000, seed: 43);
        var independent = MetadataOf(metadata.Columns.Where(c => c.Name is "x" or "u" or "a" or "w").ToArray());
        var report = QualityEvaluator.Evaluate(table, table, independent);

        Assert.Empty(report.AssociatedPairs);
        Assert.Null(report.AssociatedPairTrends);
        Assert.Equal(report.ColumnShapes, report.AssociatedOverall);
    }

    [Theory]
    [InlineData(new[] { 1, 1, 2, 2 }, new[] { 1, 1, 2, 2 }, 1.0)]       // b follows a exactly
    [InlineData(new[] { 1, 1, 2, 2 }, new[] { 1, 2, 1, 2 }, 0.0)]       // independent
    [InlineData(new[] { 1, 1, 1, 2, 2, 2 }, new[] { 1, 1, 2, 1, 2, 2 }, 1.0 / 3)] // χ² = 6·(1/9) → V = √(χ²/n) = 1/3
    public void Cramers_v_matches_hand_computed_tables(int[] a, int[] b, double expected)
    {
        Assert.Equal(expected, CramersV.Compute(a, b, 3, 3)!.Value, 12);
    }

    [Fact]
    public void Cramers_v_is_undefined_when_a_side_has_one_label()
    {
        Assert.Null(CramersV.Compute([1, 1, 1], [1, 2, 1], 2, 3));
        Assert.Null(CramersV.Compute([], [], 1, 1));
    }

    /// <summary>A key, free text and e-mails beside two modelled columns.</summary>
    private static (Table, TableMetadata) WithTextAndPersonalData(int rows)
    {
        var random = new Random(5);
        string?[] Column(Func<int, string> cell) => Enumerable.Range(0, rows).Select(cell).ToArray();
        var table = Make(
            ("ref", Column(i => $"R{i:D5}")),
            ("amount", Column(_ => (random.NextDouble() * 100).ToString("F2", CultureInfo.InvariantCulture))),
            ("notes", Column(i => $"Customer wrote a long note number {i} about the order.")),
            ("segment", Column(i => i % 3 == 0 ? "retail" : "wholesale")),
            ("email", Column(i => $"person{i}@example.com")));
        var metadata = MetadataOf(
            new ColumnMetadata { Name = "ref", Kind = ColumnKind.Identifier },
            Decimal("amount"),
            new ColumnMetadata { Name = "notes", Kind = ColumnKind.Text },
            Categorical("segment"),
            new ColumnMetadata { Name = "email", Kind = ColumnKind.Text, Pii = PiiKind.Email });
        return (table, metadata);
    }

    /// <summary>
    /// Numbers x, y (y ≈ 2x: strongly correlated), u (independent); labels a, b (b repeats a but for 5 % of rows:
    /// strongly associated), w (independent). Every other pair, mixed ones included, is independent.
    /// </summary>
    internal static (Table, TableMetadata) KnownRelations(int rows, int seed)
    {
        var random = new Random(seed);
        var labels = new[] { "red", "green", "blue" };
        var x = new string?[rows];
        var y = new string?[rows];
        var u = new string?[rows];
        var a = new string?[rows];
        var b = new string?[rows];
        var w = new string?[rows];
        for (var i = 0; i < rows; i++)
        {
            var value = random.NextDouble() * 100;
            x[i] = value.ToString("R", CultureInfo.InvariantCulture);
            y[i] = (2 * value + random.NextDouble() * 10).ToString("R", CultureInfo.InvariantCulture);
            u[i] = (random.NextDouble() * 50).ToString("R", CultureInfo.InvariantCulture);
            var label = random.Next(3);
            a[i] = labels[label];
            b[i] = random.NextDouble() < 0.95 ? labels[label].ToUpperInvariant() : labels[random.Next(3)].ToUpperInvariant();
            w[i] = random.NextDouble() < 0.5 ? "on" : "off";
        }
        var table = Make(("x", x), ("y", y), ("u", u), ("a", a), ("b", b), ("w", w));
        return (table, MetadataOf(Decimal("x"), Decimal("y"), Decimal("u"), Categorical("a"), Categorical("b"), Categorical("w")));
    }
}
