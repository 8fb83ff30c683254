using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Randomness;
using SynthFixtures.Transforms;
using SynthFixtures.Transforms.Private;

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
    /// <summary>A numeric column: its bins and, for each grid cell, the bin a value in it is counted in.</summary>
    public static (DpColumn Column, int[] BinOfGridCell, PublicGrid Grid) Numeric(double[] values, ColumnMetadata metadata, int sourceIndex,
        int bins, double sigma, SynthRandom noise)
    {
        var histogram = NoisyGridHistogram.Measure(values, PublicGrid.For(metadata.Kind), sigma, noise, measureMissing: false);
        var grid = histogram.Grid;
        var units = histogram.Units;
        var share = units.Sum(u => u.Mass) / bins;

        var groups = new List<List<GridUnit>>();
        var current = new List<GridUnit>();
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
                var (low, high) = histogram.Decoded(u);
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
    /// A categorical column: the labels whose noisy count passes 1 + σ·z(δ) (<see cref="NoisyLabelCounts"/>).
    /// </summary>
    public static DpColumn Categorical(IReadOnlyList<string?> cells, ColumnMetadata metadata, int sourceIndex, double sigma, double labelDelta,
        SynthRandom noise) =>
        DpColumn.Categorical(metadata, sourceIndex, NoisyLabelCounts.Measure(cells, sigma, labelDelta, noise, measureMissing: false).Labels);

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
