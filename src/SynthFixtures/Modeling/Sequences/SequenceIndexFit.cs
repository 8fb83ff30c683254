using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Models.Sequences;
using SynthFixtures.Transforms;
using SynthFixtures.Transforms.Sequences;

namespace SynthFixtures.Modeling.Sequences;

/// <summary>
/// Learns how a sequence set's index steps (<see cref="SequenceIndexRecipe"/>): one fixed step for every pair of
/// neighbouring rows in every entity, a whole number of calendar months or years, or else irregular steps in the largest
/// unit that divides them all (days, hours, minutes, seconds; or the integers' common divisor).
/// </summary>
internal static class SequenceIndexFit
{
    /// <summary>The recipe and, per row of the set's table, the index value (seconds or units); <c>null</c> values without an index.</summary>
    public static (SequenceIndexRecipe Recipe, double[]? Values) Fit(SequenceSet set, string stepColumnName)
    {
        if (set.Sequence.IndexColumn is not { } indexName)
            return (new SequenceIndexRecipe { Kind = SequenceIndexKind.RowOrder, Rule = SequenceStepRule.None }, null);
        var column = set.Columns.Find(indexName)!;
        var values = ColumnValues.ToDoubles(set.Table, set.Table.IndexOf(indexName), column);
        var kind = set.IndexKind;
        var starts = set.Entities.Select(e => values[e.Rows[0]]).ToList();
        var typical = starts.Order().ElementAt(starts.Count / 2);
        var steps = set.Entities.SelectMany(e => e.Rows.Zip(e.Rows.Skip(1), (a, b) => values[b] - values[a])).ToList();
        var recipe = new SequenceIndexRecipe { Kind = kind, Rule = SequenceStepRule.Fixed, TypicalStart = typical };
        if (steps.Count == 0) return (recipe with { Amount = kind == SequenceIndexKind.DateTime ? 86_400 : 1 }, values);
        if (steps.All(s => s == steps[0]) && steps[0] > 0)
            return (recipe with { Amount = steps[0], Phase = SharedPhase(starts, steps[0]) }, values);
        if (kind == SequenceIndexKind.DateTime && Calendar(set, values) is { } calendar) return (calendar with { TypicalStart = typical }, values);
        var unit = kind == SequenceIndexKind.DateTime
            ? new[] { 86_400.0, 3_600, 60, 1 }.FirstOrDefault(u => steps.All(s => s % u == 0), 1)
            : steps.Aggregate(0L, (g, s) => Gcd(g, (long)Math.Abs(s)));
        return (recipe with { Rule = SequenceStepRule.Irregular, StepColumn = stepColumnName, Unit = unit <= 0 ? 1 : unit }, values);
    }

    private static double? SharedPhase(List<double> starts, double step)
    {
        var phases = starts.Select(s => ((s % step) + step) % step).Distinct().ToList();
        return phases.Count == 1 ? phases[0] : null;
    }

    /// <summary>A calendar-month or calendar-year step that every neighbouring pair takes, keeping the time of day; <c>null</c> if none.</summary>
    private static SequenceIndexRecipe? Calendar(SequenceSet set, double[] values)
    {
        int? months = null;
        foreach (var entity in set.Entities)
            for (var i = 1; i < entity.Rows.Count; i++)
            {
                var a = ColumnValues.ToDateTime(values[entity.Rows[i - 1]]);
                var b = ColumnValues.ToDateTime(values[entity.Rows[i]]);
                var step = (b.Year - a.Year) * 12 + b.Month - a.Month;
                if (step <= 0 || b.TimeOfDay != a.TimeOfDay || (months is { } m && m != step)) return null;
                // The step must land where AddMonths from the entity's start would (day kept, clamped at a month's end).
                var start = ColumnValues.ToDateTime(values[entity.Rows[0]]);
                if (start.AddMonths(step * i) != b) return null;
                months = step;
            }
        if (months is not { } found) return null;
        var starts = set.Entities.Select(e => ColumnValues.ToDateTime(values[e.Rows[0]])).ToList();
        var day = starts.Select(s => s.Day).Distinct().Count() == 1 ? starts[0].Day : (int?)null;
        var month = starts.Select(s => s.Month).Distinct().Count() == 1 ? starts[0].Month : (int?)null;
        return found % 12 == 0
            ? new SequenceIndexRecipe { Kind = SequenceIndexKind.DateTime, Rule = SequenceStepRule.CalendarYears, Amount = found / 12, Day = day, Month = month }
            : new SequenceIndexRecipe { Kind = SequenceIndexKind.DateTime, Rule = SequenceStepRule.CalendarMonths, Amount = found, Day = day };
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
}
