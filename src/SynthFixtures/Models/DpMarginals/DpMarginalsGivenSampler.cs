using SynthFixtures.Models.Given;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;

namespace SynthFixtures.Models.DpMarginals;

/// <summary>
/// The dp-marginals model's rows for given cells, by likelihood weighting on its tree: each given cell is mapped to
/// the cell the model uses (a numeric value to its bin, a label to its released label or the other cell, a missing
/// value to the missing cell), <see cref="Candidates"/> rows are drawn down the tree with those cells fixed, each weighted
/// by the probability of its fixed cells given their parents, and one is kept with probability proportional to its weight
/// (sampling–importance–resampling). Columns below a given one are drawn given it exactly; columns above it are
/// reweighted toward it, which tends to the model's exact conditional as the candidates grow. Row r (numbered from
/// <see cref="GivenRows.FirstRow"/>) draws only from stream <c>given</c>.Derive(r).
/// </summary>
internal static class DpMarginalsGivenSampler
{
    /// <summary>Candidates weighed per given row.</summary>
    public const int Candidates = 64;

    public static SampledTable Draw(DpMarginalsModel model, GivenRows given, SynthRandom root, ParallelOptions parallel)
    {
        var rows = given.RowCount;
        var columns = model.Columns;
        var fixedColumns = columns.Select(column => given.Find(column.SourceIndex)).ToArray();
        var cells = columns.Select(_ => new int[rows]).ToArray();
        var numbers = columns.Select(c => c.IsNumeric ? new double[rows] : null).ToArray();
        var stream = root.Derive("given");
        Parallel.For(0, rows, parallel, () => new Buffers(columns), (row, _, buffers) =>
        {
            for (var c = 0; c < columns.Length; c++)
                buffers.Fixed[c] = fixedColumns[c] is not { } cellsOf ? -1
                    : columns[c].IsNumeric ? columns[c].CellOfNumber(cellsOf.Numbers is { } values ? values[row] : double.NaN)
                    : columns[c].CellOfLabel(cellsOf.Cells[row]);
            var random = stream.Derive(given.FirstRow + row);
            var total = 0.0;
            for (var k = 0; k < Candidates; k++)
                total += buffers.Weights[k] = model.DrawRowGiven(random, buffers.Cells, buffers.Numbers, k, buffers.Fixed);
            var chosen = Choose(buffers.Weights, total, random.NextDouble());
            for (var c = 0; c < columns.Length; c++)
            {
                cells[c][row] = buffers.Cells[c][chosen];
                if (numbers[c] is { } target) target[row] = buffers.Numbers[c]![chosen];
            }
            return buffers;
        }, _ => { });
        var generated = GivenGeneratedColumns.Generate(model.Generated, root, given.FirstRow, rows, parallel);
        return model.Assemble(cells, numbers, generated, rows);
    }

    /// <summary>The candidate whose cumulative weight first exceeds u · total; the first when no candidate has any weight (the given cells are impossible under the model).</summary>
    private static int Choose(double[] weights, double total, double u)
    {
        if (!(total > 0)) return 0;
        var target = u * total;
        var sum = 0.0;
        for (var k = 0; k < weights.Length; k++)
        {
            sum += weights[k];
            if (target < sum && weights[k] > 0) return k;
        }
        return Array.FindLastIndex(weights, w => w > 0);
    }

    private sealed class Buffers(DpColumn[] columns)
    {
        public int[][] Cells { get; } = columns.Select(_ => new int[Candidates]).ToArray();

        public double[]?[] Numbers { get; } = columns.Select(c => c.IsNumeric ? new double[Candidates] : null).ToArray();

        public int[] Fixed { get; } = new int[columns.Length];

        public double[] Weights { get; } = new double[Candidates];
    }
}
