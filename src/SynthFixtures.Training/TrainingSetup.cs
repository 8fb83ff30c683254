using SynthFixtures.Transforms.Modes;
using static TorchSharp.torch;

namespace SynthFixtures.Training;

/// <summary>What every trainer does before its first step: check the transformed table against its spans, load libtorch, seed it.</summary>
internal static class TrainingSetup
{
    /// <summary>The row width the spans describe, after checking that <paramref name="data"/> holds exactly that many values per row.</summary>
    public static int CheckInput(float[] data, int rows, IReadOnlyList<OutputSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(spans);
        if (spans.Count == 0) throw new ArgumentException("No spans: the table has no modelled columns.", nameof(spans));
        var width = spans[^1].Start + spans[^1].Length;
        if (rows < 1 || data.Length != rows * width) throw new ArgumentException($"Expected {rows} × {width} values, got {data.Length}.", nameof(data));
        return width;
    }

    /// <summary>
    /// Loads libtorch, flushes subnormals on this thread, sets libtorch's thread count (the one asked for, or
    /// <see cref="TrainingThreadCount"/>'s default), and seeds its (process-wide) generator. Call it on a
    /// <see cref="TrainingThread"/>, which owns the flush mode.
    /// </summary>
    public static void StartTorch(int? threads, long seed)
    {
        if (!TrainingThread.IsCurrent) throw new InvalidOperationException("Training must run on a TrainingThread: it changes the thread's floating-point mode.");
        TorchRuntime.EnsureLoaded();
        FlushDenormals.Enable();
        set_num_threads(TrainingThreadCount.Resolve(threads));
        manual_seed(seed);
    }
}
