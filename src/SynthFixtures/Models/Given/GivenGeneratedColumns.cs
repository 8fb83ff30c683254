using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Sampling.Generated;

namespace SynthFixtures.Models.Given;

/// <summary>
/// The generated columns (keys, placeholder text, personal data) of a sample drawn for given rows. A generator
/// continues one stream, so a whole sample's cells depend on how many came before; here sample row r's cells come
/// from block r / 1,024 of stream <c>given-generated:&lt;name&gt;</c>, generated from the block's start, so a row's
/// cells depend only on its number and a given table split on any row gives the cells of the whole.
/// </summary>
internal static class GivenGeneratedColumns
{
    private const int BlockSize = SampleCursor.BlockSize;

    /// <summary>One cell array per spec, for rows <paramref name="firstRow"/> … <paramref name="firstRow"/> + <paramref name="count"/> − 1.</summary>
    public static string?[][] Generate(IReadOnlyList<GeneratedColumnSpec> specs, SynthRandom root, long firstRow, int count, ParallelOptions parallel)
    {
        var result = specs.Select(_ => new string?[count]).ToArray();
        if (count == 0 || specs.Count == 0) return result;
        var firstBlock = firstRow / BlockSize;
        var blocks = (firstRow + count - 1) / BlockSize - firstBlock + 1;
        var streams = specs.Select(s => root.Derive("given-generated:" + s.Name)).ToArray();
        Parallel.For(0, specs.Count * blocks, parallel, job =>
        {
            var s = (int)(job % specs.Count);
            var block = firstBlock + job / specs.Count;
            var blockStart = block * BlockSize;
            var from = Math.Max(firstRow, blockStart);
            var to = Math.Min(firstRow + count, blockStart + BlockSize);
            var cells = new ColumnValueGenerator(specs[s], streams[s].Derive(block)).Generate((int)(to - blockStart), blockStart);
            Array.Copy(cells, from - blockStart, result[s], from - firstRow, to - from);
        });
        return result;
    }
}
