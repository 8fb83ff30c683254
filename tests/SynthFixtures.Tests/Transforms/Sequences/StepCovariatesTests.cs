using System.Globalization;
using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Transforms.Sequences;

namespace SynthFixtures.Tests.Transforms.Sequences;

public class StepCovariatesTests
{
    private static double Seconds(string date) =>
        DateTime.Parse(date, CultureInfo.InvariantCulture).Ticks / (double)TimeSpan.TicksPerSecond;

    private static SequenceIndexStep Fixed(double seconds) => new(SequenceIndexKind.DateTime, SequenceStepKind.Fixed, seconds);

    [Fact]
    public void The_cycles_follow_what_the_step_resolves()
    {
        Assert.Equal([StepCycle.Annual, StepCycle.Weekly], StepCovariates.For(Fixed(86_400))!.Cycles);
        Assert.Equal([StepCycle.Annual, StepCycle.Weekly, StepCycle.Daily], StepCovariates.For(Fixed(3_600))!.Cycles);
        Assert.Equal([StepCycle.Annual], StepCovariates.For(Fixed(7 * 86_400))!.Cycles);
        Assert.Equal([StepCycle.MonthOfYear], StepCovariates.For(new SequenceIndexStep(SequenceIndexKind.DateTime, SequenceStepKind.CalendarMonths, 1))!.Cycles);
        Assert.Equal([StepCycle.MonthOfYear], StepCovariates.For(new SequenceIndexStep(SequenceIndexKind.DateTime, SequenceStepKind.CalendarMonths, 3))!.Cycles);
        Assert.Null(StepCovariates.For(new SequenceIndexStep(SequenceIndexKind.DateTime, SequenceStepKind.CalendarYears, 1)));
        Assert.Null(StepCovariates.For(new SequenceIndexStep(SequenceIndexKind.DateTime, SequenceStepKind.CalendarMonths, 12)));
        Assert.Null(StepCovariates.For(new SequenceIndexStep(SequenceIndexKind.Integer, SequenceStepKind.Fixed, 1)));
        Assert.Null(StepCovariates.For(new SequenceIndexStep(SequenceIndexKind.DateTime, SequenceStepKind.Irregular, 0)));
        Assert.Null(StepCovariates.For(new SequenceIndexStep(SequenceIndexKind.DateTime, SequenceStepKind.RowOrder, 0)));
        Assert.Equal(4, StepCovariates.For(Fixed(86_400))!.Count);
    }

    [Theory]
    [InlineData("2012-01-01", 0.0)]
    [InlineData("2012-04-01", 0.25)]
    [InlineData("2012-07-02", 0.5)]
    [InlineData("2013-10-01", 0.75)]
    [InlineData("2016-12-31", 1.0)]
    public void The_annual_cycle_is_the_phase_of_the_year(string date, double phase)
    {
        var values = new float[2];
        new StepCovariates([StepCycle.Annual]).Write(Seconds(date), values);
        // Within two days of the calendar phase: the year is measured as 365.2425 days from 0001-01-01.
        var tolerance = 2 * 2 * Math.PI / 365;
        Assert.InRange(values[0], Math.Sin(2 * Math.PI * phase) - tolerance, Math.Sin(2 * Math.PI * phase) + tolerance);
        Assert.InRange(values[1], Math.Cos(2 * Math.PI * phase) - tolerance, Math.Cos(2 * Math.PI * phase) + tolerance);
    }

    [Fact]
    public void Week_day_and_month_cycles_repeat_exactly()
    {
        var covariates = new StepCovariates([StepCycle.Weekly, StepCycle.Daily, StepCycle.MonthOfYear]);
        var monday = covariates.Of([Seconds("2024-03-04 06:00")]);
        var nextMonday = covariates.Of([Seconds("2024-03-11 06:00")]);
        Assert.Equal(monday[..4], nextMonday[..4]);
        Assert.Equal(monday[4..], nextMonday[4..]);   // both in March
        var thursday = covariates.Of([Seconds("2024-03-07 18:00")]);
        Assert.InRange(thursday[1], -1f, -0.85f);     // Thursday evening, about half a week after Monday 00:00: cos ≈ −1
        Assert.InRange(thursday[2], -1f, -0.99f);     // 18:00 is three quarters of the day: sin = −1
        var september = covariates.Of([Seconds("2024-09-15")]);
        Assert.InRange(september[4], -0.87f, -0.86f); // September is month 8 of 12: sin(240°), cos(240°)
        Assert.InRange(september[5], -0.51f, -0.49f);
    }

    [Fact]
    public void Trends_are_the_position_for_every_index_and_the_index_value_for_a_regular_one()
    {
        int[] lengths = [3, 5];
        double[][] years = [[2000, 2001, 2002], [2003, 2004, 2005, 2006, 2007]];
        var integer = StepTrendCovariates.Fit(new SequenceIndexStep(SequenceIndexKind.Integer, SequenceStepKind.Fixed, 1), lengths, years)!;
        Assert.Empty(integer.Cycles);
        Assert.Equal(2, integer.Count);
        Assert.Equal("position, index value", integer.Describe());
        Assert.Equal(new StepTrend(0, 1, 0, 4), integer.Position! with { Mean = 0, Scale = 1 });
        Assert.Equal(2000, integer.IndexValue!.Min);
        Assert.Equal(2007, integer.IndexValue.Max);

        // A calendar index keeps its cycles alone.
        var daily = StepTrendCovariates.Fit(Fixed(86_400), lengths, years.Select(y => y.Select(v => v * 86_400).ToArray()).ToList())!;
        Assert.Equal([StepCycle.Annual, StepCycle.Weekly], daily.Cycles);
        Assert.Null(daily.Position);
        Assert.Null(daily.IndexValue);
        var yearly = StepTrendCovariates.Fit(new SequenceIndexStep(SequenceIndexKind.DateTime, SequenceStepKind.CalendarYears, 1), lengths, years)!;
        Assert.Equal("position, index value", yearly.Describe());

        // An irregular index is known only as its steps are drawn: the position alone, which needs no index values.
        var irregular = StepTrendCovariates.Fit(new SequenceIndexStep(SequenceIndexKind.DateTime, SequenceStepKind.Irregular, 0), lengths, years)!;
        Assert.Equal("position", irregular.Describe());
        Assert.False(irregular.ReadsIndex);
        Assert.Equal(irregular.Of([], 3), irregular.Of([1.0, 7.0, 9.0]));

        Assert.Null(StepTrendCovariates.Fit(new SequenceIndexStep(SequenceIndexKind.Integer, SequenceStepKind.RowOrder, 0), lengths, null));
        Assert.Null(StepTrendCovariates.Fit(new SequenceIndexStep(SequenceIndexKind.Integer, SequenceStepKind.Fixed, 1), [1, 1], [[3.0], [3.0]]));
    }

    [Fact]
    public void A_trend_covariate_is_standardised_on_the_training_range_and_clamped_outside_it()
    {
        var trend = StepTrend.Fit([0.0, 1, 2, 3, 4]);
        Assert.Equal(2, trend.Mean, 12);
        Assert.Equal(Math.Sqrt(2) * Math.Sqrt(2), trend.Scale, 12);
        Assert.Equal(0.0f, trend.Of(2));
        Assert.Equal(1.0f, trend.Of(4), 6);
        Assert.Equal(trend.Of(4), trend.Of(40));
        Assert.Equal(trend.Of(0), trend.Of(-3));
        Assert.Equal(1, StepTrend.Fit([5.0, 5.0]).Scale);

        // Steps in order: the position covariate rises by 1 / scale a step, after the cycles' values.
        var covariates = new StepCovariates([StepCycle.Annual]) { Position = trend };
        var values = covariates.Of([Seconds("2020-01-01"), Seconds("2020-01-02"), Seconds("2020-01-03")]);
        Assert.Equal(9, values.Length);
        Assert.Equal([trend.Of(0), trend.Of(1), trend.Of(2)], [values[2], values[5], values[8]]);
    }
}
