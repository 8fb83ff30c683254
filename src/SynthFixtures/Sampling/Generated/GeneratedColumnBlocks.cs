using SynthFixtures.Randomness;

namespace SynthFixtures.Sampling.Generated;

/// <summary>
/// The generated columns (keys, placeholder text, personal data) of a sample, block by block: sample row r's cells
/// come from block r / 1,024 of the column's stream (<c>stream.Derive(r / 1024)</c>), generated from the block's start.
/// A row's cells therefore depend only on its number, so a sample split into chunks, or into shards that start on
/// any block, gives the cells of the whole.
/// </summary>
internal static class GeneratedColumnBlocks
{
    private const int BlockSize = SampleCursor.BlockSize;

    /// <summary>
    /// One cell array per spec, for sample rows <paramref name="firstRow"/> … <paramref name="firstRow"/> +
    /// <paramref name="count"/> − 1; keys count from <paramref name="firstRowNumber"/> + row.
    /// </summary>
    /// <param name="specs">The generated columns' recipes.</param>
    /// <param name="streams">Each spec's stream, whose <c>Derive(b)</c> draws block b.</param>
    /// <param name="firstRow">The first sample row wanted (any row; blocks are cut to it).</param>
    /// <param name="count">Rows wanted.</param>
    /// <param name="firstRowNumber">The key number of sample row 0.</param>
    /// <param name="parallel">Threads and cancellation; columns and blocks are generated in parallel.</param>
    public static string?[][] Generate(IReadOnlyList<GeneratedColumnSpec> specs, IReadOnlyList<SynthRandom> streams, long firstRow, int count,
        long firstRowNumber, ParallelOptions parallel)
    {
        var result = specs.Select(_ => new string?[count]).ToArray();
        if (count == 0 || specs.Count == 0) return result;
        var firstBlock = firstRow / BlockSize;
        var blocks = (firstRow + count - 1) / BlockSize - firstBlock + 1;
        Parallel.For(0, specs.Count * blocks, parallel, job =>
        {
            var s = (int)(job % specs.Count);
            var block = firstBlock + job / specs.Count;
            var blockStart = block * BlockSize;
            var from = Math.Max(firstRow, blockStart);
            var to = Math.Min(firstRow + count, blockStart + BlockSize);
            var cells = new ColumnValueGenerator(specs[s], streams[s].Derive(block)).Generate((int)(to - blockStart), firstRowNumber + blockStart);
            Array.Copy(cells, from - blockStart, result[s], from - firstRow, to - from);
        });
        return result;
    }

    /// <summary>The streams of an ordinary sample: <c>generated:&lt;name&gt;</c> of the sampling seed's root, per spec.</summary>
    public static SynthRandom[] SampleStreams(IReadOnlyList<GeneratedColumnSpec> specs, SynthRandom root) =>
        specs.Select(spec => root.Derive("generated:" + spec.Name)).ToArray();
}
