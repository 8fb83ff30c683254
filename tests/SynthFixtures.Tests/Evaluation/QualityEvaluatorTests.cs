using SynthFixtures.Data;
using SynthFixtures.Evaluation;
using SynthFixtures.Metadata;
using Xunit.Abstractions;
using static SynthFixtures.Tests.Evaluation.EvaluationTables;

namespace SynthFixtures.Tests.Evaluation;

public class QualityEvaluatorTests(ITestOutputHelper output)
{
    [Fact]
    public void Identical_tables_score_one_everywhere()
    {
        var (table, metadata) = Correlated(500, seed: 1);
        var report = QualityEvaluator.Evaluate(table, table, metadata);
        Assert.Equal(1.0, report.Overall);
        Assert.Equal(1.0, report.ColumnShapes);
        Assert.Equal(1.0, report.ColumnPairTrends);
        Assert.All(report.Columns, c => Assert.Equal(1.0, c.Score));
        Assert.All(report.Pairs, p => Assert.Equal(1.0, p.Score));
    }

    [Fact]
    public void Only_modelled_columns_are_evaluated_with_the_metric_their_kind_calls_for()
    {
        var (table, metadata) = Correlated(200, seed: 2);
        var report = QualityEvaluator.Evaluate(table, table, metadata);
        Assert.Equal(["x", "y", "band", "day", "flag"], report.Columns.Select(c => c.Column));
        Assert.Equal(
            [QualityMetric.KSComplement, QualityMetric.KSComplement, QualityMetric.TVComplement, QualityMetric.KSComplement, QualityMetric.TVComplement],
            report.Columns.Select(c => c.Metric));
        Assert.Equal(10, report.Pairs.Count);
        Assert.Equal(("x", "y"), (report.Pairs[0].ColumnA, report.Pairs[0].ColumnB));
        var metricOf = report.Pairs.ToDictionary(p => (p.ColumnA, p.ColumnB), p => p.Metric);
        Assert.Equal(QualityMetric.CorrelationSimilarity, metricOf[("x", "y")]);
        Assert.Equal(QualityMetric.CorrelationSimilarity, metricOf[("x", "day")]);   // datetime is numeric
        Assert.Equal(QualityMetric.ContingencySimilarity, metricOf[("x", "band")]);
        Assert.Equal(QualityMetric.ContingencySimilarity, metricOf[("band", "flag")]);
    }

    [Fact]
    public void Shuffling_each_column_keeps_shapes_but_breaks_pair_trends()
    {
        var (table, metadata) = Correlated(2000, seed: 3);
        var shuffled = ShuffleEachColumn(table, seed: 4);
        var report = QualityEvaluator.Evaluate(table, shuffled, metadata);
        Assert.Equal(1.0, report.ColumnShapes);
        Assert.True(report.ColumnPairTrends < 0.8, $"pair trends {report.ColumnPairTrends}");
        var xy = report.Pairs.Single(p => p.ColumnA == "x" && p.ColumnB == "y");
        Assert.True(xy.RealCorrelation > 0.99);
        Assert.True(Math.Abs(xy.SyntheticCorrelation!.Value) < 0.1);
    }

    [Fact]
    public void Overall_is_the_mean_of_the_two_properties_and_properties_are_means()
    {
        var (table, metadata) = Correlated(1000, seed: 5);
        var report = QualityEvaluator.Evaluate(table, ShuffleEachColumn(table, seed: 6), metadata);
        Assert.Equal(report.Columns.Average(c => c.Score), report.ColumnShapes, 12);
        Assert.Equal(report.Pairs.Average(p => p.Score), report.ColumnPairTrends!.Value, 12);
        Assert.Equal((report.ColumnShapes + report.ColumnPairTrends.Value) / 2, report.Overall, 15);
    }

    [Fact]
    public void Hand_computed_report()
    {
        // n: real {1,2,3,4}, synth {3,4,5,6}        → KSComplement 0.5 (D = 0.5)
        // c: real {a,a,b,c}, synth {a,b,b,d}        → TVComplement 0.5
        // pair: n binned over [1,4] (width 0.3): real bins 0,3,6,9; synth 6 (3), 9 (4), 9 (5 clamped), 9 (6 clamped).
        //   real cells (0,a)(3,a)(6,b)(9,c); synth (6,a)(9,b)(9,b)(9,d): no cell in common → Σ|Δ| = 2 → 0.
        // Column shapes 0.5, pair trends 0, overall 0.25.
        var real = Make(("n", Numbers(1, 2, 3, 4)), ("c", ["a", "a", "b", "c"]));
        var synthetic = Make(("n", Numbers(3, 4, 5, 6)), ("c", ["a", "b", "b", "d"]));
        var report = QualityEvaluator.Evaluate(real, synthetic, MetadataOf(Integer("n"), Categorical("c")));
        Assert.Equal(0.5, report.Columns[0].Score, 12);
        Assert.Equal(0.5, report.Columns[1].Score, 12);
        Assert.Equal(0.0, report.Pairs[0].Score, 12);
        Assert.Equal(0.25, report.Overall, 12);
    }

    [Fact]
    public void One_column_has_no_pair_trends_and_overall_is_the_shapes()
    {
        var real = Make(("c", ["a", "b"]));
        var report = QualityEvaluator.Evaluate(real, Make(("c", ["a", "a"])), MetadataOf(Categorical("c")));
        Assert.Null(report.ColumnPairTrends);
        Assert.Empty(report.Pairs);
        Assert.Equal(report.ColumnShapes, report.Overall);
        Assert.Equal(0.5, report.Overall);
    }

    [Fact]
    public void Result_does_not_depend_on_the_number_of_threads()
    {
        var (table, metadata) = Correlated(3000, seed: 7);
        var synthetic = ShuffleEachColumn(table, seed: 8);
        var single = QualityEvaluator.EvaluateCore(table, synthetic, metadata, null, default, maxDegreeOfParallelism: 1);
        var parallel = QualityEvaluator.Evaluate(table, synthetic, metadata);
        var many = QualityEvaluator.EvaluateCore(table, synthetic, metadata, null, default, maxDegreeOfParallelism: 16);
        Assert.Equal(QualityReportJson.Serialize(single), QualityReportJson.Serialize(parallel));
        Assert.Equal(QualityReportJson.Serialize(single), QualityReportJson.Serialize(many));
        Assert.Equal(single.Pairs, parallel.Pairs);   // record equality: same order, bit-identical doubles
    }

    [Fact]
    public void Synthetic_table_missing_a_column_names_the_column_and_the_file()
    {
        var real = Make(("a", ["1", "2"]), ("b", ["x", "y"]));
        var synthetic = MakeFrom("out/synthetic.csv", ("a", ["1", "2"]));
        var error = Assert.Throws<SynthDataException>(() =>
            QualityEvaluator.Evaluate(real, synthetic, MetadataOf(Integer("a"), Categorical("b"))));
        Assert.Equal("b", error.ColumnName);
        Assert.Equal("out/synthetic.csv", error.FilePath);
        Assert.Contains("'b'", error.Message);
        Assert.Contains("out/synthetic.csv", error.Message);
    }

    [Fact]
    public void Empty_tables_are_rejected_clearly()
    {
        var full = Make(("a", ["1", "2"]));
        var empty = MakeFrom("empty.csv", ("a", []));
        var metadata = MetadataOf(Integer("a"));
        var error = Assert.Throws<SynthDataException>(() => QualityEvaluator.Evaluate(full, empty, metadata));
        Assert.Contains("synthetic table has no rows", error.Message);
        Assert.Equal("empty.csv", error.FilePath);
        error = Assert.Throws<SynthDataException>(() => QualityEvaluator.Evaluate(empty, full, metadata));
        Assert.Contains("real table has no rows", error.Message);
    }

    [Fact]
    public void Metadata_without_modelled_columns_is_rejected()
    {
        var table = Make(("id", ["1", "2"]));
        var metadata = MetadataOf(new ColumnMetadata { Name = "id", Kind = ColumnKind.Identifier });
        Assert.Throws<SynthDataException>(() => QualityEvaluator.Evaluate(table, table, metadata));
    }

    [Fact]
    public void Unparseable_synthetic_number_is_a_data_error()
    {
        var real = Make(("a", ["1", "2"]));
        var synthetic = MakeFrom("s.csv", ("a", ["1", "two"]));
        var error = Assert.Throws<SynthDataException>(() => QualityEvaluator.Evaluate(real, synthetic, MetadataOf(Integer("a"))));
        Assert.Equal("s.csv", error.FilePath);
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        var (table, metadata) = Correlated(100, seed: 9);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => QualityEvaluator.Evaluate(table, table, metadata, ct: cts.Token));
    }

    [Fact]
    public void Progress_reports_each_stage()
    {
        var (table, metadata) = Correlated(100, seed: 10);
        var lines = new List<string>();
        QualityEvaluator.Evaluate(table, table, metadata, new SynchronousProgress(lines));
        Assert.Contains(lines, l => l.StartsWith("Column shapes", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Column pair trends", StringComparison.Ordinal));
        Assert.StartsWith("Overall quality", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Adult_sized_table_scores_every_pair_and_an_independent_shuffle_keeps_shapes_but_loses_trends()
    {
        // Speed lives in the benchmarks (tests/SynthFixtures.Benchmarks), not here.
        var (real, metadata) = AdultShaped(32_561, seed: 11);
        var synthetic = ShuffleEachColumn(real, seed: 12);
        var report = QualityEvaluator.Evaluate(real, synthetic, metadata);
        output.WriteLine($"32,561 × 15 vs 32,561: overall {report.Overall:F4}");
        Assert.Equal(105, report.Pairs.Count);
        Assert.Equal(1.0, report.ColumnShapes, 6);
        Assert.True(report.ColumnPairTrends < 1.0);
    }

    /// <summary>Adult's shape: 6 integer columns and 9 categorical ones of 2–41 categories with some missing.</summary>
    private static (Table, TableMetadata) AdultShaped(int rows, int seed)
    {
        var random = new Random(seed);
        int[] categories = [9, 16, 7, 15, 6, 5, 2, 42, 2];
        var names = new List<string>();
        var cells = new List<string?[]>();
        var columns = new List<ColumnMetadata>();
        for (var c = 0; c < 6; c++)
        {
            names.Add($"n{c}");
            columns.Add(Integer($"n{c}"));
            cells.Add(Enumerable.Range(0, rows).Select(_ => random.Next(1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        }
        for (var c = 0; c < categories.Length; c++)
        {
            names.Add($"c{c}");
            columns.Add(Categorical($"c{c}"));
            var k = categories[c];
            cells.Add(Enumerable.Range(0, rows).Select(_ => random.Next(50) == 0 ? null : $" category-{random.Next(k)}").ToArray());
        }
        return (new Table(names, cells.ToArray()), new TableMetadata { Columns = columns });
    }

    private sealed class SynchronousProgress(List<string> lines) : IProgress<string>
    {
        public void Report(string value) => lines.Add(value);
    }
}
