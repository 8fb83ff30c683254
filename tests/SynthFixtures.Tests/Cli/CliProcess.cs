using System.Diagnostics;

namespace SynthFixtures.Tests.Cli;

/// <summary>
/// Runs the built CLI (src/SynthFixtures.Cli/bin/&lt;Configuration&gt;/net10.0) in its own process. For what this test
/// project cannot do in process: train tvae/ctgan (libtorch's native files are only in the CLI's own output, and
/// loading TorchSharp here would void <see cref="CliTorchIsolationTests"/>), and receive a real SIGINT.
/// </summary>
internal static class CliProcess
{
    private const string EnvPath = "/usr/bin/env";

    /// <summary>The CLI assembly built alongside these tests (this project references the CLI, so it is built first).</summary>
    public static string Assembly
    {
        get
        {
            // The test binaries live in tests/SynthFixtures.Tests/bin/<Configuration>/net10.0/.
            var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = bin.Parent!.Name;
            for (var dir = bin; dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "SynthFixtures.sln")))
                    return Path.Combine(dir.FullName, "src", "SynthFixtures.Cli", "bin", configuration, "net10.0", "SynthFixtures.Cli.dll");
            throw new InvalidOperationException("The repository root (SynthFixtures.sln) was not found above the test binaries.");
        }
    }

    /// <summary>
    /// Starts <c>dotnet exec SynthFixtures.Cli.dll args…</c> with both streams redirected. On Linux it goes through
    /// <c>env --default-signal=INT</c>: a shell without job control starts background commands with SIGINT ignored, the
    /// child inherits that, and .NET leaves an ignored SIGINT ignored, so a test run from such a shell (a CI script
    /// started with <c>&amp;</c>) would send Ctrl+C to a process that cannot receive it. <c>env</c> execs in place, so
    /// the process id is the CLI's.
    /// </summary>
    public static Process Start(params string[] args)
    {
        string[] command = ["dotnet", "exec", Assembly, .. args];
        if (OperatingSystem.IsLinux() && File.Exists(EnvPath)) command = [EnvPath, "--default-signal=INT", .. command];
        var start = new ProcessStartInfo(command[0], command[1..])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        return Process.Start(start)!;
    }

    /// <summary>Runs to the end (at most two minutes) and returns the exit code and both streams.</summary>
    public static CliResult Run(params string[] args)
    {
        using var process = Start(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2))) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        return new CliResult(process.ExitCode, output.Result, error.Result);
    }
}
