using MathNet.Numerics.Distributions;
using SynthFixtures.Data;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Sampling;

namespace SynthFixtures.Tests.Models.Given;

/// <summary>
/// Sampling given cells from a copula: the given cells come back exactly, the other columns follow the conditional the
/// data has (E[y | x], label rates given c, x given a point mass or a missing value), and the rows depend only on the
/// seed and their number.
/// </summary>
public sealed class CopulaSampleGivenTests
{
    private static readonly Lazy<Table> Data = new(() => GivenTestData.Create(6000, seed: 3));

    private static readonly Lazy<GaussianCopulaModel> Model = new(() =>
        GaussianCopulaFitter.Fit(Data.Value, GivenTestData.Metadata(), new GaussianCopulaOptions { Seed = 5 }));

    [Theory]
    [InlineData("1.000", 2.0)]
    [InlineData("-1.500", -3.0)]
    [InlineData("0.000", 0.0)]
    public void Given_x_the_mean_of_y_is_the_conditional_mean(string x, double expected)
    {
        var sample = Model.Value.SampleGiven(GivenTestData.Repeat("x", x, 2000), seed: 11);
        Assert.All(sample.ToTable().Column("x"), cell => Assert.Equal(x, cell));
        var y = sample["y"].Numbers!;
        // y = 2x + N(0, 0.5²): the conditional mean is 2x, its standard error 0.5/√2000 ≈ 0.011; the fitted marginals add a little.
        Assert.InRange(y.Average(), expected - 0.12, expected + 0.12);
        Assert.InRange(MathNet.Numerics.Statistics.Statistics.StandardDeviation(y), 0.35, 0.7);
    }

    /// <remarks>
    /// The copula's label rates given c are its own conditional, the same as conditioning a whole sample on c. They are
    /// weaker than the data's (0.71 / 0.51 / 0.31 for 0.9 / 0.5 / 0.1): the fit's correlation between two frequency-interval
    /// encoded columns is attenuated (0.46 here). So the rates are checked against conditioned sampling and for the
    /// data's order and spread.
    /// </remarks>
    [Fact]
    public void Given_a_category_the_label_rate_is_the_models_conditional_rate_and_follows_the_data()
    {
        var rates = new Dictionary<string, double>();
        foreach (var c in new[] { "a", "b", "c" })
        {
            var sample = Model.Value.SampleGiven(GivenTestData.Repeat("c", c, 3000), seed: 12).ToTable();
            Assert.All(sample.Column("c"), cell => Assert.Equal(c, cell));
            rates[c] = sample.Column("label").Count(l => l == "yes") / 3000.0;
            var conditioned = Model.Value.Sample(3000, seed: 12, [Condition.Parse("c=" + c)]).ToTable();
            Assert.InRange(rates[c], conditioned.Column("label").Count(l => l == "yes") / 3000.0 - 0.045, conditioned.Column("label").Count(l => l == "yes") / 3000.0 + 0.045);
        }
        Assert.True(rates["a"] > rates["b"] + 0.1 && rates["b"] > rates["c"] + 0.1, string.Join(", ", rates));
        Assert.InRange(rates["b"], 0.44, 0.56);
    }

    [Fact]
    public void A_missing_value_moves_x_by_the_truncated_normal_mean_of_its_missingness_dimension()
    {
        // Only m's missingness dimension is conditioned (z > t): E[z_x] = ρ · φ(t) / (1 − Φ(t)), and x's marginal is normal.
        var model = Model.Value;
        var m = (NumericCopulaColumn)model.FindCopulaColumn("m");
        var x = GivenTestData.Numbers(Data.Value.Column("x"));
        var rho = model.Correlation[model.FindCopulaColumn("x").FirstDimension, m.FirstDimension + 1];
        var t = m.PresentThreshold;
        var expected = x.Average() + MathNet.Numerics.Statistics.Statistics.StandardDeviation(x) * rho * Normal.PDF(0, 1, t) / (1 - Normal.CDF(0, 1, t));
        var missing = model.SampleGiven(GivenTestData.Repeat("m", null, 3000), seed: 13).ToTable();
        Assert.All(missing.Column("m"), cell => Assert.Null(cell));
        Assert.True(expected > 0.3, $"expected {expected}");
        Assert.InRange(GivenTestData.Numbers(missing.Column("x")).Average(), expected - 0.07, expected + 0.07);
    }

    [Fact]
    public void A_point_mass_moves_x_as_conditioning_on_it_does_and_toward_the_data()
    {
        var data = Data.Value;
        var x = GivenTestData.Numbers(data.Column("x"));
        var dataGivenZero = Enumerable.Range(0, data.RowCount).Where(r => data.Column("m")[r] == "0").Average(r => x[r]);
        var zero = Model.Value.SampleGiven(GivenTestData.Repeat("m", "0", 3000), seed: 13).ToTable();
        Assert.All(zero.Column("m"), cell => Assert.Equal("0", cell));
        var given = GivenTestData.Numbers(zero.Column("x")).Average();
        var conditioned = GivenTestData.Numbers(Model.Value.Sample(3000, seed: 13, [Condition.Parse("m=0")]).ToTable().Column("x")).Average();
        Assert.InRange(given, conditioned - 0.08, conditioned + 0.08);
        Assert.True(given < -0.8 && dataGivenZero < -0.8, $"given {given}, data {dataGivenZero}");
    }

    [Fact]
    public void Several_given_columns_per_row_are_kept_cell_for_cell()
    {
        var data = Data.Value;
        var given = new Table(["c", "m", "x"], [data.Column("c").Take(1500).ToArray(), data.Column("m").Take(1500).ToArray(), data.Column("x").Take(1500).ToArray()]);
        var sample = Model.Value.SampleGiven(given, seed: 14).ToTable();
        Assert.Equal(1500, sample.RowCount);
        Assert.Equal(GivenTestData.Names, sample.ColumnNames);
        foreach (var column in given.ColumnNames) Assert.Equal(given.Column(column), sample.Column(column));
        // Row by row, y still follows its own given x.
        var residual = GivenTestData.Numbers(sample.Column("y")).Zip(GivenTestData.Numbers(given.Column("x")), (y, x) => y - 2 * x).ToArray();
        Assert.InRange(residual.Average(), -0.1, 0.1);
        Assert.InRange(MathNet.Numerics.Statistics.Statistics.StandardDeviation(residual), 0.3, 0.8);
    }

    [Fact]
    public void Rows_are_the_same_for_any_thread_count_and_any_split_of_the_given_table()
    {
        var data = Data.Value;
        var given = new Table(["c", "m"], [data.Column("c").Take(2500).ToArray(), data.Column("m").Take(2500).ToArray()]);
        var whole = Csv(Model.Value.SampleGiven(given, seed: 21, new SamplingOptions { MaxDegreeOfParallelism = 1 }));
        Assert.Equal(whole, Csv(Model.Value.SampleGiven(given, seed: 21, new SamplingOptions { MaxDegreeOfParallelism = 2 })));
        var pieces = new[] { (0, 700), (700, 1100), (1800, 700) }.Select(p =>
        {
            var piece = new Table(["c", "m"], [data.Column("c").Skip(p.Item1).Take(p.Item2).ToArray(), data.Column("m").Skip(p.Item1).Take(p.Item2).ToArray()]);
            return Model.Value.SampleGiven(piece, seed: 21, new SamplingOptions { FirstRowNumber = p.Item1, MaxDegreeOfParallelism = 2 }).ToTable();
        }).ToList();
        var joined = new Table(pieces[0].ColumnNames, pieces[0].ColumnNames.Select(c => pieces.SelectMany(p => p.Column(c)).ToArray()).ToArray());
        Assert.Equal(whole, Csv(joined));
        // The generated key counts on across the pieces.
        Assert.Equal(Enumerable.Range(1, 2500).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), joined.Column("id"));
        Assert.NotEqual(whole, Csv(Model.Value.SampleGiven(given, seed: 22)));
    }

    [Fact]
    public void An_unknown_column_is_an_error_naming_it()
    {
        var error = Assert.Throws<SynthDataException>(() => Model.Value.SampleGiven(GivenTestData.Repeat("colour", "red", 3), seed: 1));
        Assert.Equal("colour", error.ColumnName);
        Assert.Contains("'colour'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_that_is_not_a_number_is_an_error_with_its_row()
    {
        var given = new Table(["x"], [["1.0", "abc"]]);
        var error = Assert.Throws<SynthDataException>(() => Model.Value.SampleGiven(given, seed: 1));
        Assert.Equal("x", error.ColumnName);
        Assert.Contains("row 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_the_model_never_saw_is_kept_and_conditions_nothing()
    {
        var sample = Model.Value.SampleGiven(GivenTestData.Repeat("c", "z", 2000), seed: 15).ToTable();
        Assert.All(sample.Column("c"), cell => Assert.Equal("z", cell));
        var rate = sample.Column("label").Count(l => l == "yes") / 2000.0;
        Assert.InRange(rate, 0.4, 0.6);
    }

    private static string Csv(SampledTable table) => Csv(table.ToTable());

    private static string Csv(Table table)
    {
        using var writer = new StringWriter();
        foreach (var row in Enumerable.Range(0, table.RowCount))
            writer.WriteLine(string.Join('\u001f', table.ColumnNames.Select(c => table.Column(c)[row] ?? "\u2400")));
        return writer.ToString();
    }
}
