namespace SynthFixtures.Transforms.Sequences;

/// <summary>How a sequence index advances from one step to the next.</summary>
public enum SequenceStepKind
{
    /// <summary>No index column: steps follow the file's row order and have no size.</summary>
    RowOrder,

    /// <summary>No entity has two steps, so no step size was observed.</summary>
    Undetermined,

    /// <summary>A fixed number of seconds (datetime index: daily, hourly, weekly) or of units (integer index: every 1, every 10).</summary>
    Fixed,

    /// <summary>Calendar months on a datetime index (the same day of the month, or month ends).</summary>
    CalendarMonths,

    /// <summary>Calendar years on a datetime index (the same month and day, or month ends).</summary>
    CalendarYears,

    /// <summary>Step sizes vary: a generator draws them from the observed step sizes.</summary>
    Irregular,
}
