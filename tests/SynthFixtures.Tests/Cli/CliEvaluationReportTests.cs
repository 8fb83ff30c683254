using System.Text.RegularExpressions;
using SynthFixtures.Cli;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Cli;

public class CliEvaluationReportTests
{
    /// <summary>Real rows (a key, mixed kinds) and an independent draw as "synthetic", written as CSVs with metadata.</summary>
    private static (string Real, string Synthetic, string Metadata) Files(TempFolder folder, int rows = 600)
    {
        var real = folder.File("real.csv");
        var synthetic = folder.File("synthetic.csv");
        var metadata = folder.File("metadata.json");
        CsvTableWriter.Write(MixedTestTable.Create(rows, seed: 21), real);
        CsvTableWriter.Write(MixedTestTable.Create(rows, seed: 22), synthetic);
        File.WriteAllText(metadata, MetadataJson.Serialize(MixedTestTable.Metadata()));
        return (real, synthetic, metadata);
    }

    [Fact]
    public void The_html_report_is_self_contained_and_the_markdown_and_json_have_every_section()
    {
        using var folder = new TempFolder();
        var (real, synthetic, metadata) = Files(folder);
        var html = folder.File("report.html");
        var md = folder.File("summary.md");
        var json = folder.File("report.json");

        var result = CliResult.Run("evaluate", real, synthetic, "--metadata", metadata, "--holdout-fraction", "0.25",
            "--report", html, "--markdown", md, "--json", json);

        Assert.Equal(CliApp.Success, result.ExitCode);
        var page = File.ReadAllText(html);
        Assert.StartsWith("<!DOCTYPE html>", page);
        Assert.DoesNotMatch(new Regex("""(src|href)\s*=\s*["']?\s*(https?:)?//""", RegexOptions.IgnoreCase), page);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", page, StringComparison.OrdinalIgnoreCase);
        Assert.True(Regex.Matches(page, "<svg").Count >= 6, "a chart per column, two heatmaps and the DCR histogram");
        foreach (var section in new[] { "Column distributions", "Correlations", "Diagnostics", "Privacy", "Utility", "Audit trail" })
            Assert.Contains(section, page);
        Assert.Contains(TableHash.Compute(CsvTableReader.Read(synthetic)), page);

        var summary = File.ReadAllText(md);
        Assert.Contains("| Membership inference |", summary);
        var report = File.ReadAllText(json);
        Assert.StartsWith("{\n  \"overall\":", report);
        foreach (var key in new[] { "\"columnPairTrends\"", "\"associatedPairsAsSdmetrics\"", "\"notScored\"", "\"diagnostic\"", "\"privacy\"", "\"dcrBaselineProtection\"", "\"membershipInference\"", "\"audit\"" })
            Assert.Contains(key, report);
    }

    [Fact]
    public void The_gate_rejects_a_copy_of_the_training_data_with_exit_code_3_naming_each_failing_check()
    {
        using var folder = new TempFolder();
        var (real, _, metadata) = Files(folder);

        var copy = CliResult.Run("evaluate", real, real, "--metadata", metadata, "--fail-under", "quality=0.5,newrows=0.9,dcr=0.1");
        Assert.Equal(CliApp.ThresholdFailed, copy.ExitCode);
        Assert.Contains("FAIL  newrows 0.000", copy.Output);
        Assert.Contains("FAIL  dcr 0.000", copy.Output);
        Assert.Contains("pass  quality", copy.Output);
        Assert.Contains("newrows", copy.Error);
    }

    [Fact]
    public void The_gate_passes_an_independent_sample()
    {
        using var folder = new TempFolder();
        var (real, synthetic, metadata) = Files(folder);

        var result = CliResult.Run("evaluate", real, synthetic, "--metadata", metadata, "--holdout-fraction", "0.5",
            "--fail-under", "quality=0.8,overfitting=0.8,mia=0.8");

        Assert.Equal(CliApp.Success, result.ExitCode);
        Assert.Contains("pass  mia", result.Output);
    }

    [Theory]
    [InlineData("quality")]
    [InlineData("quality=high")]
    [InlineData("quality=1.5")]
    [InlineData("nosuch=0.5")]
    [InlineData("quality=0.5,quality=0.6")]
    [InlineData("overfitting=0.5")] // needs a holdout
    public void A_malformed_or_unusable_gate_is_bad_input(string spec)
    {
        using var folder = new TempFolder();
        var (real, synthetic, metadata) = Files(folder, rows: 50);

        var result = CliResult.Run("evaluate", real, synthetic, "--metadata", metadata, "--fail-under", spec);

        Assert.Equal(CliApp.BadInput, result.ExitCode);
        Assert.Contains("--fail-under", result.Error);
    }

    [Fact]
    public void Train_and_evaluate_pick_the_same_holdout_rows_from_the_same_seed()
    {
        using var folder = new TempFolder();
        var (real, _, metadata) = Files(folder, rows: 400);
        var model = folder.File("model.synth");

        var train = CliResult.Run("train", real, "--metadata", metadata, "--out", model, "--holdout-fraction", "0.2", "--seed", "5");

        Assert.Equal(CliApp.Success, train.ExitCode);
        var holdout = CsvTableReader.Read(folder.File("model.holdout.csv"));
        Assert.Equal(80, holdout.RowCount);
        var (training, expected) = HoldoutSplit.Split(CsvTableReader.Read(real), 0.2, seed: 5);
        Assert.Equal(TableHash.Compute(expected), TableHash.Compute(holdout));
        Assert.Equal(TableHash.Compute(training), SynthFixtures.Models.Artifacts.ModelArtifact.Load(model).Provenance.SourceDataSha256);
    }

    [Fact]
    public void The_report_records_whether_the_model_was_trained_on_the_evaluated_rows()
    {
        using var folder = new TempFolder();
        var (real, _, metadata) = Files(folder, rows: 400);
        var model = folder.File("model.synth");
        var synthetic = folder.File("sampled.csv");
        var json = folder.File("report.json");
        Assert.Equal(0, CliResult.Run("train", real, "--metadata", metadata, "--out", model, "--holdout-fraction", "0.2").ExitCode);
        Assert.Equal(0, CliResult.Run("sample", model, "--rows", "300", "--out", synthetic).ExitCode);

        var result = CliResult.Run("evaluate", real, synthetic, "--metadata", metadata, "--holdout-fraction", "0.2", "--model", model, "--json", json);

        Assert.Equal(CliApp.Success, result.ExitCode);
        Assert.Contains("\"trainedOnEvaluatedData\": true", File.ReadAllText(json));
    }
}
