using System.Globalization;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Sequences;

namespace SynthFixtures.Transforms.Sequences;

/// <summary>
/// What a sequence set's index does between steps: a regular step (<see cref="Step"/>: a fixed number of seconds or
/// units, calendar months or calendar years) with the places entities skip steps (<see cref="Gaps"/>), or irregular steps
/// whose sizes (<see cref="ObservedSteps"/>) a model learns. A regular index needs every step to be a whole number of
/// one common step and at least half of them to be exactly one step; otherwise it is irregular (a repeated index value
/// makes it irregular too).
/// </summary>
public sealed class SequenceIndexSteps
{
    /// <summary>Share of step-to-step differences that must be exactly one regular step for the index to count as regular.</summary>
    public const double RegularShare = 0.5;

    private SequenceIndexSteps(SequenceIndexStep step, IReadOnlyList<double> observedSteps, IReadOnlyList<SequenceIndexGap> gaps)
    {
        Step = step;
        ObservedSteps = observedSteps;
        Gaps = gaps;
    }

    /// <summary>The rule the index advances by.</summary>
    public SequenceIndexStep Step { get; }

    /// <summary>Whether the index advances by a fixed or calendar step.</summary>
    public bool IsRegular => Step.IsRegular;

    /// <summary>
    /// Every difference between consecutive index values, entity after entity: seconds for a datetime index, units for an
    /// integer index (empty for the file's row order). For an irregular index this is the distribution a model learns.
    /// </summary>
    public IReadOnlyList<double> ObservedSteps { get; }

    /// <summary>On a regular index, the places an entity skips steps, entity after entity in step order.</summary>
    public IReadOnlyList<SequenceIndexGap> Gaps { get; }

    /// <summary>Steps missing in all gaps together.</summary>
    public long MissingSteps => Gaps.Sum(g => g.MissingSteps);

    /// <summary>Number of entities with at least one gap.</summary>
    public int EntitiesWithGaps => Gaps.Select(g => g.Entity).Distinct(EntityComparer.Instance).Count();

    /// <summary>The index value <paramref name="steps"/> regular steps after an entity's <paramref name="start"/> (see <see cref="SequenceIndexStep.Next"/>).</summary>
    public double Next(double start, long steps) => Step.Next(start, steps);

    /// <summary>
    /// The step in words ("daily", "monthly (day 1)", "every 10"); an irregular index adds the range and median of its
    /// steps ("irregular (1 day to 30 days, median 3 days)").
    /// </summary>
    public string Describe()
    {
        if (Step.Kind != SequenceStepKind.Irregular || ObservedSteps.Count == 0) return Step.Describe();
        var sorted = ObservedSteps.Order().ToArray();
        var median = sorted[(sorted.Length - 1) / 2];
        return $"irregular ({Size(sorted[0])} to {Size(sorted[^1])}, median {Size(median)})";
    }

    /// <summary>The gaps in words: "none", or "7 gaps in 2 of 5 entities, 12 steps missing".</summary>
    public string DescribeGaps(int entityCount) => !IsRegular ? "not applicable (no regular step)"
        : Gaps.Count == 0 ? "none"
        : $"{Gaps.Count.ToString("N0", CultureInfo.InvariantCulture)} gap{(Gaps.Count == 1 ? "" : "s")} in {EntitiesWithGaps} of "
          + $"{entityCount} entities, {MissingSteps.ToString("N0", CultureInfo.InvariantCulture)} step{(MissingSteps == 1 ? "" : "s")} missing";

    private string Size(double value) => Step.IndexKind == SequenceIndexKind.DateTime
        ? SequenceIndexStep.Duration(value) : value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Analyses <paramref name="sequences"/>' index.</summary>
    public static SequenceIndexSteps Analyze(SequenceSet sequences)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        if (sequences.IndexKind == SequenceIndexKind.RowOrder) return Analyze(SequenceIndexKind.RowOrder, []);
        var column = sequences.Columns.Find(sequences.Sequence.IndexColumn!)!;
        var position = sequences.Table.IndexOf(column.Name);
        var entities = sequences.Entities.Select(entity => new EntityIndex(entity.Key,
            entity.Rows.Select(row => ColumnValues.TryParse(sequences.Table[row, position]!, column, out var value) ? value : double.NaN).ToArray(),
            entity.Rows.Select(sequences.Table.SourceLine).ToArray())).ToList();
        return Analyze(sequences.IndexKind, entities);
    }

    /// <summary>Analyses index values already read: one <see cref="EntityIndex"/> per entity, its values in step order.</summary>
    public static SequenceIndexSteps Analyze(SequenceIndexKind kind, IReadOnlyList<EntityIndex> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        if (kind == SequenceIndexKind.RowOrder) return new(new SequenceIndexStep(kind, SequenceStepKind.RowOrder, 0), [], []);
        var units = entities.Select(e => e.Values.Select(v => kind == SequenceIndexKind.DateTime
            ? CalendarMonths.ToMilliseconds(v) : (long)Math.Round(v)).ToArray()).ToList();
        var differences = units.SelectMany(Differences).ToList();
        var observed = differences.Select(d => kind == SequenceIndexKind.DateTime ? CalendarMonths.ToSeconds(d) : d).ToList();
        if (differences.Count == 0) return new(new SequenceIndexStep(kind, SequenceStepKind.Undetermined, 0), observed, []);
        if (differences.Any(d => d <= 0)) return new(new SequenceIndexStep(kind, SequenceStepKind.Irregular, 0), observed, []);

        if (kind == SequenceIndexKind.DateTime && CalendarStep(entities, units) is { } calendar) return calendar with { ObservedSteps = observed };
        var step = differences.Aggregate(0L, CalendarMonths.GreatestCommonDivisor);
        if (differences.Count(d => d == step) < RegularShare * differences.Count)
            return new(new SequenceIndexStep(kind, SequenceStepKind.Irregular, 0), observed, []);

        var phases = units.SelectMany(u => u).Select(u => CalendarMonths.FloorModulo(u, step)).Distinct().Take(2).ToList();
        var rule = new SequenceIndexStep(kind, SequenceStepKind.Fixed,
            kind == SequenceIndexKind.DateTime ? CalendarMonths.ToSeconds(step) : step, Phase: phases.Count == 1 ? phases[0] : null);
        return new(rule, observed, FindGaps(entities, units, step));
    }

    private static IEnumerable<long> Differences(long[] values)
    {
        for (var i = 1; i < values.Length; i++) yield return values[i] - values[i - 1];
    }

    private static List<SequenceIndexGap> FindGaps(IReadOnlyList<EntityIndex> entities, IReadOnlyList<long[]> units, long step)
    {
        var gaps = new List<SequenceIndexGap>();
        for (var e = 0; e < entities.Count; e++)
            for (var i = 1; i < units[e].Length; i++)
                if ((units[e][i] - units[e][i - 1]) / step is var skipped and > 1)
                    gaps.Add(new SequenceIndexGap(entities[e].Key, entities[e].Values[i - 1], skipped - 1, entities[e].LineOf(i - 1)));
        return gaps;
    }

    /// <summary>Calendar months or years, when every value keeps its entity's start day (or every value is a month end) and time of day.</summary>
    private static Analysis? CalendarStep(IReadOnlyList<EntityIndex> entities, IReadOnlyList<long[]> units)
    {
        var times = units.Select(u => u.Select(CalendarMonths.ToDateTime).ToArray()).ToList();
        bool onStartDay = true, onMonthEnds = true, clamped = false;
        var monthDifferences = new List<long>();
        foreach (var entity in times)
        {
            if (entity.Length == 0) continue;
            var start = entity[0];
            for (var i = 0; i < entity.Length; i++)
            {
                if (entity[i].TimeOfDay != start.TimeOfDay) return null;
                var length = DateTime.DaysInMonth(entity[i].Year, entity[i].Month);
                onStartDay &= entity[i].Day == Math.Min(start.Day, length);
                onMonthEnds &= entity[i].Day == length;
                clamped |= entity[i].Day != start.Day;
                if (i > 0) monthDifferences.Add(CalendarMonths.MonthNumber(entity[i]) - CalendarMonths.MonthNumber(entity[i - 1]));
            }
        }
        if (!(onStartDay || onMonthEnds) || monthDifferences.Any(d => d <= 0)) return null;
        var months = monthDifferences.Aggregate(0L, CalendarMonths.GreatestCommonDivisor);
        if (monthDifferences.Count(d => d == months) < RegularShare * monthDifferences.Count) return null;

        // Month ends win when both readings fit but some step was clamped (Jan 31 → Feb 28 reads as month ends, not day 31).
        var monthEnd = onMonthEnds && (!onStartDay || clamped);
        var all = times.SelectMany(t => t).ToList();
        var phases = all.Select(t => CalendarMonths.FloorModulo(CalendarMonths.MonthNumber(t), months)).Distinct().Take(2).ToList();
        var startDays = times.Where(t => t.Length > 0).Select(t => t[0].Day).Distinct().Take(2).ToList();
        var timesOfDay = all.Select(t => t.TimeOfDay).Distinct().Take(2).ToList();
        var years = months % 12 == 0;
        var rule = new SequenceIndexStep(SequenceIndexKind.DateTime, years ? SequenceStepKind.CalendarYears : SequenceStepKind.CalendarMonths,
            years ? months / 12 : months, monthEnd, phases.Count == 1 ? phases[0] : null,
            !monthEnd && startDays.Count == 1 ? startDays[0] : null, timesOfDay.Count == 1 ? timesOfDay[0] : null);
        var gaps = new List<SequenceIndexGap>();
        for (var e = 0; e < times.Count; e++)
            for (var i = 1; i < times[e].Length; i++)
                if ((CalendarMonths.MonthNumber(times[e][i]) - CalendarMonths.MonthNumber(times[e][i - 1])) / months is var skipped and > 1)
                    gaps.Add(new SequenceIndexGap(entities[e].Key, entities[e].Values[i - 1], skipped - 1, entities[e].LineOf(i - 1)));
        return new Analysis(rule, gaps);
    }

    private sealed record Analysis(SequenceIndexStep Step, IReadOnlyList<SequenceIndexGap> Gaps)
    {
        public IReadOnlyList<double> ObservedSteps { get; init; } = [];

        public static implicit operator SequenceIndexSteps(Analysis analysis) => new(analysis.Step, analysis.ObservedSteps, analysis.Gaps);
    }

    private sealed class EntityComparer : IEqualityComparer<IReadOnlyList<string>>
    {
        public static readonly EntityComparer Instance = new();

        public bool Equals(IReadOnlyList<string>? x, IReadOnlyList<string>? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.SequenceEqual(y, StringComparer.Ordinal));

        public int GetHashCode(IReadOnlyList<string> obj)
        {
            var hash = new HashCode();
            foreach (var cell in obj) hash.Add(cell, StringComparer.Ordinal);
            return hash.ToHashCode();
        }
    }
}

/// <summary>One entity's index values, in step order, for <see cref="SequenceIndexSteps.Analyze(SequenceIndexKind, IReadOnlyList{EntityIndex})"/>.</summary>
/// <param name="Key">The entity columns' cells.</param>
/// <param name="Values">The index values in step order (seconds since 0001-01-01 for a datetime index).</param>
/// <param name="Lines">Each step's source line, when known.</param>
public sealed record EntityIndex(IReadOnlyList<string> Key, IReadOnlyList<double> Values, IReadOnlyList<int?>? Lines = null)
{
    /// <summary>The source line of step <paramref name="step"/>, when known.</summary>
    public int? LineOf(int step) => Lines is { } lines && step < lines.Count ? lines[step] : null;
}
