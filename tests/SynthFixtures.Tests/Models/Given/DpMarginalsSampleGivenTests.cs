using SynthFixtures.Data;
using SynthFixtures.Models.DpMarginals;
using SynthFixtures.Sampling;

namespace SynthFixtures.Tests.Models.Given;

/// <summary>
/// Sampling given cells from the dp-marginals model (likelihood weighting on its tree): the free columns follow the given
/// ones as in the data, the given cells come back exactly, and the rows depend only on the seed and their number.
/// </summary>
public sealed class DpMarginalsSampleGivenTests
{
    private static readonly Lazy<Table> Data = new(() => GivenTestData.Create(6000, seed: 3));

    private static readonly Lazy<DpMarginalsModel> Model = new(() =>
        DpMarginalsFitter.Fit(Data.Value, GivenTestData.Metadata(), new DpMarginalsOptions { Epsilon = 1e6, Delta = 1e-9, NoiseSeed = 4 }));

    [Theory]
    [InlineData("a", 0.9)]
    [InlineData("b", 0.5)]
    [InlineData("c", 0.1)]
    public void Given_a_category_the_label_rate_is_the_datas_conditional_rate(string c, double expected)
    {
        var sample = Model.Value.SampleGiven(GivenTestData.Repeat("c", c, 2000), seed: 12).ToTable();
        Assert.All(sample.Column("c"), cell => Assert.Equal(c, cell));
        Assert.InRange(sample.Column("label").Count(l => l == "yes") / 2000.0, expected - 0.06, expected + 0.06);
    }

    [Theory]
    [InlineData("1.000", 2.0)]
    [InlineData("-1.000", -2.0)]
    public void Given_x_the_mean_of_y_follows_it(string x, double expected)
    {
        var sample = Model.Value.SampleGiven(GivenTestData.Repeat("x", x, 2000), seed: 11).ToTable();
        Assert.All(sample.Column("x"), cell => Assert.Equal(x, cell));
        // Unconditioned, y averages 0 with sd 2; given x's bin (about 0.25 wide here), y is drawn from that bin's conditional.
        Assert.InRange(GivenTestData.Numbers(sample.Column("y")).Average(), expected - 0.25, expected + 0.25);
    }

    [Fact]
    public void A_missing_given_number_moves_its_parent_columns_as_the_data_does()
    {
        var data = Data.Value;
        var x = GivenTestData.Numbers(data.Column("x"));
        var dataGivenMissing = Enumerable.Range(0, data.RowCount).Where(r => data.Column("m")[r] is null).Average(r => x[r]);
        var sample = Model.Value.SampleGiven(GivenTestData.Repeat("m", null, 2000), seed: 13).ToTable();
        Assert.All(sample.Column("m"), cell => Assert.Null(cell));
        Assert.InRange(GivenTestData.Numbers(sample.Column("x")).Average(), dataGivenMissing - 0.2, dataGivenMissing + 0.2);
    }

    [Fact]
    public void Rows_are_the_same_for_any_thread_count_and_any_split_of_the_given_table()
    {
        var data = Data.Value;
        Table Slice(int skip, int take) => new(["c", "x"], [data.Column("c").Skip(skip).Take(take).ToArray(), data.Column("x").Skip(skip).Take(take).ToArray()]);
        var whole = Text(Model.Value.SampleGiven(Slice(0, 1500), seed: 21, new SamplingOptions { MaxDegreeOfParallelism = 1 }).ToTable());
        Assert.Equal(whole, Text(Model.Value.SampleGiven(Slice(0, 1500), seed: 21, new SamplingOptions { MaxDegreeOfParallelism = 2 }).ToTable()));
        var pieces = new[] { (0, 300), (300, 1000), (1300, 200) }
            .Select(p => Model.Value.SampleGiven(Slice(p.Item1, p.Item2), seed: 21, new SamplingOptions { FirstRowNumber = p.Item1 }).ToTable()).ToList();
        var joined = new Table(pieces[0].ColumnNames, pieces[0].ColumnNames.Select(c => pieces.SelectMany(p => p.Column(c)).ToArray()).ToArray());
        Assert.Equal(whole, Text(joined));
        Assert.Equal(Slice(0, 1500).Column("c"), joined.Column("c"));
        Assert.Equal(Slice(0, 1500).Column("x"), joined.Column("x"));
    }

    [Fact]
    public void An_unknown_column_is_an_error_naming_it()
    {
        var error = Assert.Throws<SynthDataException>(() => Model.Value.SampleGiven(GivenTestData.Repeat("size", "1", 2), seed: 1));
        Assert.Equal("size", error.ColumnName);
    }

    [Fact]
    public void No_given_rows_give_no_rows()
    {
        var sample = Model.Value.SampleGiven(new Table(["c"], [[]]), seed: 1);
        Assert.Equal(0, sample.RowCount);
        Assert.Equal(GivenTestData.Names.Length, sample.Columns.Count);
    }

    private static string Text(Table table) =>
        string.Join('\n', Enumerable.Range(0, table.RowCount).Select(r => string.Join('\u001f', table.ColumnNames.Select(c => table.Column(c)[r] ?? "\u2400"))));
}
