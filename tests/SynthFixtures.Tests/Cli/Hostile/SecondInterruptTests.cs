using System.Runtime.InteropServices;
using SynthFixtures.Cli;
using SynthFixtures.Data;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Cli.Hostile;

/// <summary>
/// Two Ctrl+C while <c>sample</c> writes its CSV: whether the first one stops it cleanly or the second ends the process,
/// an earlier good file of that name is left as it was and no partial or temporary file remains.
/// </summary>
public sealed class SecondInterruptTests : IDisposable
{
    private const int SIGINT = 2;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [SkippableFact]
    public void Two_interrupts_during_sample_leave_the_earlier_file_whole_and_no_partial_file()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "SIGINT is a POSIX signal.");
        var model = _folder.File("m.synth");
        File.WriteAllBytes(model, ModelArtifact.ToBytes(GaussianCopulaFitter.Fit(MixedTestTable.Create(300), MixedTestTable.Metadata(), new GaussianCopulaOptions())));
        var target = _folder.File("out.csv");
        const string Earlier = "id,x\n1,2\n";
        File.WriteAllText(target, Earlier);

        using var process = CliProcess.Start("sample", model, "--rows", "1000000", "--out", target, "--threads", "1");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = new System.Text.StringBuilder();
        // The CLI announces the sample, then writes its rows as they are drawn into a temporary file beside the target.
        while (process.StandardError.ReadLine() is { } line)
        {
            error.AppendLine(line);
            if (line.StartsWith("Sampling ", StringComparison.Ordinal)) break;
        }
        var writing = System.Diagnostics.Stopwatch.StartNew();
        while (!process.HasExited && Directory.GetFiles(_folder.Path, ".out.csv.*.tmp").Length == 0 && writing.Elapsed < TimeSpan.FromSeconds(30))
            Thread.Sleep(10);
        _ = kill(process.Id, SIGINT);
        _ = kill(process.Id, SIGINT); // fails harmlessly if the first already ended it
        error.Append(process.StandardError.ReadToEnd());
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the CLI did not stop within 30 s of two SIGINTs; stderr:\n" + error);
        }
        process.WaitForExit();

        Assert.Equal(CliApp.Cancelled, process.ExitCode); // a clean cancel exits 130; so does death by SIGINT (128 + 2)
        Assert.DoesNotContain("   at ", error.ToString());
        Assert.DoesNotContain("Wrote", output.Result);
        Assert.Equal(Earlier, File.ReadAllText(target));
        Assert.Equal(["m.synth", "out.csv"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
