using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Randomness;
using SynthFixtures.Transforms.Modes;

namespace SynthFixtures.Tests.Models;

/// <summary>
/// Legal but degenerate data never makes fitting throw: one row, one value, a constant, a handful of values. The copula
/// falls back to a point mass or a uniform, says so in the fit log and in the model (for inspect), and samples.
/// </summary>
public sealed class DegenerateColumnTests
{
    private static (GaussianCopulaModel Model, List<string> Log) Fit(string name, ColumnKind kind, params string?[] cells)
    {
        var table = new Table([name, "g"], [cells, cells.Select((_, i) => (string?)(i % 2 == 0 ? "a" : "b")).ToArray()]);
        var metadata = new TableMetadata
        {
            Columns = [new ColumnMetadata { Name = name, Kind = kind, DecimalPlaces = kind == ColumnKind.Decimal ? 1 : null }, new ColumnMetadata { Name = "g", Kind = ColumnKind.Categorical }],
        };
        var log = new List<string>();
        var model = GaussianCopulaFitter.Fit(table, metadata, new GaussianCopulaOptions { Seed = 3 }, new SyncProgress(log));
        return (model, log);
    }

    private static double[] Sampled(GaussianCopulaModel model, string column, int rows = 500) =>
        model.Sample(rows, seed: 5)[column].Numbers!;

    [Fact]
    public void One_row_is_a_point_mass_noted_in_the_log_and_kept_in_the_model_file()
    {
        var (model, log) = Fit("age", ColumnKind.Integer, "42");
        Assert.All(Sampled(model, "age"), v => Assert.Equal(42, v));
        Assert.Contains(log, line => line == "age: 1 point mass, range 42..42 (fallback: 1 value, all equal, so a point mass)");
        var reloaded = (GaussianCopulaModel)ModelArtifact.FromBytes(ModelArtifact.ToBytes(model));
        Assert.Contains("fallback: 1 value, all equal, so a point mass", reloaded.DescribeColumns()[0].Summary);
    }

    [Fact]
    public void One_non_missing_value_is_a_point_mass_with_the_missing_rate()
    {
        var cells = Enumerable.Range(0, 40).Select(i => i == 9 ? "7.5" : null).ToArray();
        var (model, _) = Fit("x", ColumnKind.Decimal, cells);
        var values = Sampled(model, "x", 2000);
        Assert.All(values.Where(v => !double.IsNaN(v)), v => Assert.Equal(7.5, v));
        Assert.InRange(values.Count(double.IsNaN) / 2000.0, 0.93, 0.995);
    }

    [Fact]
    public void A_constant_column_is_a_point_mass()
    {
        var (model, log) = Fit("c", ColumnKind.Integer, Enumerable.Repeat("3", 8).ToArray());
        Assert.All(Sampled(model, "c"), v => Assert.Equal(3, v));
        Assert.Contains(log, line => line.Contains("8 values, all equal, so a point mass", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1.5", "2.5")]
    [InlineData("10", "20", "30")]
    [InlineData("34", "45", "29", "51", "38")]
    [InlineData("1", "1", "1", "1", "2")]
    [InlineData("0", "1000000", "0.001", "999999", "5")]
    public void A_handful_of_values_fits_and_samples_inside_the_observed_range(params string[] cells)
    {
        var (model, _) = Fit("n", ColumnKind.Decimal, cells);
        var observed = cells.Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        Assert.All(Sampled(model, "n"), v => Assert.InRange(v, observed.Min(), observed.Max()));
    }

    [Fact]
    public void Fewer_than_five_distinct_values_fall_back_to_a_uniform_with_a_note()
    {
        var (model, log) = Fit("n", ColumnKind.Integer, "10", "20", "30");
        Assert.Contains(log, line => line == "n: Uniform, range 10..30 (fallback: only 3 values, too few to fit a family, so uniform over the observed range)");
        Assert.Contains("uniform over the observed range", model.DescribeColumns()[0].Summary);
    }

    [Fact]
    public void Normally_fitted_columns_carry_no_note_and_no_extra_bytes()
    {
        var (model, _) = Fit("n", ColumnKind.Integer, Enumerable.Range(0, 200).Select(i => (i * 7 % 101).ToString(CultureInfo.InvariantCulture)).ToArray());
        Assert.DoesNotContain("fallback", model.DescribeColumns()[0].Summary);
        Assert.Equal(-1, ModelArtifact.ToBytes(model).AsSpan().IndexOf("fitNote"u8));
    }

    [Theory]
    [InlineData(new double[] { 42 })]
    [InlineData(new double[] { 5, 5, 5, 5 })]
    [InlineData(new double[] { 1, 2 })]
    [InlineData(new double[] { 34, 45, 29, 51, 38 })]
    [InlineData(new double[] { double.NaN, 3, double.NaN })]
    [InlineData(new double[] { 0, 1e15, -1e15 })]
    public void The_neural_models_mode_normalizer_fits_degenerate_columns_and_round_trips(double[] values)
    {
        var normalizer = ModeNormalizer.Fit(values, new SynthRandom(1));
        Assert.InRange(normalizer.Modes, 1, 10);
        var random = new SynthRandom(2);
        foreach (var v in values.Where(double.IsFinite))
        {
            var mode = normalizer.Encode(v, random, out var alpha);
            Assert.True(double.IsFinite(alpha), $"{v} encodes to {alpha}");
            Assert.Equal(v, normalizer.Decode(alpha, mode), Math.Max(1e-6, Math.Abs(v) * 1e-9));
        }
    }

    private sealed class SyncProgress(List<string> log) : IProgress<string>
    {
        public void Report(string value) => log.Add(value);
    }
}
