using SynthFixtures.Randomness;
using SynthFixtures.Sampling;

namespace SynthFixtures.Models.GaussianCopula;

/// <summary>
/// Draws and decodes rows block by block. Block b always comes from stream <c>copula.Derive(b)</c>, so a block's rows
/// do not depend on which thread drew it or on the other blocks, which is what makes samples reproducible.
/// </summary>
internal sealed class CopulaBlockSampler(GaussianCopulaModel model, ConditionalGaussian gaussian, CopulaConditionPlan? plan, SynthRandom stream)
{
    private const int BlockSize = GaussianCopulaModel.BlockSize;

    /// <summary>No row-level checks needed: every drawn row is kept, each block written straight into place.</summary>
    public void FillDirect(double[]?[] numbers, int[]?[] codes, int rows, ParallelOptions parallel)
    {
        var blockCount = (rows + BlockSize - 1) / BlockSize;
        Parallel.For(0, blockCount, parallel, () => new double[BlockSize * model.Dimensions + model.Dimensions],
            (block, _, buffer) =>
            {
                var start = block * BlockSize;
                DrawBlock(block, Math.Min(BlockSize, rows - start), buffer, numbers, codes, start);
                return buffer;
            }, _ => { });
    }

    /// <summary>Rows must pass exact checks: draw blocks in order, keep the rows that pass, stop at the budget.</summary>
    public void FillFiltered(double[]?[] numbers, int[]?[] codes, int rows, ParallelOptions parallel, long candidateBudget)
    {
        var columns = model.CopulaColumns;
        var workers = Math.Max(1, parallel.MaxDegreeOfParallelism > 0 ? parallel.MaxDegreeOfParallelism : Environment.ProcessorCount);
        var batch = Math.Max(2, 2 * workers);
        var accepted = 0;
        long drawn = 0;
        var nextBlock = 0;
        while (accepted < rows)
        {
            if (drawn >= candidateBudget) throw TooRare(accepted, drawn, rows, candidateBudget);
            var results = new (double[]?[] Numbers, int[]?[] Codes)[batch];
            var first = nextBlock;
            Parallel.For(0, batch, parallel, i =>
            {
                var n = new double[]?[columns.Count];
                var c = new int[]?[columns.Count];
                foreach (var column in columns)
                {
                    if (column is NumericCopulaColumn) n[column.Index] = new double[BlockSize];
                    else c[column.Index] = new int[BlockSize];
                }
                DrawBlock(first + i, BlockSize, new double[BlockSize * model.Dimensions + model.Dimensions], n, c, 0);
                results[i] = (n, c);
            });
            nextBlock += batch;
            // Merge in block order so the kept rows do not depend on thread timing.
            foreach (var (n, c) in results)
            {
                for (var row = 0; row < BlockSize && accepted < rows; row++)
                {
                    if (!plan!.Accepts(n, c, row)) continue;
                    foreach (var column in columns)
                    {
                        if (column is NumericCopulaColumn) numbers[column.Index]![accepted] = n[column.Index]![row];
                        else codes[column.Index]![accepted] = c[column.Index]![row];
                    }
                    accepted++;
                }
                drawn += BlockSize;
                if (accepted >= rows) break;
            }
        }
    }

    private void DrawBlock(int block, int count, double[] buffer, double[]?[] numbers, int[]?[] codes, int offset)
    {
        var random = stream.Derive(block);
        var d = model.Dimensions;
        var scratch = buffer.AsSpan(count * d, d);
        for (var row = 0; row < count; row++)
            gaussian.Sample(random, buffer.AsSpan(row * d, d), scratch);
        foreach (var column in model.CopulaColumns)
        {
            var first = column.FirstDimension;
            switch (column)
            {
                case NumericCopulaColumn numeric:
                {
                    var target = numbers[column.Index]!;
                    var fixedValue = double.NaN;
                    var hasFixed = plan is not null && plan.FixedNumbers.TryGetValue(numeric, out fixedValue);
                    for (var row = 0; row < count; row++)
                    {
                        var missingZ = numeric.HasMissingDimension ? buffer[row * d + first + 1] : double.NegativeInfinity;
                        var value = numeric.Decode(buffer[row * d + first], missingZ);
                        target[offset + row] = hasFixed && !double.IsNaN(value) ? fixedValue : value;
                    }
                    break;
                }
                case CategoricalCopulaColumn categorical:
                {
                    var target = codes[column.Index]!;
                    for (var row = 0; row < count; row++) target[offset + row] = categorical.Decode(buffer[row * d + first]);
                    break;
                }
            }
        }
    }

    private SynthDataException TooRare(int accepted, long drawn, int rows, long budget) =>
        ConditionErrors.TooRare(accepted, drawn, rows, budget, plan!.Probabilities.Select(p => (p.Condition, (double?)p.Probability)));
}
