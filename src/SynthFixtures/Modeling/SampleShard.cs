using System.Globalization;
using SynthFixtures.Models;

namespace SynthFixtures.Modeling;

/// <summary>
/// One of <see cref="Count"/> parts of a sample, drawn by its own process: shard <see cref="Index"/> holds a run of
/// whole blocks of 1,024 rows (<see cref="SynthModel.SampleBlockRows"/>), the blocks split as evenly as they go, so
/// the shards 0 … <see cref="Count"/> − 1 joined in order are the rows of the one sample, with the same keys and random
/// streams at every row.
/// </summary>
/// <param name="Index">This part, 0 … <see cref="Count"/> − 1.</param>
/// <param name="Count">Parts in all (1 or more).</param>
public sealed record SampleShard(int Index, int Count)
{
    /// <summary>Whether this is the first part (the one that carries a CSV header).</summary>
    public bool IsFirst => Index == 0;

    /// <summary>
    /// The sample rows this shard holds out of <paramref name="totalRows"/>: from <c>FirstRow</c> (a block boundary),
    /// <c>Rows</c> of them. A shard may be empty when there are more shards than blocks.
    /// </summary>
    /// <exception cref="SynthDataException">The index is not in 0 … count − 1, or the count is below 1.</exception>
    public (long FirstRow, long Rows) RowsOf(long totalRows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(totalRows);
        Check();
        const int block = SynthModel.SampleBlockRows;
        var blocks = (totalRows + block - 1) / block;
        var firstBlock = (long)(blocks * (Int128)Index / Count);
        var endBlock = (long)(blocks * (Int128)(Index + 1) / Count);
        var first = firstBlock * block;
        var end = Math.Min(totalRows, endBlock * block);
        return (first, Math.Max(0, end - first));
    }

    /// <summary>Refuses an index outside 0 … count − 1 or a count below 1.</summary>
    /// <exception cref="SynthDataException">The shard is not one of its count.</exception>
    public void Check()
    {
        if (Count < 1)
            throw new SynthDataException(string.Create(CultureInfo.InvariantCulture, $"A sample is split into 1 or more shards, not {Count}."),
                hint: "Give the shard as index/count, e.g. 0/4 for the first of four.");
        if (Index < 0 || Index >= Count)
            throw new SynthDataException(string.Create(CultureInfo.InvariantCulture, $"Shard {Index} is not one of {Count} shards: they are numbered 0 to {Count - 1}."),
                hint: "Number shards from 0, e.g. 0/4 … 3/4 for four.");
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
