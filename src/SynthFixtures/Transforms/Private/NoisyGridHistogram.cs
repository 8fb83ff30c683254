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
    /// The expected number of empty grid cells a column keeps by chance: the threshold is the noise quantile that makes
    /// it 0.05 over the whole grid.
    /// </summary>
    private const double SpuriousCellsPerColumn = 0.05;

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
    /// cells left, aligned blocks of 2, 4, … 1024 cells whose noisy sum clears the threshold scaled by √size (the sum's
    /// noise); so a sparse tail (ages above 65, say) survives as wider pieces instead of vanishing. Never empty: when
    /// nothing clears the threshold, the cell with the largest noisy count is kept.
    /// </summary>
    public IReadOnlyList<GridUnit> Units { get; }

    /// <summary>The noisy count a single cell must exceed to be kept: σ·z, z the normal quantile for 0.05 spurious cells per grid.</summary>
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

        var threshold = sigma * -StandardNormal.InverseCdf(SpuriousCellsPerColumn / grid.Cells);
        var units = KeptUnits(counts, threshold);
        if (units.Count == 0)
        {
            var best = Array.IndexOf(counts, counts.Max());
            units.Add(new GridUnit(best, best, counts[best]));
        }
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

    private static List<GridUnit> KeptUnits(double[] counts, double threshold)
    {
        var taken = new bool[counts.Length];
        var units = new List<GridUnit>();
        for (var size = 1; size <= 1024 && size <= counts.Length; size *= 2)
        {
            var blockThreshold = threshold * Math.Sqrt(size);
            for (var first = 0; first + size <= counts.Length; first += size)
            {
                var last = first + size - 1;
                var free = true;
                double sum = 0;
                for (var cell = first; cell <= last && free; cell++)
                {
                    free = !taken[cell];
                    sum += counts[cell];
                }
                if (!free || sum <= blockThreshold) continue;
                for (var cell = first; cell <= last; cell++) taken[cell] = true;
                units.Add(new GridUnit(first, last, sum));
            }
        }
        units.Sort((a, b) => a.First.CompareTo(b.First));
        return units;
    }
}

/// <summary>Grid cells <paramref name="First"/> … <paramref name="Last"/> kept together, with their noisy count.</summary>
/// <param name="First">The first cell.</param>
/// <param name="Last">The last cell (equal to <paramref name="First"/> for a single cell).</param>
/// <param name="Mass">The sum of the cells' noisy counts.</param>
internal sealed record GridUnit(int First, int Last, double Mass);
