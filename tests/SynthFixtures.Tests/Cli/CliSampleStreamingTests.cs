using SynthFixtures.Cli;
using SynthFixtures.Data;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Sampling;

namespace SynthFixtures.Tests.Cli;

/// <summary><c>sample</c> streams its CSV: the whole sample's bytes, and no partial or replaced file when it fails.</summary>
public sealed class CliSampleStreamingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string TrainModel() => CliModels.TrainMixed(_folder, rows: 300);

    [Fact]
    public void The_streamed_csv_has_the_bytes_of_the_whole_sample_written_at_once()
    {
        var model = TrainModel();
        var target = _folder.File("s.csv");
        var result = CliResult.Run("sample", model, "--rows", "40000", "--out", target, "--seed", "3", "--condition", "x>=45", "--threads", "2");
        Assert.Equal(CliApp.Success, result.ExitCode);
        Assert.Contains("rows/s", result.Error, StringComparison.Ordinal);
        var whole = ModelArtifact.Load(model).Sample(40_000, 3, [Condition.Parse("x>=45")], new SamplingOptions { MaxDegreeOfParallelism = 1 });
        Assert.Equal(CsvTableWriter.WriteToString(whole.ToTable()), File.ReadAllText(target));
    }

    [Fact]
    public void A_refused_sample_leaves_an_earlier_file_and_no_temporary_file()
    {
        var model = TrainModel();
        var target = _folder.File("s.csv");
        File.WriteAllText(target, "earlier\n");
        var before = Directory.GetFiles(_folder.Path).Order(StringComparer.Ordinal).ToArray();
        foreach (var args in new[] { new[] { "--condition", "group=purple" }, ["--threads", "0"] })
        {
            var result = CliResult.Run(["sample", model, "--rows", "100", "--out", target, .. args]);
            Assert.Equal(CliApp.BadInput, result.ExitCode);
            Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
            Assert.Equal("earlier\n", File.ReadAllText(target));
            Assert.Equal(before, Directory.GetFiles(_folder.Path).Order(StringComparer.Ordinal).ToArray());
        }
    }
}
