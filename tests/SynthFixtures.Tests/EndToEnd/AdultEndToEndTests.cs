using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Evaluation;
using SynthFixtures.Metadata;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Sampling;
using SynthFixtures.Transforms;
using SynthFixtures.Tests.TestData;
using Xunit.Abstractions;

namespace SynthFixtures.Tests.EndToEnd;

/// <summary>Issue 2's acceptance run on the real adult data: train, sample 32,561 rows, evaluate, check the rows.</summary>
public sealed class AdultEndToEndTests(ITestOutputHelper output)
{
    private static (Table Table, TableMetadata Metadata) Adult()
    {
        var path = Datasets.Path("adult", "adult.csv");
        Skip.If(path is null, Datasets.Missing("adult", "adult.csv"));
        var table = CsvTableReader.Read(path);
        return (table, TableProfiler.Profile(table));
    }

    [SkippableFact]
    public void Adult_scores_at_least_0_85_and_every_sampled_value_is_plausible()
    {
        var (real, metadata) = Adult();
        var model = ModelArtifact.FromBytes(ModelArtifact.ToBytes(GaussianCopulaFitter.Fit(real, metadata, new GaussianCopulaOptions { Seed = 1 })));
        var synthetic = model.Sample(real.RowCount, seed: 1).ToTable();
        var report = QualityEvaluator.Evaluate(real, synthetic, metadata);
        output.WriteLine($"overall {report.Overall:F4}, shapes {report.ColumnShapes:F4}, pairs {report.ColumnPairTrends:F4}");
        Assert.True(report.Overall >= 0.85, $"overall {report.Overall:F4}");

        foreach (var column in metadata.Columns)
        {
            var index = real.IndexOf(column.Name);
            var values = synthetic.Column(index);
            if (column.IsCategorical)
            {
                var known = real.Column(index).ToHashSet();
                Assert.All(values, v => Assert.Contains(v, known)); // every label (and missing) occurs in the input
            }
            if (column.Kind == ColumnKind.Integer)
            {
                var observed = ColumnValues.ToDoubles(real, index, column).Where(v => !double.IsNaN(v)).ToArray();
                var (min, max) = (observed.Min(), observed.Max());
                Assert.All(values, v =>
                {
                    Assert.True(long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n), $"{column.Name}: '{v}' is not an integer");
                    Assert.InRange(n, min, max);
                });
            }
        }
        // Missing values keep adult's own token and their real rate.
        var workclass = real.IndexOf("workclass");
        Assert.Equal(" ?", synthetic.MissingTokens[workclass]);
        var realMissing = real.Column(workclass).Count(c => c is null) / (double)real.RowCount;
        var syntheticMissing = synthetic.Column(workclass).Count(c => c is null) / (double)synthetic.RowCount;
        Assert.InRange(syntheticMissing, realMissing - 0.01, realMissing + 0.01);
    }

    [SkippableFact]
    public void Synthetic_rows_copy_training_rows_no_more_often_than_fresh_real_rows_do()
    {
        // Train on one half; the other half is what "chance" looks like: real rows the model never saw.
        var (real, metadata) = Adult();
        var half = real.RowCount / 2;
        var train = Slice(real, 0, half);
        var holdout = Slice(real, half, real.RowCount - half);
        var model = GaussianCopulaFitter.Fit(train, metadata, new GaussianCopulaOptions { Seed = 2 });
        var synthetic = model.Sample(holdout.RowCount, seed: 2).ToTable();

        var trainingRows = Rows(train).ToHashSet();
        var copied = Rows(synthetic).Count(trainingRows.Contains);
        var chance = Rows(holdout).Count(trainingRows.Contains);
        output.WriteLine($"synthetic rows equal to a training row: {copied} of {synthetic.RowCount}; holdout rows equal to a training row: {chance} of {holdout.RowCount}");
        Assert.True(copied <= Math.Max(chance, 5), $"{copied} copies vs {chance} by chance");
    }

    [SkippableFact]
    public void Rare_categories_can_be_asked_for_directly()
    {
        var (real, metadata) = Adult();
        var model = GaussianCopulaFitter.Fit(real, metadata);
        var rich = model.Sample(1000, seed: 3, [Condition.Parse("income=>50K"), Condition.Parse("age=30..40")]).ToTable();
        Assert.All(rich.Column("income"), v => Assert.Equal(" >50K", v));
        Assert.All(rich.Column("age"), v => Assert.InRange(int.Parse(v!, CultureInfo.InvariantCulture), 30, 40));
    }

    private static IEnumerable<string> Rows(Table table) =>
        Enumerable.Range(0, table.RowCount).Select(r => string.Join('\u001f', Enumerable.Range(0, table.ColumnCount).Select(c => table[r, c] is { } v ? v.Trim() : "\u0000")));

    private static Table Slice(Table table, int start, int count) =>
        new(table.ColumnNames, Enumerable.Range(0, table.ColumnCount).Select(c => table.Column(c).Skip(start).Take(count).ToArray()).ToArray(), table.MissingTokens, table.SourcePath);
}
