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
        if (steps.Step.Kind != SequenceStepKind.Irregular) return (recipe with { SkippedValues = SharedGaps(steps, values) }, values);
        var positive = steps.ObservedSteps.Where(s => s > 0).ToList();
        var unit = set.IndexKind == SequenceIndexKind.DateTime
            ? new[] { 604_800.0, 86_400, 3_600, 60, 1 }.FirstOrDefault(u => positive.All(s => s % u == 0), 1)
            : positive.Aggregate(0L, (g, s) => Gcd(g, (long)Math.Round(s)));
        return (recipe with { StepColumn = stepColumnName, Unit = unit <= 0 ? 1 : unit }, values);
    }

    /// <summary>At most this many grid values are remembered as skipped.</summary>
    internal const int MaxSkippedValues = 10_000;

    /// <summary>
    /// Grid values inside some entity's gap that no entity holds (a census year never taken, a holiday no series has): the
    /// source skips them everywhere, so sampled indexes skip them too. A gap only some entities have is not reproduced.
    /// </summary>
    private static double[]? SharedGaps(SequenceIndexSteps steps, double[] values)
    {
        if (!steps.IsRegular || steps.Gaps.Count == 0) return null;
        var held = values.ToHashSet();
        var skipped = new SortedSet<double>();
        foreach (var gap in steps.Gaps)
            for (var k = 1L; k <= gap.MissingSteps && skipped.Count < MaxSkippedValues; k++)
                if (steps.Next(gap.After, k) is var value && !held.Contains(value)) skipped.Add(value);
        return skipped.Count == 0 ? null : [.. skipped];
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
}
