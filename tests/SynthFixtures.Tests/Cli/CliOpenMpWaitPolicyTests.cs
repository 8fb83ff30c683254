using System.Diagnostics;
using SynthFixtures.Data;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Cli;

/// <summary>
/// The trainer makes libtorch's OpenMP threads sleep instead of spin while idle (so training survives a busy
/// machine), unless the user chose a policy. Seen from outside: libgomp prints the settings it initialised with
/// when <c>OMP_DISPLAY_ENV=VERBOSE</c>, and the passive policy is the one with a spin count of zero (libtorch's
/// default spins 300,000 times).
/// </summary>
public sealed class CliOpenMpWaitPolicyTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public CliOpenMpWaitPolicyTests() => CsvTableWriter.Write(MixedTestTable.Create(60, seed: 3), _folder.File("d.csv"));

    public void Dispose() => _folder.Dispose();

    [SkippableFact]
    public void Training_starts_libtorch_with_the_passive_wait_policy()
    {
        var settings = TrainAndReadOpenMpSettings(userPolicy: null);
        Assert.Contains("OMP_WAIT_POLICY = 'PASSIVE'", settings);
        Assert.Contains("GOMP_SPINCOUNT = '0'", settings);
    }

    [SkippableFact]
    public void A_wait_policy_the_user_set_is_kept()
    {
        var settings = TrainAndReadOpenMpSettings(userPolicy: "ACTIVE");
        Assert.Contains("OMP_WAIT_POLICY = 'ACTIVE'", settings);
        Assert.DoesNotContain("GOMP_SPINCOUNT = '0'", settings);
    }

    /// <summary>Trains a one-epoch TVAE with libgomp's settings display on; its display lines.</summary>
    private string TrainAndReadOpenMpSettings(string? userPolicy)
    {
        var start = new ProcessStartInfo("dotnet", ["exec", CliProcess.Assembly, "train", _folder.File("d.csv"), "--model", "tvae", "--epochs", "1", "--out", _folder.File("m.synth")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["OMP_DISPLAY_ENV"] = "VERBOSE";
        start.Environment.Remove("OMP_WAIT_POLICY");
        if (userPolicy is not null) start.Environment["OMP_WAIT_POLICY"] = userPolicy;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2))) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error.Result);
        var display = string.Join('\n', (output.Result + "\n" + error.Result).Split('\n').Where(l => l.Contains("OMP_") || l.Contains("GOMP_")));
        Skip.If(display.Length == 0, "this libtorch's OpenMP runtime does not display its settings (not libgomp)");
        return display;
    }
}
