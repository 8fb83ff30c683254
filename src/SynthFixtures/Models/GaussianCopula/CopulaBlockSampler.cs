using SynthFixtures.Randomness;

namespace SynthFixtures.Models.GaussianCopula;

/// <summary>
/// Draws and decodes rows block by block. Block b always comes from stream <c>copula.Derive(b)</c>, so a block's rows
/// do not depend on which thread drew it or on the other blocks, which is what makes samples reproducible.
/// </summary>
internal sealed class CopulaBlockSampler(GaussianCopulaModel model, ConditionalGaussian gaussian, CopulaConditionPlan? plan, SynthRandom stream)
{
    private const int BlockSize = GaussianCopulaModel.BlockSize;

    /// <summary>
    /// No row-level checks needed: every drawn row is kept, block <paramref name="firstBlock"/> + k written straight into
    /// rows k · BlockSize … of the columns.
    /// </summary>
    public void FillDirect(double[]?[] numbers, int[]?[] codes, int rows, long firstBlock, ParallelOptions parallel)
    {
        var blockCount = (rows + BlockSize - 1) / BlockSize;
        Parallel.For(0, blockCount, parallel, () => new double[BlockSize * model.Dimensions + model.Dimensions],
            (block, _, buffer) =>
            {
                var start = block * BlockSize;
                DrawBlock(firstBlock + block, Math.Min(BlockSize, rows - start), buffer, numbers, codes, start);
                return buffer;
            }, _ => { });
    }

    /// <summary>All rows of block <paramref name="block"/>, for checking row by row.</summary>
    public (double[]?[] Numbers, int[]?[] Codes) DrawWholeBlock(int block)
    {
        var columns = model.CopulaColumns;
        var n = new double[]?[columns.Count];
        var c = new int[]?[columns.Count];
        foreach (var column in columns)
        {
            if (column is NumericCopulaColumn) n[column.Index] = new double[BlockSize];
            else c[column.Index] = new int[BlockSize];
        }
        DrawBlock(block, BlockSize, new double[BlockSize * model.Dimensions + model.Dimensions], n, c, 0);
        return (n, c);
    }

    private void DrawBlock(long block, int count, double[] buffer, double[]?[] numbers, int[]?[] codes, int offset)
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
}
