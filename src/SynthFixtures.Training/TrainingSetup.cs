using System.Runtime.InteropServices;
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
    /// Loads libtorch, flushes subnormals on this thread, sets libtorch's thread count when asked, and seeds its
    /// (process-wide) generator. Call it on a <see cref="TrainingThread"/>, which owns the flush mode.
    /// </summary>
    /// <returns>A warning for the user when training will be slower than it should (see <see cref="FlushWarning"/>); otherwise <c>null</c>.</returns>
    public static string? StartTorch(int? threads, long seed) => StartTorch(threads, seed, FlushDenormals.Enable);

    /// <inheritdoc cref="StartTorch(int?, long)"/>
    /// <param name="threads">libtorch's thread count; <c>null</c> leaves it as it is.</param>
    /// <param name="seed">libtorch's seed.</param>
    /// <param name="enableFlush">Switches flush-to-zero on: <c>null</c> when it is on, otherwise why not.</param>
    internal static string? StartTorch(int? threads, long seed, Func<string?> enableFlush)
    {
        if (!TrainingThread.IsCurrent) throw new InvalidOperationException("Training must run on a TrainingThread: it changes the thread's floating-point mode.");
        TorchRuntime.EnsureLoaded();
        var warning = enableFlush() is { } why ? FlushWarning(why, RuntimeInformation.ProcessArchitecture) : null;
        if (threads is { } count) set_num_threads(count);
        manual_seed(seed);
        return warning;
    }

    /// <summary>
    /// What to tell the user when flush-to-zero could not be switched on: on x86, where subnormal arithmetic runs in
    /// microcode, training then gets about 3× slower as it goes; elsewhere (ARM handles subnormals in hardware) nothing.
    /// </summary>
    internal static string? FlushWarning(string why, Architecture architecture) =>
        architecture is Architecture.X64 or Architecture.X86
            ? $"flush-to-zero for subnormal floats could not be switched on ({why}); training will be about 3× slower than usual as the network's values shrink."
            : null;
}
