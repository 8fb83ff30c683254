using SynthFixtures.Randomness;

namespace SynthFixtures.Training.Privacy;

/// <summary>
/// Poisson sampling, the batch selection the subsampled Gaussian accountant assumes: every row joins a batch
/// independently with probability q, so batch sizes vary (and a batch may be empty).
/// </summary>
internal static class PoissonSampling
{
    /// <summary>The indices (ascending) of the rows among <paramref name="rows"/> that join this batch at rate <paramref name="rate"/>.</summary>
    /// <remarks>
    /// Draws the gaps between chosen rows rather than one coin per row: the gap before the next chosen row is
    /// geometric, ⌊log U / log(1 − q)⌋ with U uniform on (0, 1), which gives exactly the same distribution as
    /// independent coins with about q·n draws instead of n.
    /// </remarks>
    public static long[] Sample(int rows, double rate, SynthRandom random)
    {
        if (!(rate >= 0 && rate <= 1)) throw new ArgumentOutOfRangeException(nameof(rate), rate, "A sampling rate lies in [0, 1].");
        if (rate == 0 || rows == 0) return [];
        if (rate == 1) return Enumerable.Range(0, rows).Select(i => (long)i).ToArray();
        var chosen = new List<long>((int)Math.Min(rows, rate * rows * 1.2 + 16));
        // log(1 − q) with Goldberg's correction: exact to rounding even for a tiny q.
        var miss = 1 - rate;
        var logMiss = miss == 1 ? -rate : Math.Log(miss) * -rate / (miss - 1);
        var next = -1.0;
        while (true)
        {
            next += Math.Floor(Math.Log(random.NextOpenDouble()) / logMiss) + 1;
            if (next >= rows) break;
            chosen.Add((long)next);
        }
        return chosen.ToArray();
    }
}
