using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Transforms.Sequences;

namespace SynthFixtures.Models.Sequences.Private;

/// <summary>
/// A sequence index's step as declared (public), not as read from the rows: under differential privacy the step kind,
/// its phase and the grid values every entity skips would each be a statistic of the data, so the model lays out
/// indexes from the declaration alone.
/// </summary>
public static class DpIndexDeclaration
{
    /// <summary>The words an index step is declared by.</summary>
    public static IReadOnlyList<string> Words { get; } = ["units", "seconds", "minutes", "hourly", "daily", "weekly", "monthly", "quarterly", "yearly"];

    /// <summary>
    /// The step rule <paramref name="word"/> × <paramref name="size"/> declares for an index of <paramref name="kind"/>:
    /// fixed steps of whole units on an integer index; fixed durations (on the hour, at midnight: phase 0) or calendar
    /// months and years (counted from each entity's start day) on a datetime index.
    /// </summary>
    /// <exception cref="SynthDataException">The word does not fit the index's kind (units on a datetime index, a duration on an integer one).</exception>
    public static SequenceIndexStep Step(SequenceIndexKind kind, string word, int size, string indexColumn)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (kind == SequenceIndexKind.Integer)
            return word == "units" ? new SequenceIndexStep(kind, SequenceStepKind.Fixed, size)
                : throw new SynthDataException($"The index column '{indexColumn}' holds integers, so its step is declared in units, not as '{word}'.",
                    hint: "Declare the index step as units with its size (e.g. every 10 units for decennial years).", columnName: indexColumn);
        (SequenceStepKind Kind, double Size)? step = word switch
        {
            "seconds" => (SequenceStepKind.Fixed, size),
            "minutes" => (SequenceStepKind.Fixed, size * 60.0),
            "hourly" => (SequenceStepKind.Fixed, size * 3_600.0),
            "daily" => (SequenceStepKind.Fixed, size * 86_400.0),
            "weekly" => (SequenceStepKind.Fixed, size * 604_800.0),
            "monthly" => (SequenceStepKind.CalendarMonths, size),
            "quarterly" => (SequenceStepKind.CalendarMonths, size * 3.0),
            "yearly" => (SequenceStepKind.CalendarYears, size),
            _ => null,
        };
        return step is { } s
            ? new SequenceIndexStep(kind, s.Kind, s.Size, Phase: s.Kind == SequenceStepKind.Fixed ? 0 : null)
            : throw new SynthDataException($"The index column '{indexColumn}' holds dates, so its step is declared as a duration or a calendar step, not as '{word}'.",
                hint: "Declare the index step as seconds, minutes, hourly, daily, weekly, monthly, quarterly or yearly.", columnName: indexColumn);
    }
}
