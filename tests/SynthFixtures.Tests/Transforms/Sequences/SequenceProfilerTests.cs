using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Tests.TestData;
using SynthFixtures.Transforms;
using SynthFixtures.Transforms.Sequences;

namespace SynthFixtures.Tests.Transforms.Sequences;

public class SequenceProfilerTests
{
    private static (Table Table, TableMetadata Metadata) Csv(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"seq-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        try
        {
            var table = CsvTableReader.Read(path);
            var (checkedTable, metadata, _) = TableCheck.Prepare(null, table);
            return (checkedTable, metadata);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private const string Sensors =
        "sensor,region,model,day,reading,status\n" +
        "s1,EU,A,2024-01-01,1.5,ok\n" +
        "s2,US,B,2024-01-01,2.5,ok\n" +
        "s1,EU,A,2024-01-02,1.7,ok\n" +
        "s2,US,B,2024-01-02,2.1,ok\n" +
        "s1,EU,A,2024-01-03,1.9,fail\n" +
        "s3,EU,C,2024-01-05,3.0,fail\n" +
        "s2,US,B,2024-01-05,2.2,ok\n";

    [Fact]
    public void Columns_constant_within_every_multi_step_entity_are_context_with_evidence()
    {
        var (table, metadata) = Csv(Sensors);

        var profile = SequenceProfiler.Detect(table, metadata, ["sensor"], "day");

        Assert.Equal(["region", "model"], profile.Sequence.ContextColumns);
        Assert.Equal("constant within all 2 entities with more than one step (6 rows)", profile.Context[0].Evidence);
        Assert.False(profile.Context[0].Given);
        Assert.Equal(3, profile.EntityCount);
        Assert.Equal(1, profile.SingleStepEntities);
        Assert.Equal((1, 3, 3), profile.Lengths);
        Assert.Equal("daily", profile.Index.Describe());
        Assert.Single(profile.Index.Gaps); // s2 skips Jan 3 and 4
        Assert.Equal(2, profile.Index.Gaps[0].MissingSteps);
        Assert.Equal(["reading", "status"], profile.Sequences.StepColumns.Select(c => c.Name));
    }

    [Fact]
    public void Columns_constant_only_because_every_entity_has_one_step_are_not_context()
    {
        var (table, metadata) = Csv("id,region,step,v\na,EU,1,1\nb,US,1,2\nc,EU,1,3\n");

        var profile = SequenceProfiler.Detect(table, metadata, ["id"], "step");

        Assert.Empty(profile.Sequence.ContextColumns);
        Assert.Equal(SequenceStepKind.Undetermined, profile.Index.Step.Kind);
        Assert.Contains("Context columns: none", profile.Describe());
    }

    [Fact]
    public void Given_context_is_checked_not_detected()
    {
        var (table, metadata) = Csv(Sensors);

        var profile = SequenceProfiler.Detect(table, metadata, ["sensor"], "day", ["region"]);

        Assert.Equal(["region"], profile.Sequence.ContextColumns);
        Assert.True(profile.Context.Single().Given);
        Assert.StartsWith("given; constant within all 2 entities", profile.Context.Single().Evidence);
    }

    [Fact]
    public void A_given_context_column_that_varies_names_the_entity_both_values_and_lines()
    {
        var (table, metadata) = Csv(Sensors);

        var error = Assert.Throws<SynthDataException>(() => SequenceProfiler.Detect(table, metadata, ["sensor"], "day", ["status"]));

        Assert.Equal("The context column 'status' is not constant within the entity 's1': 'ok' on line 2 and 'fail' on line 6.", error.Reason);
        Assert.Equal(6, error.Line);
        Assert.Equal(6, error.Column);
        Assert.Equal("status", error.ColumnName);
    }

    [Theory]
    [InlineData(new[] { "sensr" }, "day", null, "entity column 'sensr' is not one of the columns")]
    [InlineData(new[] { "sensor" }, "reading", null, "sequence index 'reading' is a decimal column")]
    [InlineData(new[] { "sensor" }, "day", new[] { "sensor" }, "'sensor' is both a sequence entity column and its context column")]
    [InlineData(new[] { "sensor" }, "day", new[] { "day" }, "'day' is both a sequence index column and its context column")]
    public void Bad_column_choices_are_errors_naming_the_column(string[] entity, string index, string[]? context, string reason)
    {
        var (table, metadata) = Csv(Sensors);

        var error = Assert.Throws<SynthDataException>(() => SequenceProfiler.Detect(table, metadata, entity, index, context));

        Assert.Contains(reason, error.Reason);
        Assert.NotNull(error.FilePath);
    }

    [Fact]
    public void Apply_writes_the_sequence_and_the_evidence_into_the_metadata()
    {
        var (table, metadata) = Csv(Sensors);
        var profile = SequenceProfiler.Detect(table, metadata, ["sensor"], "day");

        var applied = profile.ApplyTo(metadata);

        Assert.Equal(profile.Sequence, applied.Sequence);
        Assert.EndsWith("; sequence context: constant within all 2 entities with more than one step (6 rows)", applied.Find("region")!.Evidence);
        Assert.Equal(metadata.Find("reading"), applied.Find("reading"));
        Assert.Equal(applied, MetadataJson.Parse(MetadataJson.Serialize(applied), "m.json"));
    }

    [SkippableFact]
    public void Weather_has_two_daily_locations_and_no_context_beyond_them()
    {
        var path = Datasets.Path("timeseries_weather_stocks", "weather.csv");
        Skip.If(path is null, Datasets.Missing("timeseries_weather_stocks"));
        var (table, metadata, _) = TableCheck.Prepare(null, CsvTableReader.Read(path));

        var profile = SequenceProfiler.Detect(table, metadata, ["location"], "date");

        Assert.Equal(2, profile.EntityCount);
        Assert.Equal((1461, 1461, 1461), profile.Lengths);
        Assert.Empty(profile.Sequence.ContextColumns);
        Assert.Equal("Sequence index: date, daily", profile.Describe()[2]);
        Assert.Equal("Gaps: none", profile.Describe()[3]);
    }

    [SkippableFact]
    public void Stocks_with_a_constant_sector_column_find_it_as_context()
    {
        var path = Datasets.Path("timeseries_weather_stocks", "stocks.csv");
        Skip.If(path is null, Datasets.Missing("timeseries_weather_stocks"));
        var raw = CsvTableReader.Read(path);
        // A per-symbol column added to the real file: constant within each symbol, so context.
        var symbols = raw.Column("symbol").ToArray();
        var exchange = symbols.Select(s => s == "IBM" ? "NYSE" : "NASDAQ").ToArray();
        var withExchange = new Table([.. raw.ColumnNames, "exchange"], [.. raw.ColumnNames.Select(n => raw.Column(n).ToArray()), exchange]);
        var (table, metadata, _) = TableCheck.Prepare(null, withExchange);

        var profile = SequenceProfiler.Detect(table, metadata, ["symbol"], "date");

        Assert.Equal(["exchange"], profile.Sequence.ContextColumns);
        Assert.Equal("constant within all 5 entities (560 rows)", profile.Context.Single().Evidence);
        Assert.Equal((68, 123, 123), profile.Lengths);
        Assert.Equal("monthly (day 1)", profile.Index.Describe());
    }
}
