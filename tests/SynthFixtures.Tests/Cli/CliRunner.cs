using SynthFixtures.Cli;
using SynthFixtures.Data;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Cli;

/// <summary>Runs the CLI in-process and captures what it writes to each stream.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public static CliResult Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}

/// <summary>The model the <c>sample</c> tests read, trained through the CLI as a user would.</summary>
internal static class CliModels
{
    /// <summary>
    /// Writes <paramref name="rows"/> rows of <see cref="MixedTestTable"/> to d.csv in <paramref name="folder"/>, trains
    /// the default model on it into m.synth with <c>train</c>, and returns the model's path.
    /// </summary>
    public static string TrainMixed(TempFolder folder, int rows)
    {
        var csv = folder.File("d.csv");
        var model = folder.File("m.synth");
        CsvTableWriter.Write(MixedTestTable.Create(rows), csv);
        Assert.Equal(CliApp.Success, CliResult.Run("train", csv, "--out", model).ExitCode);
        return model;
    }
}

/// <summary>A fresh folder for one test's files, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"synthfixtures-{Guid.NewGuid():N}");

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder that outlives the test is harmless.
        }
    }
}
