using SynthFixtures.Randomness;

namespace SynthFixtures.Models.Sequences;

/// <summary>
/// Gaps only some entities have, on a regular index (a sensor offline for three days, a panel member missing a wave):
/// the context model learns each entity's number of gaps as <see cref="CountColumn"/> (so it follows the context and
/// the length), and this recipe where they fall and how many steps each skips. Grid values every entity skips are
/// <see cref="SequenceIndexRecipe.SkippedValues"/>, not gaps here.
/// </summary>
public sealed record EntityGapRecipe
{
    /// <summary>Bins of <see cref="Positions"/>: where in its sequence a gap falls, in tenths.</summary>
    public const int PositionBins = 10;

    /// <summary>The context model's column of gaps per entity.</summary>
    public required string CountColumn { get; init; }

    /// <summary>The distinct sizes of the source's gaps (missing steps, ascending).</summary>
    public required IReadOnlyList<long> Sizes { get; init; }

    /// <summary>How many source gaps had each of <see cref="Sizes"/>.</summary>
    public required IReadOnlyList<int> SizeCounts { get; init; }

    /// <summary>
    /// How many source gaps fell in each tenth of their sequence: a gap after step j of n steps is at (j + 0.5) / (n − 1).
    /// </summary>
    public required IReadOnlyList<int> Positions { get; init; }

    /// <summary>Fits the recipe from each entity's gaps: (the step before the gap, its length in steps, missing steps).</summary>
    public static EntityGapRecipe Fit(string countColumn, IEnumerable<(int After, int Length, long Missing)> gaps)
    {
        ArgumentNullException.ThrowIfNull(gaps);
        var list = gaps.ToList();
        var sizes = list.GroupBy(g => g.Missing).OrderBy(g => g.Key).ToList();
        var positions = new int[PositionBins];
        foreach (var gap in list) positions[Bin(gap.After, gap.Length)]++;
        return new EntityGapRecipe { CountColumn = countColumn, Sizes = sizes.Select(g => g.Key).ToArray(), SizeCounts = sizes.Select(g => g.Count()).ToArray(), Positions = positions };
    }

    private static int Bin(int after, int length) => length <= 1 ? 0 : Math.Clamp((int)((after + 0.5) / (length - 1) * PositionBins), 0, PositionBins - 1);

    /// <summary>
    /// Lays out <paramref name="gaps"/> gaps in an entity of <paramref name="length"/> steps from its own
    /// <paramref name="random"/> stream: the grid steps skipped after each step (at most one gap between two steps, so
    /// at most <paramref name="length"/> − 1 gaps).
    /// </summary>
    public long[] Layout(int length, int gaps, SynthRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var skipped = new long[Math.Max(0, length)];
        gaps = Math.Clamp(gaps, 0, Math.Max(0, length - 1));
        if (gaps == 0 || Sizes.Count == 0) return skipped;
        // Each free place between two steps weighted by its tenth's share of the source's gaps (a tenth no gap fell in
        // keeps a small weight, so a short sequence still has places); drawn without replacement.
        var weights = new double[length - 1];
        for (var j = 0; j < weights.Length; j++) weights[j] = Positions[Bin(j, length)] + 0.01;
        var totalSize = SizeCounts.Sum();
        for (var g = 0; g < gaps; g++)
        {
            var place = Draw(weights, random.NextDouble() * weights.Sum());
            weights[place] = 0;
            var size = random.NextDouble() * totalSize;
            var k = 0;
            while (k < Sizes.Count - 1 && (size -= SizeCounts[k]) >= 0) k++;
            skipped[place] = Sizes[k];
        }
        return skipped;
    }

    private static int Draw(double[] weights, double u)
    {
        for (var j = 0; j < weights.Length; j++)
            if ((u -= weights[j]) < 0 && weights[j] > 0) return j;
        return Array.FindLastIndex(weights, w => w > 0);
    }
}
