using SynthFixtures.Randomness;

namespace SynthFixtures.Transforms.Private;

/// <summary>
/// A numeric column's counts on its <see cref="PublicGrid"/>, each plus Gaussian noise, and the parts of the grid those
/// noisy counts show to hold values (<see cref="Units"/>). One row moves one count by 1, so the whole vector (with the
/// missing count, when measured) has L2 sensitivity 1. Everything derived from it — bins, ranges, a mixture fitted to
/// it — is post-processing.
/// </summary>
internal sealed class NoisyGridHistogram
{
    /// <summary>
    /// The expected number of empty units a column keeps by chance, over every cell and every block tested together:
    /// the threshold is the noise quantile that makes it 0.05 for the whole test family (Bonferroni), not per level.
    /// </summary>
    private const double SpuriousUnitsPerColumn = 0.05;

    /// <summary>The widest block tested, in grid cells.</summary>
    private const int LargestBlock = 1024;

    /// <summary>
    /// Kept units separated by at most this many unkept cells belong to one cluster: a decade of the logarithmic cells,
    /// or 16 consecutive integers.
    /// </summary>
    private const int MaxGapInCluster = 16;

    /// <summary>
    /// How many times the threshold (scaled by √cells) a lone unit's noisy mass must clear. An empty unit that passed
    /// the threshold did so by little (0.05 of them per grid); at 1.5 times it the chance that one is kept anywhere on
    /// the grid is about 10⁻⁶, while a real spike or group of outliers (adult's capital-gain at 99 999) clears it by far.
    /// </summary>
    private const double ClusterFactor = 1.5;

    private NoisyGridHistogram(PublicGrid grid, double[] counts, double? missing, List<GridUnit> units, double threshold)
    {
        Grid = grid;
        Counts = counts;
        Missing = missing;
        Units = units;
        Threshold = threshold;
    }

    /// <summary>The grid measured on.</summary>
    public PublicGrid Grid { get; }

    /// <summary>The noisy count of every grid cell.</summary>
    public double[] Counts { get; }

    /// <summary>The noisy count of missing values, or <c>null</c> when it was not measured.</summary>
    public double? Missing { get; }

    /// <summary>
    /// The kept units in value order: single cells whose noisy count clears <see cref="Threshold"/>, then, among the
    /// cells left, blocks of 2, 4, … 1024 cells whose noisy sum clears the threshold scaled by √size (the sum's noise);
    /// so a sparse tail (ages above 65, say) survives as wider pieces instead of vanishing. Blocks are aligned outwards
    /// from the grid's zero cell on either side and never include it, so no unit holds values of both signs. Units
    /// within <see cref="MaxGapInCluster"/> cells of each other form clusters, and a cluster of a single unit is kept
    /// only when its noisy mass clears the threshold (scaled by √cells) 1.5 times over, so a block that noise alone lifted far from the data
    /// (at 10⁹, say) does not stretch the column's range. Never empty: when no cluster is kept, the zero cell is (a
    /// public choice: the noisy counts then do not show where the values lie).
    /// </summary>
    public IReadOnlyList<GridUnit> Units { get; }

    /// <summary>
    /// The noisy count a single cell must exceed to be kept: σ·z, z the normal quantile that lets 0.05 empty units through
    /// per grid over all cells and blocks tested.
    /// </summary>
    public double Threshold { get; }

    /// <summary>
    /// Measures <paramref name="values"/> (NaN for missing) on <paramref name="grid"/>: one N(0, σ²) draw per cell from
    /// <paramref name="noise"/> in cell order, then, when <paramref name="measureMissing"/>, one for the missing count.
    /// </summary>
    public static NoisyGridHistogram Measure(double[] values, PublicGrid grid, double sigma, SynthRandom noise, bool measureMissing)
    {
        var counts = new double[grid.Cells];
        var missing = 0;
        foreach (var value in values)
        {
            if (double.IsNaN(value)) missing++;
            else counts[grid.CellOf(value)]++;
        }
        for (var cell = 0; cell < counts.Length; cell++) counts[cell] += sigma * noise.NextNormal();
        double? noisyMissing = measureMissing ? missing + sigma * noise.NextNormal() : null;

        var threshold = sigma * -StandardNormal.InverseCdf(SpuriousUnitsPerColumn / Blocks(grid).Count());
        var units = InClearClusters(KeptUnits(counts, grid, threshold), threshold);
        // Nothing told apart from noise: the noisy counts do not say where the values lie, and the largest of them is
        // as likely anywhere on the grid (10¹² included), so fall back to the one public place, the zero cell.
        if (units.Count == 0) units.Add(new GridUnit(grid.ZeroCell, grid.ZeroCell, counts[grid.ZeroCell]));
        return new NoisyGridHistogram(grid, counts, noisyMissing, units, threshold);
    }

    /// <summary>What a unit decodes to: a point (Low = High) or an interval [Low, High).</summary>
    public (double Low, double High) Decoded(GridUnit unit) => Grid.Decoded(unit.First, unit.Last);

    /// <summary>The smallest and largest value the kept units decode to: the column's range, from noisy counts only.</summary>
    public (double Minimum, double Maximum) Range() => (Decoded(Units[0]).Low, Decoded(Units[^1]).High);

    /// <summary>
    /// <paramref name="count"/> values spread over the kept units in proportion to their noisy mass (largest remainders),
    /// a point unit repeating its value, an interval evenly spaced inside it: a stand-in for the column's values that a
    /// mixture can be fitted to (post-processing; no randomness, so the same histogram gives the same values).
    /// </summary>
    public double[] RepresentativeValues(int count)
    {
        var masses = Units.Select(u => Math.Max(u.Mass, 0)).ToArray();
        var total = masses.Sum();
        if (!(total > 0)) masses = Units.Select(_ => 1.0).ToArray();
        total = masses.Sum();
        var shares = masses.Select(m => m / total * count).ToArray();
        var taken = shares.Select(s => (int)Math.Floor(s)).ToArray();
        var left = count - taken.Sum();
        foreach (var k in Enumerable.Range(0, shares.Length).OrderByDescending(k => shares[k] - taken[k]).ThenBy(k => k).Take(left)) taken[k]++;
        var result = new double[count];
        var at = 0;
        for (var k = 0; k < Units.Count; k++)
        {
            var (low, high) = Decoded(Units[k]);
            for (var i = 0; i < taken[k]; i++) result[at++] = low == high ? low : low + (i + 0.5) / taken[k] * (high - low);
        }
        return result;
    }

    private static List<GridUnit> KeptUnits(double[] counts, PublicGrid grid, double threshold)
    {
        var taken = new bool[counts.Length];
        var units = new List<GridUnit>();
        foreach (var (first, last) in Blocks(grid))
        {
            var size = last - first + 1;
            var free = true;
            double sum = 0;
            for (var cell = first; cell <= last && free; cell++)
            {
                free = !taken[cell];
                sum += counts[cell];
            }
            if (!free || sum <= threshold * Math.Sqrt(size)) continue;
            for (var cell = first; cell <= last; cell++) taken[cell] = true;
            units.Add(new GridUnit(first, last, sum));
        }
        units.Sort((a, b) => a.First.CompareTo(b.First));
        return units;
    }

    /// <summary>
    /// Every block tested, narrowest first: the zero cell alone, then on each side of it blocks of 1, 2, 4 … cells
    /// aligned outwards from it (so the blocks next to zero are the same on both sides and none crosses it).
    /// </summary>
    private static IEnumerable<(int First, int Last)> Blocks(PublicGrid grid)
    {
        var zero = grid.ZeroCell;
        for (var size = 1; size <= LargestBlock; size *= 2)
        {
            if (size == 1) yield return (zero, zero);
            for (var first = zero + 1; first + size - 1 < grid.Cells; first += size) yield return (first, first + size - 1);
            for (var last = zero - 1; last - size + 1 >= 0; last -= size) yield return (last - size + 1, last);
        }
    }

    /// <summary>
    /// The units (in value order) of the clusters of two or more units, and of the lone units whose noisy mass clears
    /// <see cref="ClusterFactor"/> times the threshold scaled by √cells. Decided on noisy counts only.
    /// </summary>
    private static List<GridUnit> InClearClusters(List<GridUnit> units, double threshold)
    {
        var clusters = new List<List<GridUnit>>();
        for (var k = 0; k < units.Count; k++)
        {
            if (k == 0 || units[k].First - units[k - 1].Last - 1 > MaxGapInCluster) clusters.Add([]);
            clusters[^1].Add(units[k]);
        }
        // Two empty units within a cluster's gap of each other are rarer still (each passes with 0.05 per grid), so a
        // cluster of several units is kept as it is; a lone unit must clear the threshold 1.5 times over.
        return clusters
            .Where(c => c.Count > 1 || c[0].Mass > ClusterFactor * threshold * Math.Sqrt(c[0].Last - c[0].First + 1))
            .SelectMany(c => c)
            .ToList();
    }
}

/// <summary>Grid cells <paramref name="First"/> … <paramref name="Last"/> kept together, with their noisy count.</summary>
/// <param name="First">The first cell.</param>
/// <param name="Last">The last cell (equal to <paramref name="First"/> for a single cell).</param>
/// <param name="Mass">The sum of the cells' noisy counts.</param>
internal sealed record GridUnit(int First, int Last, double Mass);
