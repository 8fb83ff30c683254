using SynthFixtures.Cli;
using SynthFixtures.Data;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Cli;

/// <summary>
/// The CLI references SynthFixtures.Training for <c>train --model tvae|ctgan</c>, privately: this test project gets
/// neither it nor TorchSharp, so the copula workflow passing here shows it never needs them.
/// </summary>
public sealed class CliTorchIsolationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Copula_training_sampling_and_evaluation_never_load_torchsharp()
    {
        var csv = _folder.File("d.csv");
        CsvTableWriter.Write(MixedTestTable.Create(200), csv);
        Assert.Equal(CliApp.Success, CliResult.Run("train", csv, "--out", _folder.File("m.synth")).ExitCode);
        Assert.Equal(CliApp.Success, CliResult.Run("sample", _folder.File("m.synth"), "--rows", "50", "--out", _folder.File("s.csv")).ExitCode);
        Assert.Equal(CliApp.Success, CliResult.Run("evaluate", csv, _folder.File("s.csv")).ExitCode);
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name is "TorchSharp" or "SynthFixtures.Training");
    }

    [Fact]
    public void Epochs_are_refused_for_the_copula()
    {
        var csv = _folder.File("d.csv");
        CsvTableWriter.Write(MixedTestTable.Create(50), csv);
        var result = CliResult.Run("train", csv, "--epochs", "5", "--out", _folder.File("m.synth"));
        Assert.Equal(CliApp.BadInput, result.ExitCode);
        Assert.Contains("--epochs applies to tvae, ctgan, dp-tvae and dp-ctgan only, not to --model gaussiancopula", result.Error);
    }
}
