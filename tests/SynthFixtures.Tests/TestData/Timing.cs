using System.Diagnostics;

namespace SynthFixtures.Tests.TestData;

/// <summary>Wall-clock timing for performance assertions: the fastest of a few runs, so a busy test machine does not fail them.</summary>
public static class Timing
{
    /// <summary>The shortest time <paramref name="action"/> took over <paramref name="runs"/> runs.</summary>
    public static TimeSpan Fastest(int runs, Action action)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            clock.Stop();
            if (clock.Elapsed < best) best = clock.Elapsed;
        }
        return best;
    }
}
