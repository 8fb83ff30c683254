using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Models.Sequences;
using SynthFixtures.Transforms;
using SynthFixtures.Transforms.Sequences;

namespace SynthFixtures.Modeling.Sequences;

/// <summary>
/// The index recipe of a sequence set: its step rule (<see cref="SequenceIndexSteps"/>); for irregular steps, the step
/// column the step model learns, in the largest unit that divides every step (a week, day, hour, minute or second; or
/// the integers' common divisor).
/// </summary>
internal static class SequenceIndexFit
{
    /// <summary>The recipe and, per row of the set's table, the index value (seconds or units); <c>null</c> values without an index.</summary>
    public static (SequenceIndexRecipe Recipe, double[]? Values) Fit(SequenceSet set, string stepColumnName)
    {
        var steps = SequenceIndexSteps.Analyze(set);
        if (set.Sequence.IndexColumn is not { } indexName) return (new SequenceIndexRecipe { Step = steps.Step }, null);
        var values = ColumnValues.ToDoubles(set.Table, set.Table.IndexOf(indexName), set.Columns.Find(indexName)!);
        var starts = set.Entities.Select(e => values[e.Rows[0]]).Order().ToList();
        var recipe = new SequenceIndexRecipe { Step = steps.Step, TypicalStart = starts[(starts.Count - 1) / 2] };
        if (steps.Step.Kind != SequenceStepKind.Irregular) return (recipe, values);
        var positive = steps.ObservedSteps.Where(s => s > 0).ToList();
        var unit = set.IndexKind == SequenceIndexKind.DateTime
            ? new[] { 604_800.0, 86_400, 3_600, 60, 1 }.FirstOrDefault(u => positive.All(s => s % u == 0), 1)
            : positive.Aggregate(0L, (g, s) => Gcd(g, (long)Math.Round(s)));
        return (recipe with { StepColumn = stepColumnName, Unit = unit <= 0 ? 1 : unit }, values);
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
}
