using SynthFixtures.Randomness;

namespace SynthFixtures.Training.Text;

/// <summary>
/// An epoch's batches of texts of similar length, so padding to a batch's longest text wastes little work. The texts
/// are shuffled, cut into pools of <see cref="PoolBatches"/> batches, each pool sorted by length and cut into batches,
/// and the batches shuffled: batches differ from epoch to epoch, yet each holds texts of about one length.
/// </summary>
internal static class LengthBatches
{
    /// <summary>Batches per pool: large enough to find texts of alike length, small enough that batches still vary.</summary>
    public const int PoolBatches = 50;

    /// <summary>The batches (indices into <paramref name="lengths"/>) of one epoch.</summary>
    public static List<int[]> Shuffled(IReadOnlyList<int> lengths, int batchSize, SynthRandom random)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var order = Enumerable.Range(0, lengths.Count).ToArray();
        Shuffling.Shuffle(order, random);
        var batches = new List<int[]>();
        var pool = batchSize * PoolBatches;
        for (var start = 0; start < order.Length; start += pool)
        {
            // OrderBy is stable: equal lengths keep their shuffled order.
            var sorted = order.AsSpan(start, Math.Min(pool, order.Length - start)).ToArray().OrderBy(i => lengths[i]).ToArray();
            batches.AddRange(sorted.Chunk(batchSize));
        }
        var shuffled = batches.ToArray();
        Shuffling.Shuffle(shuffled, random);
        return [.. shuffled];
    }

    /// <summary>Fixed batches, shortest texts first (for scoring, where the order does not matter).</summary>
    public static List<int[]> Sorted(IReadOnlyList<int> lengths, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        return [.. Enumerable.Range(0, lengths.Count).OrderBy(i => lengths[i]).Chunk(batchSize)];
    }
}
