using SynthFixtures.Models.Sequences;
using SynthFixtures.Transforms.Sequences;

namespace SynthFixtures.Modeling.Sequences;

/// <summary>
/// Finds the gaps each entity has of its own on a regular index: grid values between two of its steps that are not
/// skipped by every entity (<see cref="SequenceIndexRecipe.SkippedValues"/>). Returns the recipe (sizes and places)
/// and each entity's count of gaps, which the context model learns; <c>null</c> when no entity has one.
/// </summary>
internal static class EntityGapFit
{
    // A gap longer than this many grid steps counts as this long (the index recipe writes no more per gap).
    private const int MaxGapSteps = 100_000;

    public static (EntityGapRecipe Recipe, int[] Counts)? Fit(SequenceSet set, SequenceIndexRecipe index, double[]? values, string countColumn)
    {
        if (values is null || !index.Step.IsRegular) return null;
        var skipped = index.SkippedValues ?? [];
        var gaps = new List<(int After, int Length, long Missing)>();
        var counts = new int[set.Entities.Count];
        for (var e = 0; e < set.Entities.Count; e++)
        {
            var rows = set.Entities[e].Rows;
            for (var i = 1; i < rows.Count; i++)
            {
                double before = values[rows[i - 1]], after = values[rows[i]];
                long missing = 0;
                for (var k = 1L; k <= MaxGapSteps && index.Step.Next(before, k) is var value && value < after; k++)
                    if (Array.BinarySearch(skipped, value) < 0) missing++;
                if (missing == 0) continue;
                gaps.Add((i - 1, rows.Count, missing));
                counts[e]++;
            }
        }
        return gaps.Count == 0 ? null : (EntityGapRecipe.Fit(countColumn, gaps), counts);
    }
}
