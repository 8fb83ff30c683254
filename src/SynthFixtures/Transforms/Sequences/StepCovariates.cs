using System.Text.Json.Serialization;
using SynthFixtures.Metadata.Sequences;

namespace SynthFixtures.Transforms.Sequences;

/// <summary>A calendar cycle a step covariate follows.</summary>
public enum StepCycle
{
    /// <summary>The year: the phase is the days since 0001-01-01 over 365.2425 (Jan 1 within a day of phase 0; no jump at New Year).</summary>
    Annual,

    /// <summary>The week: the days since 0001-01-01 (a Monday) over 7.</summary>
    Weekly,

    /// <summary>The day: the time of day over 24 hours.</summary>
    Daily,

    /// <summary>The month of the year (January 0, December 11/12), for calendar-month steps whose days of the year differ by month length.</summary>
    MonthOfYear,
}

/// <summary>
/// Known per-step inputs computed from the sequence index, so a step model can learn seasons and trends: for each
/// cycle, the sine and cosine of the step's phase in it (two values, so a cycle has no start and end); then, when
/// fitted, the step's position in its sequence (<see cref="Position"/>) and its index value (<see cref="IndexValue"/>),
/// each scaled by a <see cref="StepTrend"/> fitted on the training steps. Which cycles a regular index gets
/// is decided once from its step (<see cref="For"/>): a cycle is kept when the step resolves it — a daily index gets the
/// year and the week, an hourly one also the day, a monthly one the month of the year. An index without a calendar (an
/// integer, the file's order), a yearly one (every step at the same phase) and an irregular one (its steps are drawn
/// one by one, so the index is not known before the steps) get no cycle; <see cref="StepTrendCovariates"/> gives the
/// indexed ones the trends instead.
/// </summary>
/// <param name="Cycles">The cycles, in covariate order (two covariates each: sine, cosine).</param>
public sealed record StepCovariates(IReadOnlyList<StepCycle> Cycles)
{
    private const double SecondsPerDay = 86_400;
    private const double DaysPerYear = 365.2425;

    /// <summary>Steps since the entity's first (0 for the first step) as a trend covariate; <c>null</c> without (files before trends).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public StepTrend? Position { get; init; }

    /// <summary>The step's index value (seconds or units) as a trend covariate; <c>null</c> without (files before trends).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public StepTrend? IndexValue { get; init; }

    /// <summary>Covariates per step: two per cycle, then one for the position and one for the index value when fitted.</summary>
    [JsonIgnore]
    public int Count => Cycles.Count * 2 + (Position is null ? 0 : 1) + (IndexValue is null ? 0 : 1);

    /// <summary>Whether the covariates read the index values (cycles or the index-value trend), not only the positions.</summary>
    [JsonIgnore]
    public bool ReadsIndex => Cycles.Count > 0 || IndexValue is not null;

    /// <summary>The covariates a regular datetime index's step resolves, or <c>null</c> when it resolves none.</summary>
    /// <remarks>
    /// The year for fixed steps shorter than a year, the week for steps of a day or less, the day for steps of at most
    /// 12 hours (two or more steps a day); the month of the year for calendar-month steps shorter than a year.
    /// </remarks>
    public static StepCovariates? For(SequenceIndexStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.IndexKind != SequenceIndexKind.DateTime || step.Size <= 0) return null;
        var cycles = new List<StepCycle>();
        switch (step.Kind)
        {
            case SequenceStepKind.Fixed:
                if (step.Size < DaysPerYear * SecondsPerDay) cycles.Add(StepCycle.Annual);
                if (step.Size <= SecondsPerDay) cycles.Add(StepCycle.Weekly);
                if (step.Size <= SecondsPerDay / 2) cycles.Add(StepCycle.Daily);
                break;
            case SequenceStepKind.CalendarMonths when step.Size < 12:
                cycles.Add(StepCycle.MonthOfYear);
                break;
        }
        return cycles.Count == 0 ? null : new StepCovariates(cycles);
    }

    /// <summary>
    /// Writes the covariates of the step at <paramref name="position"/> in its sequence whose index value is
    /// <paramref name="seconds"/> (seconds since 0001-01-01, or an integer index's units; ignored when
    /// <see cref="ReadsIndex"/> is false) to <paramref name="destination"/> (<see cref="Count"/> values).
    /// </summary>
    public void Write(double seconds, int position, Span<float> destination)
    {
        var at = Cycles.Count * 2;
        if (Position is { } steps) destination[at++] = steps.Of(position);
        if (IndexValue is { } level) destination[at] = level.Of(seconds);
        for (var c = 0; c < Cycles.Count; c++)
        {
            var phase = Phase(Cycles[c], seconds);
            var angle = 2 * Math.PI * (phase - Math.Floor(phase));
            destination[2 * c] = (float)Math.Sin(angle);
            destination[2 * c + 1] = (float)Math.Cos(angle);
        }
    }

    /// <summary>Writes the covariates of the calendar cycles only (the first <c>2 × Cycles.Count</c> values) of <paramref name="seconds"/>.</summary>
    public void Write(double seconds, Span<float> destination) => Write(seconds, 0, destination);

    /// <summary>One entity's covariates, step-major (<c>index.Length × Count</c>), from its index values.</summary>
    public float[] Of(ReadOnlySpan<double> index) => Of(index, index.Length);

    /// <summary>
    /// One entity's covariates, step-major (<c>length × Count</c>), from its index values (<paramref name="index"/> may be
    /// empty when <see cref="ReadsIndex"/> is false: the positions alone are then known before the steps).
    /// </summary>
    public float[] Of(ReadOnlySpan<double> index, int length)
    {
        if (ReadsIndex && index.Length != length) throw new ArgumentException($"The covariates read the index, but it has {index.Length} values for {length} steps.", nameof(index));
        var result = new float[length * Count];
        for (var t = 0; t < length; t++) Write(ReadsIndex ? index[t] : double.NaN, t, result.AsSpan(t * Count, Count));
        return result;
    }

    /// <summary>The covariates in words ("annual, weekly", "position, index value"), for inspection.</summary>
    public string Describe() => string.Join(", ", Cycles.Select(c => c switch
    {
        StepCycle.Annual => "annual", StepCycle.Weekly => "weekly", StepCycle.Daily => "daily", _ => "month of year",
    }).Concat(Position is null ? [] : ["position"]).Concat(IndexValue is null ? [] : ["index value"]));

    private static double Phase(StepCycle cycle, double seconds)
    {
        var days = seconds / SecondsPerDay;
        return cycle switch
        {
            StepCycle.Annual => days / DaysPerYear,
            StepCycle.Weekly => days / 7,
            StepCycle.Daily => days,
            _ => (IndexArithmetic.ToDateTime(IndexArithmetic.ToMilliseconds(seconds)).Month - 1) / 12.0,
        };
    }
}
