using System.Text.Json;
using SynthFixtures.Data;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Cli;

/// <summary>The CLI contract: the verbs and options of issue 2, stdout for results, stderr for progress, exit codes.</summary>
public sealed class CliWorkflowTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _csv;

    public CliWorkflowTests()
    {
        _csv = _folder.File("data.csv");
        CsvTableWriter.Write(MixedTestTable.Create(1500), _csv);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Profile_train_sample_evaluate_runs_end_to_end()
    {
        var metadata = _folder.File("m.json");
        var profile = CliResult.Run("profile", _csv, "--out", metadata);
        Assert.Equal(0, profile.ExitCode);
        Assert.Contains("Decimal", profile.Output);
        Assert.True(File.Exists(metadata));

        var model = _folder.File("model.synth");
        var train = CliResult.Run("train", _csv, "--model", "gaussiancopula", "--out", model, "--metadata", metadata, "--seed", "3");
        Assert.Equal(0, train.ExitCode);
        Assert.Contains("fit:", train.Error);          // progress on stderr
        Assert.DoesNotContain("fit:", train.Output);   // results on stdout

        var synthetic = _folder.File("synthetic.csv");
        var sample = CliResult.Run("sample", model, "--rows", "1200", "--out", synthetic, "--seed", "5", "--condition", "x>=45");
        Assert.Equal(0, sample.ExitCode);
        var rows = CsvTableReader.Read(synthetic);
        Assert.Equal(1200, rows.RowCount);
        Assert.All(rows.Column("x"), v => Assert.True(double.Parse(v!, System.Globalization.CultureInfo.InvariantCulture) >= 45));

        var report = _folder.File("report.json");
        var evaluate = CliResult.Run("evaluate", _csv, synthetic, "--metadata", metadata, "--json", report);
        Assert.Equal(0, evaluate.ExitCode);
        Assert.Contains("Overall", evaluate.Output);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        foreach (var property in new[] { "overall", "columnShapes", "columnPairTrends" })
            Assert.InRange(json.RootElement.GetProperty(property).GetDouble(), 0, 1);
        Assert.True(json.RootElement.GetProperty("columns").GetArrayLength() > 0);
        Assert.True(json.RootElement.GetProperty("pairs").GetArrayLength() > 0);
    }

    [Fact]
    public void Inspect_shows_the_audit_trail_and_how_each_column_is_modelled()
    {
        var model = _folder.File("m.synth");
        Assert.Equal(0, CliResult.Run("train", _csv, "--out", model, "--seed", "12").ExitCode);
        var result = CliResult.Run("inspect", model);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("gaussiancopula", result.Output);
        Assert.Contains("Seed:         12", result.Output);
        Assert.Contains(TableHash.Compute(CsvTableReader.Read(_csv)), result.Output);
        Assert.Contains("generated: sequence", result.Output);   // the id column
        Assert.Contains("x ~ y", result.Output);                 // the strongest dependency in the test table
    }

    [Fact]
    public void Profile_without_out_prints_editable_metadata_json()
    {
        var result = CliResult.Run("profile", _csv);
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(MixedTestTable.Names.Length, json.RootElement.GetProperty("columns").GetArrayLength());
    }

    [Fact]
    public void Training_and_sampling_twice_give_identical_files_whatever_the_threads()
    {
        var a = _folder.File("a.synth");
        var b = _folder.File("b.synth");
        Assert.Equal(0, CliResult.Run("train", _csv, "--out", a, "--seed", "9").ExitCode);
        Assert.Equal(0, CliResult.Run("train", _csv, "--out", b, "--seed", "9").ExitCode);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));

        var one = _folder.File("one.csv");
        var two = _folder.File("two.csv");
        Assert.Equal(0, CliResult.Run("sample", a, "--rows", "3000", "--out", one, "--seed", "4", "--threads", "1").ExitCode);
        Assert.Equal(0, CliResult.Run("sample", b, "--rows", "3000", "--out", two, "--seed", "4", "--threads", "2").ExitCode);
        Assert.Equal(File.ReadAllBytes(one), File.ReadAllBytes(two));
    }

    [Fact]
    public void Demo_runs_on_the_bundled_sample()
    {
        var result = CliResult.Run("demo", "--out", _folder.File("demo"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Overall", result.Output);
        foreach (var file in new[] { "patients.csv", "metadata.json", "patients.synth", "synthetic.csv", "report.json", "report.html" })
            Assert.True(File.Exists(Path.Combine(_folder.File("demo"), file)), file);
        var synthetic = CsvTableReader.Read(Path.Combine(_folder.File("demo"), "synthetic.csv"));
        var real = CsvTableReader.Read(Path.Combine(_folder.File("demo"), "patients.csv"));
        // E-mail addresses are personal data: faked, never copied, and named as not scored.
        Assert.Empty(synthetic.Column("email").Intersect(real.Column("email")));
        Assert.Contains("email (personal data)", result.Output);
        Assert.Contains("report.html", result.Output);
        var page = File.ReadAllText(Path.Combine(_folder.File("demo"), "report.html"));
        Assert.StartsWith("<!DOCTYPE html>", page);
        Assert.Contains("email (personal data)", page);
    }
}
