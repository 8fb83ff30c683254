using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Tests.TestData;
using SynthFixtures.Transforms.Sequences;

namespace SynthFixtures.Tests.Transforms.Sequences;

public class SequenceIndexStepsTests
{
    private static double Seconds(string date) =>
        DateTime.Parse(date, CultureInfo.InvariantCulture).Ticks / (double)TimeSpan.TicksPerSecond;

    private static string Date(double seconds) =>
        new DateTime((long)Math.Round(seconds * TimeSpan.TicksPerSecond)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static SequenceIndexSteps Dates(params string[][] entities) => SequenceIndexSteps.Analyze(SequenceIndexKind.DateTime,
        entities.Select((dates, i) => new EntityIndex([$"e{i}"], dates.Select(Seconds).ToArray())).ToList());

    private static SequenceIndexSteps Integers(params long[][] entities) => SequenceIndexSteps.Analyze(SequenceIndexKind.Integer,
        entities.Select((values, i) => new EntityIndex([$"e{i}"], values.Select(v => (double)v).ToArray())).ToList());

    private static SequenceSet Read(string path, string entity, string index)
    {
        var table = CsvTableReader.Read(path);
        var metadata = TableProfiler.Profile(table);
        return SequenceSet.From(table, metadata, new SequenceMetadata { EntityColumns = [entity], IndexColumn = index });
    }

    [SkippableFact]
    public void Weather_is_daily_without_gaps_and_next_walks_whole_days()
    {
        var path = Datasets.Path("timeseries_weather_stocks", "weather.csv");
        Skip.If(path is null, Datasets.Missing("timeseries_weather_stocks"));
        var sequences = Read(path, "location", "date");

        var steps = SequenceIndexSteps.Analyze(sequences);

        Assert.Equal(SequenceStepKind.Fixed, steps.Step.Kind);
        Assert.Equal(86400, steps.Step.Size);
        Assert.Equal("daily", steps.Describe());
        Assert.Empty(steps.Gaps);
        Assert.Equal("none", steps.DescribeGaps(sequences.Entities.Count));
        Assert.Equal(2 * 1460, steps.ObservedSteps.Count);
        var start = Seconds("2012-01-01");
        Assert.Equal("2015-12-31 00:00", Date(steps.Next(start, 1460)));
        Assert.Equal(0, steps.Step.Phase); // every date at midnight
    }

    [SkippableFact]
    public void Stocks_are_monthly_on_day_1_and_goog_is_shorter_but_has_no_gaps()
    {
        var path = Datasets.Path("timeseries_weather_stocks", "stocks.csv");
        Skip.If(path is null, Datasets.Missing("timeseries_weather_stocks"));
        var sequences = Read(path, "symbol", "date");

        var steps = SequenceIndexSteps.Analyze(sequences);

        Assert.Equal(SequenceStepKind.CalendarMonths, steps.Step.Kind);
        Assert.Equal(1, steps.Step.Size);
        Assert.False(steps.Step.MonthEnd);
        Assert.Equal("monthly (day 1)", steps.Describe());
        Assert.Empty(steps.Gaps);
        Assert.Equal(68, sequences.Entities.Single(e => e.Key[0] == "GOOG").Length);
        Assert.Equal("2010-03-01 00:00", Date(steps.Next(Seconds("2000-01-01"), 122)));
        Assert.Equal("2004-09-01 00:00", Date(steps.Step.Align(Seconds("2004-08-19"))));
    }

    [Fact]
    public void Month_ends_step_to_the_last_day_of_each_month_exactly()
    {
        var steps = Dates(["2023-11-30", "2023-12-31", "2024-01-31", "2024-02-29", "2024-03-31"], ["2022-12-31", "2023-01-31", "2023-02-28"]);

        Assert.Equal(SequenceStepKind.CalendarMonths, steps.Step.Kind);
        Assert.True(steps.Step.MonthEnd);
        Assert.Equal("monthly (month ends)", steps.Describe());
        var jan31 = Seconds("2023-01-31");
        Assert.Equal(["2023-01-31", "2023-02-28", "2023-03-31", "2023-04-30", "2024-02-29"],
            new long[] { 0, 1, 2, 3, 13 }.Select(k => Date(steps.Next(jan31, k))[..10]));
        Assert.Equal("2023-06-30", Date(steps.Step.Align(Seconds("2023-06-20")))[..10]);
        Assert.Equal("2023-05-31", Date(steps.Step.Align(Seconds("2023-06-12")))[..10]);
    }

    [Fact]
    public void A_day_of_month_series_keeps_its_start_day_after_a_short_month()
    {
        var steps = Dates(["2023-01-30", "2023-02-28", "2023-03-30", "2023-04-30"]);

        Assert.False(steps.Step.MonthEnd);
        Assert.Equal("monthly (day 30)", steps.Describe());
        Assert.Equal("2023-03-30", Date(steps.Next(Seconds("2023-01-30"), 2))[..10]);
        Assert.Equal("2024-02-29", Date(steps.Next(Seconds("2023-01-30"), 13))[..10]);
    }

    [Fact]
    public void Calendar_years_quarters_weeks_and_hours_are_named()
    {
        var years = Dates(["2001-03-15", "2002-03-15", "2003-03-15"], ["2010-03-15", "2012-03-15"]);
        Assert.Equal(SequenceStepKind.CalendarYears, years.Step.Kind);
        Assert.Equal("yearly (Mar 15)", years.Describe());
        Assert.Equal("2010-03-15", Date(years.Next(Seconds("2001-03-15"), 9))[..10]);
        Assert.Single(years.Gaps);
        Assert.Equal(1, years.Gaps[0].MissingSteps);

        Assert.Equal("quarterly (day 1)", Dates(["2020-01-01", "2020-04-01", "2020-07-01", "2020-10-01"]).Describe());
        Assert.Equal("weekly", Dates(["2020-01-06", "2020-01-13", "2020-01-20"]).Describe());
        Assert.Equal("hourly", Dates(["2020-01-06 10:00", "2020-01-06 11:00", "2020-01-06 12:00"]).Describe());
        Assert.Equal("every 15 minutes", Dates(["2020-01-06 10:00", "2020-01-06 10:15", "2020-01-06 10:30"]).Describe());
    }

    [Fact]
    public void An_integer_step_of_ten_with_decade_phase()
    {
        var steps = Integers([1850, 1860, 1870, 1880, 1890, 1900], [1950, 1960, 1980, 2000]);

        Assert.Equal(SequenceStepKind.Fixed, steps.Step.Kind);
        Assert.Equal(10, steps.Step.Size);
        Assert.Equal("every 10", steps.Describe());
        Assert.Equal(2000, steps.Next(1850, 15));
        Assert.Equal(1870, steps.Step.Align(1866));
        Assert.Equal(0, steps.Step.Phase);
        Assert.Equal([("e1", 1960.0, 1L), ("e1", 1980.0, 1L)], steps.Gaps.Select(g => (g.Entity[0], g.After, g.MissingSteps)));
        Assert.Equal(2, steps.MissingSteps);
        Assert.Equal(1, steps.EntitiesWithGaps);
        Assert.Equal("2 gaps in 1 of 2 entities, 2 steps missing", steps.DescribeGaps(2));
    }

    [Fact]
    public void Gaps_in_a_daily_index_are_found_with_their_lines_and_counts()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gaps-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "id,day,v\na,2024-01-01,1\na,2024-01-02,2\na,2024-01-05,3\na,2024-01-06,4\nb,2024-03-01,1\nb,2024-03-02,2\nb,2024-03-03,3\nb,2024-03-05,4\nc,2024-01-01,1\n");
        try
        {
            var steps = SequenceIndexSteps.Analyze(Read(path, "id", "day"));

            Assert.Equal("daily", steps.Describe());
            Assert.Equal(2, steps.Gaps.Count);
            Assert.Equal(["a"], steps.Gaps[0].Entity);
            Assert.Equal("2024-01-02", Date(steps.Gaps[0].After)[..10]);
            Assert.Equal(2, steps.Gaps[0].MissingSteps);
            Assert.Equal(3, steps.Gaps[0].Line);
            Assert.Equal(["b"], steps.Gaps[1].Entity);
            Assert.Equal(1, steps.Gaps[1].MissingSteps);
            Assert.Equal(8, steps.Gaps[1].Line);
            Assert.Equal("2 gaps in 2 of 3 entities, 3 steps missing", steps.DescribeGaps(3));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Irregular_steps_keep_every_observed_size_and_have_no_next()
    {
        var steps = Dates(["2024-01-01 08:00", "2024-01-01 09:13", "2024-01-03 17:40", "2024-01-04 08:00"], ["2024-02-01", "2024-02-11"]);

        Assert.Equal(SequenceStepKind.Irregular, steps.Step.Kind);
        Assert.False(steps.IsRegular);
        Assert.Equal([73 * 60, (2 * 24 + 8) * 3600 + 27 * 60, 14 * 3600 + 20 * 60, 10 * 86400], steps.ObservedSteps);
        Assert.Equal("irregular (73 minutes to 10 days, median 860 minutes)", steps.Describe());
        Assert.Empty(steps.Gaps);
        Assert.Throws<InvalidOperationException>(() => steps.Next(0, 1));
        Assert.Equal(5.0, steps.Next(5.0, 0));

        var integers = Integers([1, 2, 4, 7, 11, 16]);
        Assert.Equal("irregular (1 to 5, median 3)", integers.Describe());
    }

    [Fact]
    public void Repeated_index_values_are_irregular_and_single_steps_undetermined()
    {
        Assert.Equal(SequenceStepKind.Irregular, Integers([1, 2, 2, 3]).Step.Kind);
        Assert.Equal(SequenceStepKind.Undetermined, Integers([5], [7]).Step.Kind);
        Assert.Equal(SequenceStepKind.RowOrder, SequenceIndexSteps.Analyze(SequenceIndexKind.RowOrder, []).Step.Kind);
    }

    [Fact]
    public void A_step_rule_round_trips_through_bytes()
    {
        var rule = Dates(["2023-01-31", "2023-02-28", "2023-03-31"]).Step;
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) rule.Write(writer);
        stream.Position = 0;
        using var reader = new BinaryReader(stream);

        Assert.Equal(rule, SequenceIndexStep.Read(reader));
    }
}
