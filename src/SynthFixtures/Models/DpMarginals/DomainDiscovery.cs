using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Randomness;
using SynthFixtures.Transforms;

namespace SynthFixtures.Models.DpMarginals;

/// <summary>
/// The first measurement: what cells each column has, decided from noisy counts only, so no bin edge and no label
/// comes from the raw data. A numeric column's counts on its <see cref="PublicGrid"/> are measured with Gaussian
/// noise; cells whose noisy count clears a threshold are kept and merged, in value order, into about the requested
/// number of bins of similar noisy mass (a cell heavier than a bin's share, such as a spike at 0, stays a bin of
/// its own). A categorical column's observed labels get Gaussian noise and those above a threshold set so that a
/// label held by a single row is released with probability at most δ are kept (a stability-based histogram).
/// </summary>
internal static class DomainDiscovery
{
    /// <summary>
    /// The expected number of empty grid cells a numeric column keeps by chance: the threshold is the noise quantile
    /// that makes it 0.05 over the whole grid.
    /// </summary>
    private const double SpuriousCellsPerColumn = 0.05;

    /// <summary>A numeric column: its bins and, for each grid cell, the bin a value in it is counted in.</summary>
    public static (DpColumn Column, int[] BinOfGridCell, PublicGrid Grid) Numeric(double[] values, ColumnMetadata metadata, int sourceIndex,
        int bins, double sigma, SynthRandom noise)
    {
        var grid = PublicGrid.For(metadata.Kind);
        var counts = new double[grid.Cells];
        foreach (var value in values)
            if (!double.IsNaN(value)) counts[grid.CellOf(value)]++;
        for (var cell = 0; cell < counts.Length; cell++) counts[cell] += sigma * noise.NextNormal();

        var z = -StandardNormal.InverseCdf(SpuriousCellsPerColumn / grid.Cells);
        var units = KeptUnits(counts, sigma * z);
        if (units.Count == 0)
        {
            var best = Array.IndexOf(counts, counts.Max());
            units.Add((best, best, 1));
        }
        var share = units.Sum(u => u.Mass) / bins;

        var groups = new List<List<(int First, int Last, double Mass)>>();
        var current = new List<(int First, int Last, double Mass)>();
        double currentMass = 0;
        foreach (var unit in units)
        {
            if (unit.Mass >= share)
            {
                if (current.Count > 0) groups.Add(current);
                groups.Add([unit]);
                (current, currentMass) = ([], 0);
                continue;
            }
            if (current.Count > 0 && currentMass + unit.Mass > share)
            {
                groups.Add(current);
                (current, currentMass) = ([], 0);
            }
            current.Add(unit);
            currentMass += unit.Mass;
        }
        if (current.Count > 0) groups.Add(current);

        var binPieces = new DpPiece[groups.Count][];
        var binOfGridCell = new int[grid.Cells];
        for (var b = 0; b < groups.Count; b++)
        {
            var group = groups[b];
            var total = group.Sum(u => u.Mass);
            binPieces[b] = group.Select(u =>
            {
                var (low, high) = grid.Decoded(u.First, u.Last);
                return new DpPiece(low, high, u.Mass / total);
            }).ToArray();
            // A bin counts the values from its first unit up to the next bin's; values below the first bin count in it.
            var from = b == 0 ? 0 : group[0].First;
            var to = b == groups.Count - 1 ? grid.Cells : groups[b + 1][0].First;
            for (var cell = from; cell < to; cell++) binOfGridCell[cell] = b;
        }
        return (DpColumn.Numeric(metadata, sourceIndex, binPieces), binOfGridCell, grid);
    }

    /// <summary>
    /// The grid's kept units in value order: single cells whose noisy count clears the threshold, then, among the cells
    /// left, aligned blocks of 2, 4, … 1024 cells whose noisy sum clears the threshold scaled by √size (the sum's noise);
    /// so a sparse tail (ages above 65, say) survives as wider pieces instead of vanishing. Post-processing of the
    /// noisy counts only.
    /// </summary>
    private static List<(int First, int Last, double Mass)> KeptUnits(double[] counts, double threshold)
    {
        var taken = new bool[counts.Length];
        var units = new List<(int First, int Last, double Mass)>();
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
                units.Add((first, last, sum));
            }
        }
        units.Sort((a, b) => a.First.CompareTo(b.First));
        return units;
    }

    /// <summary>
    /// A categorical column: the labels whose noisy count passes 1 + σ·z(δ), noise drawn per label from a stream
    /// derived from the label itself (so one row's label never shifts another label's noise).
    /// </summary>
    public static DpColumn Categorical(IReadOnlyList<string?> cells, ColumnMetadata metadata, int sourceIndex, double sigma, double labelDelta,
        SynthRandom noise)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cell in cells)
            if (cell is not null)
            {
                var label = CellText.Normalize(cell);
                counts[label] = counts.GetValueOrDefault(label) + 1;
            }
        var threshold = 1 + sigma * -StandardNormal.InverseCdf(labelDelta);
        var released = new List<(string Label, double Noisy)>();
        foreach (var (label, count) in counts)
        {
            var noisy = count + sigma * noise.Derive("label:" + label).NextNormal();
            if (noisy > threshold) released.Add((label, noisy));
        }
        var labels = released.OrderByDescending(r => r.Noisy).ThenBy(r => r.Label, StringComparer.Ordinal).Select(r => r.Label).ToArray();
        return DpColumn.Categorical(metadata, sourceIndex, labels);
    }

    /// <summary>The cell of every row of a categorical column: its label's, the other cell, or the missing cell.</summary>
    public static int[] CategoricalCells(IReadOnlyList<string?> cells, DpColumn column)
    {
        var codeOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < column.Labels!.Length; k++) codeOf[column.Labels[k]] = k;
        var result = new int[cells.Count];
        for (var row = 0; row < result.Length; row++)
            result[row] = cells[row] is { } cell
                ? codeOf.TryGetValue(CellText.Normalize(cell), out var code) ? code : column.OtherCell
                : column.MissingCell;
        return result;
    }

    /// <summary>The cell of every row of a numeric column.</summary>
    public static int[] NumericCells(double[] values, DpColumn column, int[] binOfGridCell, PublicGrid grid)
    {
        var result = new int[values.Length];
        for (var row = 0; row < result.Length; row++)
            result[row] = double.IsNaN(values[row]) ? column.MissingCell : binOfGridCell[grid.CellOf(values[row])];
        return result;
    }

    /// <summary>The values of a numeric column (NaN for missing).</summary>
    public static double[] NumericValues(Table table, int tableIndex, ColumnMetadata metadata) => ColumnValues.ToDoubles(table, tableIndex, metadata);
}
