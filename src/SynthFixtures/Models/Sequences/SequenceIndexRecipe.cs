using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Transforms;

namespace SynthFixtures.Models.Sequences;

/// <summary>How an index steps from one row to the next within an entity.</summary>
public enum SequenceStepRule
{
    /// <summary>No index column: the steps are the file's row order and nothing is written.</summary>
    None,

    /// <summary>A fixed amount every step: <see cref="SequenceIndexRecipe.Amount"/> seconds (datetime) or units (integer).</summary>
    Fixed,

    /// <summary>A whole number of calendar months every step (<see cref="SequenceIndexRecipe.Amount"/>), keeping the start's day.</summary>
    CalendarMonths,

    /// <summary>A whole number of calendar years every step (<see cref="SequenceIndexRecipe.Amount"/>), keeping the start's month and day.</summary>
    CalendarYears,

    /// <summary>Steps of varying size, learned by the step model as the column <see cref="SequenceIndexRecipe.StepColumn"/>, in multiples of <see cref="SequenceIndexRecipe.Unit"/>.</summary>
    Irregular,
}

/// <summary>
/// How a sampled entity's index is written from its start (drawn by the context model): regular steps exactly (daily,
/// monthly on the calendar, every 5 units), irregular steps by adding up the step sizes the step model draws.
/// </summary>
public sealed record SequenceIndexRecipe
{
    /// <summary>What the index holds.</summary>
    public required SequenceIndexKind Kind { get; init; }

    /// <summary>How it steps.</summary>
    public required SequenceStepRule Rule { get; init; }

    /// <summary>The step for <see cref="SequenceStepRule.Fixed"/> (seconds or units) or the months or years of a calendar step; 0 otherwise.</summary>
    public double Amount { get; init; }

    /// <summary>
    /// For a fixed step: the remainder every source start leaves when divided by the step (daily steps at midnight, even
    /// numbers), so sampled starts keep it; <c>null</c> when the starts disagree.
    /// </summary>
    public double? Phase { get; init; }

    /// <summary>For calendar steps: the day of the month every source start falls on, kept by sampled starts; <c>null</c> when they disagree.</summary>
    public int? Day { get; init; }

    /// <summary>For calendar years: the month every source start falls in; <c>null</c> when they disagree.</summary>
    public int? Month { get; init; }

    /// <summary>For irregular steps: the added step column's name (a whole number of <see cref="Unit"/>s per step).</summary>
    public string? StepColumn { get; init; }

    /// <summary>For irregular steps: seconds (datetime) or units (integer) per unit of the step column.</summary>
    public double Unit { get; init; } = 1;

    /// <summary>The median source start, used when the context model leaves a start missing.</summary>
    public double TypicalStart { get; init; }

    /// <summary>The steps in words (for <c>inspect</c>): "every 1 day", "every 1 calendar month", "irregular (learned, in days)".</summary>
    public string Describe() => Rule switch
    {
        SequenceStepRule.None => "file order (no index column)",
        SequenceStepRule.Fixed when Kind == SequenceIndexKind.DateTime => I($"every {Duration(Amount)}"),
        SequenceStepRule.Fixed => I($"every {Amount:0.##} ({(Phase is { } p ? I($"starts ≡ {p:0.##} modulo the step") : "any start")})"),
        SequenceStepRule.CalendarMonths => I($"every {Amount:0} calendar month{(Amount == 1 ? "" : "s")}{(Day is { } d ? $" on day {d}" : "")}"),
        SequenceStepRule.CalendarYears => I($"every {Amount:0} calendar year{(Amount == 1 ? "" : "s")}"),
        _ => I($"irregular: step sizes learned as '{StepColumn}' in {(Kind == SequenceIndexKind.DateTime ? Duration(Unit) : I($"units of {Unit:0.##}"))}"),
    };

    /// <summary>A sampled start moved onto the source's grid (day of month, phase), so regular steps land where the source's did.</summary>
    public double Align(double start)
    {
        if (double.IsNaN(start)) start = TypicalStart;
        switch (Rule)
        {
            case SequenceStepRule.Fixed when Phase is { } phase && Amount > 0:
                return Math.Round((start - phase) / Amount, MidpointRounding.ToEven) * Amount + phase;
            case SequenceStepRule.CalendarMonths or SequenceStepRule.CalendarYears when Kind == SequenceIndexKind.DateTime && (Day is not null || Month is not null):
                var date = ColumnValues.ToDateTime(start);
                var month = Rule == SequenceStepRule.CalendarYears && Month is { } m ? m : date.Month;
                var day = Math.Min(Day ?? date.Day, DateTime.DaysInMonth(date.Year, month));
                return Seconds(new DateTime(date.Year, month, day) + date.TimeOfDay);
            default:
                return start;
        }
    }

    /// <summary>
    /// Writes the index of one entity (as many steps as <paramref name="destination"/> holds) from <paramref name="start"/> into
    /// <paramref name="destination"/>; <paramref name="stepSizes"/> holds an irregular index's drawn step sizes (in units;
    /// the first is ignored, negative ones count as 0 so the index never runs backwards).
    /// </summary>
    public void Write(double start, ReadOnlySpan<double> stepSizes, Span<double> destination)
    {
        start = Align(start);
        var date = Kind == SequenceIndexKind.DateTime && Rule is SequenceStepRule.CalendarMonths or SequenceStepRule.CalendarYears
            ? ColumnValues.ToDateTime(start) : default;
        var value = start;
        for (var step = 0; step < destination.Length; step++)
        {
            destination[step] = Rule switch
            {
                SequenceStepRule.Fixed => start + step * Amount,
                SequenceStepRule.CalendarMonths => Seconds(date.AddMonths(checked(step * (int)Amount))),
                SequenceStepRule.CalendarYears => Seconds(date.AddYears(checked(step * (int)Amount))),
                SequenceStepRule.Irregular => value += step == 0 ? 0 : Math.Max(0, Math.Round(double.IsNaN(stepSizes[step]) ? 0 : stepSizes[step])) * Unit,
                _ => double.NaN,
            };
        }
    }

    private static double Seconds(DateTime date) => date.Ticks / (double)TimeSpan.TicksPerSecond;

    private static string I(FormattableString text) => FormattableString.Invariant(text);

    private static string Duration(double seconds) =>
        seconds % 86_400 == 0 ? I($"{seconds / 86_400:0} day{(seconds == 86_400 ? "" : "s")}")
        : seconds % 3_600 == 0 ? I($"{seconds / 3_600:0} hour{(seconds == 3_600 ? "" : "s")}")
        : seconds % 60 == 0 ? I($"{seconds / 60:0} minute{(seconds == 60 ? "" : "s")}")
        : I($"{seconds:0.###} seconds");
}
