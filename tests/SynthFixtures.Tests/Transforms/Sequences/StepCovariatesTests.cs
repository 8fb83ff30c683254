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
}
