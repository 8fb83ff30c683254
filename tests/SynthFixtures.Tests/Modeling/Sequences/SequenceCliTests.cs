using SynthFixtures.Cli;
using SynthFixtures.Tests.Cli;
using SynthFixtures.Tests.TestData;

namespace SynthFixtures.Tests.Modeling.Sequences;

public sealed class SequenceCliTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string TrainSensors()
    {
        var csv = SequenceFixtures.WriteAr1(_folder);
        var model = _folder.File("s.synth");
        var train = CliResult.Run("train", csv, "--model", "lagged-copula", "--entity", "sensor", "--sequence-index", "date", "--context", "region", "--out", model);
        Assert.True(train.ExitCode == CliApp.Success, train.Error);
        Assert.Contains("on 60 entities", train.Output, StringComparison.Ordinal);
        return model;
    }

    [Fact]
    public void Train_sample_and_inspect_a_sequence_model_with_a_condition_and_any_thread_count()
    {
        var model = TrainSensors();
        var one = _folder.File("one.csv");
        var two = _folder.File("two.csv");
        Assert.Equal(CliApp.Success, CliResult.Run("sample", model, "--entities", "12", "--out", one, "--seed", "1", "--condition", "region=EU", "--threads", "1").ExitCode);
        Assert.Equal(CliApp.Success, CliResult.Run("sample", model, "--entities", "12", "--out", two, "--seed", "1", "--condition", "region=EU", "--threads", "2").ExitCode);
        Assert.Equal(File.ReadAllBytes(one), File.ReadAllBytes(two));
        var table = SynthFixtures.Data.CsvTableReader.Read(one);
        Assert.Equal(12, table.Column("sensor").Distinct().Count());
        Assert.All(table.Column("region"), region => Assert.Equal("EU", region));
        var inspect = CliResult.Run("inspect", model);
        Assert.Equal(CliApp.Success, inspect.ExitCode);
        Assert.Contains("Index:        date, daily (the step model reads its annual, weekly cycles)", inspect.Output, StringComparison.Ordinal);
        Assert.Contains("Context:      region", inspect.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_conditions_hold_on_every_entity_and_the_acceptance_is_printed()
    {
        var model = TrainSensors();
        var sample = _folder.File("steps.csv");
        var result = CliResult.Run("sample", model, "--entities", "40", "--out", sample, "--seed", "2",
            "--step-condition", "first:reading>=2", "--step-condition", "every:reading>=-1", "--step-condition", "some:state=high");
        Assert.True(result.ExitCode == CliApp.Success, result.Error);
        Assert.Matches(@"Step conditions 'first:reading>=2', 'every:reading>=-1', 'some:state=high': 40 of [\d,]+ entity attempts met them \(acceptance [\d.]+ %\)", result.Error);
        var table = SynthFixtures.Data.CsvTableReader.Read(sample);
        var entities = Enumerable.Range(0, table.RowCount).GroupBy(r => table[r, 0]).ToList();
        Assert.Equal(40, entities.Count);
        double Reading(int row) => double.Parse(table[row, 3]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(entities, e => Assert.True(Reading(e.First()) >= 2));
        Assert.All(entities, e => Assert.All(e, r => Assert.True(Reading(r) >= -1)));
        Assert.All(entities, e => Assert.Contains(e, r => table[r, 4] == "high"));
    }

    [Theory]
    [InlineData("--entities", "0", "--entities must be 1 or more")]
    [InlineData("--entities", "-3", "--entities must be 1 or more")]
    [InlineData("--rows", "10", "--rows does not apply to a sequence model")]
    [InlineData("--condition", "reading>0", "per-step column 'reading'")]
    [InlineData("--condition", "reading>0", "Use --step-condition first:reading>0")]
    [InlineData("--step-condition", "reading>0", "does not start with a scope")]
    [InlineData("--step-condition", "first:region=EU", "names the context column 'region'")]
    [InlineData("--step-condition", "every:state=medium", "never draws 'medium'")]
    public void Bad_sampling_input_exits_2_with_one_line(string option, string value, string expected)
    {
        var model = TrainSensors();
        var args = option == "--entities" ? new[] { "sample", model, option, value, "--out", _folder.File("x.csv") }
            : ["sample", model, "--entities", "3", option, value, "--out", _folder.File("x.csv")];
        var result = CliResult.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("x.csv")));
    }

    [Fact]
    public void Sampling_a_sequence_model_needs_entities()
    {
        var result = CliResult.Run("sample", TrainSensors(), "--out", _folder.File("x.csv"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--entities is required for a sequence model", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--model", "lagged-copula" }, "needs --entity")]
    [InlineData(new[] { "--model", "lagged-copula", "--entity", "nope" }, "The sequence column 'nope' is not a column of the table")]
    [InlineData(new[] { "--model", "lagged-copula", "--entity", "sensor", "--sequence-index", "when" }, "'when' is not a column of the table")]
    [InlineData(new[] { "--model", "lagged-copula", "--entity", "sensor", "--context", "reading" }, "The context column 'reading' changes within the entity")]
    [InlineData(new[] { "--entity", "sensor" }, "--entity learns sequences, which --model gaussiancopula does not")]
    [InlineData(new[] { "--sequence-index", "date" }, "--sequence-index applies to a sequence model")]
    public void Bad_training_input_exits_2_with_one_line(string[] options, string expected)
    {
        var csv = SequenceFixtures.WriteAr1(_folder);
        var model = _folder.File("bad.synth");
        var result = CliResult.Run(["train", csv, "--out", model, .. options]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(model));
    }

    [SkippableFact]
    public void Weather_and_stocks_learn_their_regular_indices_and_sample_whole_entities()
    {
        var weather = Datasets.Path("timeseries_weather_stocks", "weather.csv");
        var stocks = Datasets.Path("timeseries_weather_stocks", "stocks.csv");
        Skip.If(weather is null || stocks is null, Datasets.Missing("timeseries_weather_stocks"));
        foreach (var (csv, entity, index, steps) in new[] { (weather!, "location", "daily", "1,461 to 1,461 steps"), (stocks!, "symbol", "monthly (day 1)", "68 to 123 steps") })
        {
            var model = _folder.File(entity + ".synth");
            var sample = _folder.File(entity + ".csv");
            var train = CliResult.Run("train", csv, "--model", "lagged-copula", "--entity", entity, "--sequence-index", "date", "--out", model);
            Assert.True(train.ExitCode == CliApp.Success, train.Error);
            var inspect = CliResult.Run("inspect", model).Output;
            Assert.Contains($"Index:        date, {index}", inspect, StringComparison.Ordinal);
            Assert.Contains(steps, inspect, StringComparison.Ordinal);
            Assert.Equal(CliApp.Success, CliResult.Run("sample", model, "--entities", "3", "--out", sample, "--seed", "2").ExitCode);
            var table = SynthFixtures.Data.CsvTableReader.Read(sample);
            var keys = table.Column(entity).Distinct().ToList();
            Assert.Equal(3, keys.Count);
            var format = entity == "location" ? "yyyy-MM-dd" : "MMM d yyyy";
            foreach (var key in keys)
            {
                var dates = Enumerable.Range(0, table.RowCount).Where(r => table[r, 0] == key)
                    .Select(r => DateTime.ParseExact(table[r, 1]!, format, System.Globalization.CultureInfo.InvariantCulture)).ToList();
                Assert.All(dates.Skip(1).Zip(dates), pair => Assert.Equal(entity == "location" ? pair.Second.AddDays(1) : pair.Second.AddMonths(1), pair.First));
                if (entity == "symbol") Assert.All(dates, d => Assert.Equal(1, d.Day));
            }
        }
    }
}
