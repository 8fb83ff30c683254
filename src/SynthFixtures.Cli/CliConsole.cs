using System.Diagnostics;

namespace SynthFixtures.Cli;

/// <summary>Where commands write: results to <see cref="Out"/>, progress to <see cref="Error"/> (so piping stdout stays clean).</summary>
/// <param name="output">Results.</param>
/// <param name="error">Progress and diagnostics.</param>
/// <param name="terminalWidth">The width of the terminal <paramref name="error"/> writes to, read at each redraw; <c>null</c>
/// when it is redirected (a build log, a file, a test), which keeps progress as one line per step.</param>
/// <param name="time">The clock for elapsed times and ETAs (tests pass their own).</param>
public sealed class CliConsole(TextWriter output, TextWriter error, Func<int>? terminalWidth = null, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Results.</summary>
    public TextWriter Out { get; } = output;

    /// <summary>Progress and diagnostics.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>Whether <see cref="Error"/> is an interactive terminal (progress is drawn in place).</summary>
    public bool ErrorIsTerminal => terminalWidth is not null;

    /// <summary>A progress sink that prefixes lines with the elapsed time.</summary>
    public IProgress<string> Progress(string stage)
    {
        var clock = Stopwatch.StartNew();
        return new Reporter(line => Error.WriteLine($"[{clock.Elapsed.TotalSeconds,6:F2}s] {stage}: {line}"));
    }

    /// <summary>Where a trainer's epochs go: a progress bar on a terminal, otherwise one <see cref="Progress"/> line per epoch.</summary>
    internal EpochDisplay Epochs(string stage) => terminalWidth is { } width
        ? new TerminalProgressBar(Error, width, stage, _time)
        : new EpochLines(Progress(stage));

    /// <summary>Runs <paramref name="work"/> and reports how long it took on the progress stream.</summary>
    public T Timed<T>(string what, Func<T> work)
    {
        var clock = Stopwatch.StartNew();
        var result = work();
        Error.WriteLine($"{what} in {clock.Elapsed.TotalSeconds:F2} s");
        return result;
    }

    // Synchronous, unlike Progress<T>, so lines appear in order and before the command's result.
    private sealed class Reporter(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
