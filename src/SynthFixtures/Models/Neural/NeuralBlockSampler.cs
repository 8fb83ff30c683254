using System.Buffers;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;

namespace SynthFixtures.Models.Neural;

/// <summary>
/// Draws a neural model's rows block by block: block b always comes from stream <c>Derive(b)</c> and is decoded on
/// its own, so the rows kept do not depend on thread count or timing. Without a filter every row of the first blocks
/// is kept, each block decoding straight into its own rows of the result; with conditions whole blocks go to
/// <see cref="AcceptedRows"/>, which keeps the rows that pass the plan's exact checks, in block order.
/// </summary>
internal sealed class NeuralBlockSampler(NeuralSynthModel model, NeuralConditionPlan plan, SynthRandom stream)
{
    private const int BlockSize = NeuralSynthModel.BlockSize;

    /// <summary>
    /// Every row is kept: block <paramref name="firstBlock"/> + k decodes straight into rows k · BlockSize … of the
    /// columns, with no per-block columns and no serial merge.
    /// </summary>
    public void FillDirect(double[]?[] numbers, int[]?[] codes, int rows, long firstBlock, ParallelOptions parallel)
    {
        var blocks = (rows + BlockSize - 1) / BlockSize;
        Parallel.For(0, blocks, parallel, block => DrawBlockInto(firstBlock + block, numbers, codes, block * BlockSize, Math.Min(BlockSize, rows - block * BlockSize)));
    }

    /// <summary>All rows of block <paramref name="block"/>, for checking row by row.</summary>
    public (double[]?[] Numbers, int[]?[] Codes) DrawWholeBlock(int block)
    {
        var (numbers, codes) = Allocate(BlockSize);
        DrawBlockInto(block, numbers, codes, 0, BlockSize);
        return (numbers, codes);
    }

    /// <summary>
    /// Draws block <paramref name="block"/> (always all of its rows, so a row does not depend on how many were asked
    /// for) and decodes its first <paramref name="count"/> rows into the columns from <paramref name="offset"/>.
    /// </summary>
    private void DrawBlockInto(long block, double[]?[] numbers, int[]?[] codes, int offset, int count)
    {
        var width = model.Transformer.Width;
        var matrix = ArrayPool<float>.Shared.Rent(BlockSize * width);   // large-object sizes: pooled, or every collection is a full one
        // CTGAN's sampler (and DP-TVAE's) draws each one-hot span's category; handing those to decoding directly spares
        // writing the one-hots and taking their argmax again. TVAE's one-hot spans stay logits, which decoding argmaxes.
        var spans = model.DrawsCategories ? model.Transformer.OneHotSpans : 0;
        var categories = ArrayPool<int>.Shared.Rent(BlockSize * spans);
        try
        {
            model.DrawInto(BlockSize, stream.Derive(block), plan.FixedCondition, matrix.AsSpan(0, BlockSize * width), categories.AsSpan(0, BlockSize * spans));
            if (spans > 0) model.Transformer.DecodeCategoriesInto(matrix.AsSpan(0, count * width), categories.AsSpan(0, count * spans), count, numbers, codes, offset);
            else model.Transformer.DecodeInto(matrix.AsSpan(0, count * width), count, numbers, codes, offset);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(matrix);
            ArrayPool<int>.Shared.Return(categories);
        }
        for (var t = 0; t < numbers.Length; t++)
        {
            if (numbers[t] is not { } values) continue;
            var range = model.Parameters.Ranges[t];
            var hasFixed = plan.FixedNumbers.TryGetValue(t, out var fixedValue);
            for (var row = offset; row < offset + count; row++)
                if (!double.IsNaN(values[row])) values[row] = hasFixed ? fixedValue : Math.Clamp(values[row], range.Minimum!.Value, range.Maximum!.Value);
        }
    }

    /// <summary>Numbers (continuous) and codes (categorical) per transformed column, <paramref name="rows"/> each.</summary>
    public (double[]?[] Numbers, int[]?[] Codes) Allocate(int rows)
    {
        var columns = model.Parameters.Transformer.Columns;
        var numbers = new double[]?[columns.Length];
        var codes = new int[]?[columns.Length];
        for (var t = 0; t < columns.Length; t++)
        {
            if (columns[t].Modes is null) codes[t] = new int[rows];
            else numbers[t] = new double[rows];
        }
        return (numbers, codes);
    }
}
