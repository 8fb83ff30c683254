using System.Diagnostics;

namespace SynthFixtures.Cli;

/// <summary>Where commands write: results to <see cref="Out"/>, progress to <see cref="Error"/> (so piping stdout stays clean).</summary>
public sealed class CliConsole(TextWriter output, TextWriter error)
{
    /// <summary>Results.</summary>
    public TextWriter Out { get; } = output;

    /// <summary>Progress and diagnostics.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>A progress sink that prefixes lines with the elapsed time.</summary>
    public IProgress<string> Progress(string stage)
    {
        var clock = Stopwatch.StartNew();
        return new Reporter(line => Error.WriteLine($"[{clock.Elapsed.TotalSeconds,6:F2}s] {stage}: {line}"));
    }

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
