using SynthFixtures.Data;
using SynthFixtures.Modeling.Neural;
using SynthFixtures.Models.Neural;
using SynthFixtures.Sampling;
using SynthFixtures.Training.Tvae;
using Xunit.Abstractions;

namespace SynthFixtures.Training.Tests;

/// <summary>
/// Sampling given cells from a trained TVAE (the nearest-candidate method): given an age, the income follows the age's
/// group as in the data, the given cells come back exactly, and a split given table gives the rows of the whole.
/// </summary>
public class TvaeSampleGivenTests(ITestOutputHelper output)
{
    private static readonly TvaeOptions Small = new()
    {
        Epochs = 120, BatchSize = 50, EmbeddingWidth = 8, EncoderWidths = [32, 32], DecoderWidths = [32, 32], Seed = 3, Threads = 1,
    };

    private static readonly Lazy<(Table Table, Metadata.TableMetadata Metadata, NeuralSynthModel Model)> Trained = new(() =>
    {
        var (table, metadata) = TestTables.Small(400, withIdAndMissing: true);
        return (table, metadata, TvaeSynthesizer.Train(table, metadata, Small));
    });

    [Fact]
    public void Given_the_age_the_income_follows_its_group_and_the_correlation_is_kept()
    {
        var (table, metadata, model) = Trained.Value;
        var given = new Table(["age"], [table.Column("age").ToArray()]);
        var sample = model.SampleGiven(given, seed: 7).ToTable();
        Assert.Equal(given.Column("age"), sample.Column("age"));

        var real = TestTables.Correlation(table, "age", "income", metadata);
        var synthetic = TestTables.Correlation(sample, "age", "income", metadata);
        output.WriteLine($"corr(age, income): data {real:F3}, sampled given the data's ages {synthetic:F3}");
        Assert.True(real < -0.8, $"data {real}");
        Assert.InRange(synthetic, real - 0.15, real + 0.15);

        foreach (var (age, low, high) in new[] { ("65", 12.0, 28.0), ("30", 45.0, 65.0) })
        {
            var rows = model.SampleGiven(new Table(["age"], [Enumerable.Repeat<string?>(age, 300).ToArray()]), seed: 8).ToTable();
            var income = rows.Column("income").Where(c => c is not null).Select(c => double.Parse(c!, System.Globalization.CultureInfo.InvariantCulture)).Average();
            output.WriteLine($"mean income given age {age}: {income:F1}");
            Assert.InRange(income, low, high);
        }
    }

    [Fact]
    public void A_split_given_table_gives_the_rows_of_the_whole()
    {
        var (table, _, model) = Trained.Value;
        var given = new Table(["plan", "age"], [table.Column("plan").ToArray(), table.Column("age").ToArray()]);
        var whole = model.SampleGiven(given, seed: 9, new SamplingOptions { MaxDegreeOfParallelism = 2 }).ToTable();
        var first = model.SampleGiven(Rows(given, 0, 150), seed: 9, new SamplingOptions { MaxDegreeOfParallelism = 1 }).ToTable();
        var rest = model.SampleGiven(Rows(given, 150, 250), seed: 9, new SamplingOptions { FirstRowNumber = 150 }).ToTable();
        foreach (var column in whole.ColumnNames)
            Assert.Equal(whole.Column(column), first.Column(column).Concat(rest.Column(column)));
    }

    private static Table Rows(Table table, int skip, int take) =>
        new(table.ColumnNames, table.ColumnNames.Select(c => table.Column(c).Skip(skip).Take(take).ToArray()).ToArray());
}
