using System.Globalization;
using SynthFixtures.Metadata.Sequences;

namespace SynthFixtures.Transforms.Sequences;

/// <summary>
/// The rule a sequence index advances by, as learned by <see cref="SequenceIndexSteps"/>: what a generator needs to lay out
/// an entity's index from its start (<see cref="Next"/>, exact on the calendar for months and years) and to put a drawn
/// start on the observed grid (<see cref="Align"/>). Small and serializable (<see cref="Write"/>, <see cref="Read"/>) so a
/// model can keep it.
/// </summary>
/// <param name="IndexKind">What the index column holds.</param>
/// <param name="Kind">How the index advances.</param>
/// <param name="Size">The step: seconds (fixed datetime step), units (fixed integer step), months or years (calendar
/// steps); 0 when there is no regular step.</param>
/// <param name="MonthEnd">Calendar steps land on the last day of each month (Jan 31 → Feb 28/29 → Mar 31) rather than
/// on the start's day of the month.</param>
/// <param name="Phase">Fixed steps: the remainder every observed value leaves modulo the step (milliseconds for a
/// datetime, units for an integer; midnight for daily steps, 0 for decades); calendar steps: the month number
/// (months since January of year 1) modulo the step in months. <c>null</c> when the values disagree.</param>
/// <param name="AnchorDay">Calendar steps not on month ends: the day of the month every entity starts on, when they agree.</param>
/// <param name="TimeOfDay">Calendar steps: the time of day of every observed value, when they agree.</param>
public sealed record SequenceIndexStep(
    SequenceIndexKind IndexKind, SequenceStepKind Kind, double Size, bool MonthEnd = false, long? Phase = null, int? AnchorDay = null,
    TimeSpan? TimeOfDay = null)
{
    /// <summary>Whether the index advances by a fixed or calendar step (so <see cref="Next"/> applies).</summary>
    public bool IsRegular => Kind is SequenceStepKind.Fixed or SequenceStepKind.CalendarMonths or SequenceStepKind.CalendarYears;

    private long MonthsPerStep => Kind == SequenceStepKind.CalendarYears ? (long)Size * 12 : (long)Size;

    /// <summary>
    /// The index value <paramref name="steps"/> regular steps after <paramref name="start"/> (the entity's first value, in
    /// the units <see cref="ColumnValues"/> reads: seconds since 0001-01-01 for a datetime). Calendar steps count
    /// from the start, so a start on the 30th stays on the 30th after February (Jan 30 → Feb 28 → Mar 30).
    /// </summary>
    /// <exception cref="InvalidOperationException">The index has no regular step and <paramref name="steps"/> is not 0.</exception>
    public double Next(double start, long steps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        if (steps == 0) return start;
        switch (Kind)
        {
            case SequenceStepKind.Fixed when IndexKind == SequenceIndexKind.DateTime:
                return CalendarMonths.ToSeconds(CalendarMonths.ToMilliseconds(start) + steps * CalendarMonths.ToMilliseconds(Size));
            case SequenceStepKind.Fixed:
                return start + steps * Size;
            case SequenceStepKind.CalendarMonths or SequenceStepKind.CalendarYears:
                var first = CalendarMonths.ToDateTime(CalendarMonths.ToMilliseconds(start));
                var time = CalendarMonths.OnDay(CalendarMonths.MonthNumber(first) + steps * MonthsPerStep, MonthEnd ? null : first.Day, first.TimeOfDay);
                return time.Ticks / (double)TimeSpan.TicksPerSecond;
            default:
                throw new InvalidOperationException($"A {Describe()} index has no regular step to advance by.");
        }
    }

    /// <summary>
    /// <paramref name="value"/> moved to the nearest point of the observed grid (the phase, day of the month and time of
    /// day all observed values share), so a drawn start lands where real starts do; unchanged when there is no grid.
    /// </summary>
    public double Align(double value)
    {
        switch (Kind)
        {
            case SequenceStepKind.Fixed when Phase is { } phase:
                var unit = IndexKind == SequenceIndexKind.DateTime ? CalendarMonths.ToMilliseconds(value) : (long)Math.Round(value);
                var size = IndexKind == SequenceIndexKind.DateTime ? CalendarMonths.ToMilliseconds(Size) : (long)Size;
                var aligned = unit - CalendarMonths.FloorModulo(unit - phase, size);
                if (unit - aligned > size / 2) aligned += size;
                return IndexKind == SequenceIndexKind.DateTime ? CalendarMonths.ToSeconds(aligned) : aligned;
            case SequenceStepKind.CalendarMonths or SequenceStepKind.CalendarYears:
                var time = CalendarMonths.ToDateTime(CalendarMonths.ToMilliseconds(value));
                var month = CalendarMonths.MonthNumber(time);
                var stride = Phase is null ? 1 : MonthsPerStep;
                var below = month - CalendarMonths.FloorModulo(month - (Phase ?? 0), stride);
                var day = MonthEnd ? (int?)null : AnchorDay ?? time.Day;
                var nearest = new[] { below - stride, below, below + stride }
                    .Select(m => CalendarMonths.OnDay(m, day, TimeOfDay ?? time.TimeOfDay))
                    .MinBy(candidate => Math.Abs((candidate - time).Ticks));
                return nearest.Ticks / (double)TimeSpan.TicksPerSecond;
            default:
                return value;
        }
    }

    /// <summary>The step in words: "daily", "every 6 hours", "monthly (day 1)", "monthly (month ends)", "yearly (Jan 1)", "every 10", "irregular".</summary>
    public string Describe() => Kind switch
    {
        SequenceStepKind.RowOrder => "file order",
        SequenceStepKind.Undetermined => "undetermined (no entity has two steps)",
        SequenceStepKind.Irregular => "irregular",
        SequenceStepKind.Fixed when IndexKind == SequenceIndexKind.DateTime => Duration(Size) switch
        {
            "1 week" => "weekly", "1 day" => "daily", "1 hour" => "hourly", "1 minute" => "every minute", "1 second" => "every second",
            var words => "every " + words,
        },
        SequenceStepKind.Fixed => "every " + Size.ToString("0.###", CultureInfo.InvariantCulture),
        SequenceStepKind.CalendarMonths => (Size switch { 1 => "monthly", 3 => "quarterly", _ => $"every {Size:0} months" }) + CalendarAnchor(),
        _ => (Size == 1 ? "yearly" : $"every {Size:0} years") + CalendarAnchor(),
    };

    /// <summary>A duration in seconds in the largest whole unit: "1 day", "3 weeks", "90 minutes", "0.5 seconds".</summary>
    public static string Duration(double seconds)
    {
        foreach (var (unit, length) in new[] { ("week", 604800.0), ("day", 86400.0), ("hour", 3600.0), ("minute", 60.0) })
            if (seconds >= length && seconds % length == 0)
                return Plural(seconds / length, unit);
        return Plural(seconds, "second");
    }

    private static string Plural(double count, string unit) =>
        count.ToString("0.###", CultureInfo.InvariantCulture) + " " + unit + (count == 1 ? "" : "s");

    private string CalendarAnchor()
    {
        var monthName = Kind == SequenceStepKind.CalendarYears && Phase is { } phase
            ? CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName((int)(phase % 12) + 1) : null;
        if (MonthEnd) return monthName is null ? " (month ends)" : $" (end of {monthName})";
        if (AnchorDay is not { } day) return "";
        return monthName is null ? $" (day {day})" : $" ({monthName} {day})";
    }

    /// <summary>Writes the rule (for a model's payload).</summary>
    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write((byte)IndexKind);
        writer.Write((byte)Kind);
        writer.Write(Size);
        writer.Write(MonthEnd);
        writer.Write(Phase.HasValue);
        writer.Write(Phase ?? 0);
        writer.Write(AnchorDay ?? 0);
        writer.Write(TimeOfDay.HasValue);
        writer.Write((TimeOfDay ?? TimeSpan.Zero).Ticks);
    }

    /// <summary>Reads a rule <see cref="Write"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The bytes do not hold a step rule.</exception>
    public static SequenceIndexStep Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var indexKind = (SequenceIndexKind)reader.ReadByte();
        var kind = (SequenceStepKind)reader.ReadByte();
        if (!Enum.IsDefined(indexKind) || !Enum.IsDefined(kind)) throw new InvalidDataException("The sequence index step rule is damaged.");
        var size = reader.ReadDouble();
        var monthEnd = reader.ReadBoolean();
        var hasPhase = reader.ReadBoolean();
        var phase = reader.ReadInt64();
        var day = reader.ReadInt32();
        var hasTime = reader.ReadBoolean();
        var time = reader.ReadInt64();
        return new SequenceIndexStep(indexKind, kind, size, monthEnd, hasPhase ? phase : null, day == 0 ? null : day,
            hasTime ? TimeSpan.FromTicks(time) : null);
    }
}
