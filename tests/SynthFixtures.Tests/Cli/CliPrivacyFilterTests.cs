using SynthFixtures.Data;
using SynthFixtures.Modeling.PrivacyFilters;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Cli;

/// <summary><c>sample --privacy-filter</c>: counts printed, summary written, bad input exits 2 with one clear line.</summary>
public sealed class CliPrivacyFilterTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _model;
    private readonly string _data;

    public CliPrivacyFilterTests()
    {
        _data = _folder.File("data.csv");
        CsvTableWriter.Write(MixedTestTable.Create(2500, seed: 7), _data);
        _model = _folder.File("m.synth");
        var train = CliResult.Run("train", _data, "--out", _model, "--holdout-fraction", "0.2", "--seed", "4");
        Assert.True(train.ExitCode == 0, train.Error);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_filtered_sample_reports_what_each_filter_dropped_and_writes_the_summary()
    {
        var output = _folder.File("s.csv");
        var result = CliResult.Run("sample", _model, "--rows", "1500", "--out", output, "--privacy-filter", "both",
            "--reference", _data, "--reference-split", "0.2", "--similarity-quantile", "0.1", "--threads", "1");
        Assert.True(result.ExitCode == 0, result.Error);
        var summary = PrivacyFilterSummaryJson.Read(_folder.File("s.privacy-filter.json"));
        Assert.Equal(1500, summary.Kept);
        Assert.Equal(2000, summary.ReferenceRows);   // the training side of train's split
        Assert.Equal(500, summary.HoldoutRows);
        Assert.True(summary.DroppedAsTooSimilar > 0);
        Assert.Contains($"similarity: dropped {summary.DroppedAsTooSimilar:N0} rows", result.Error);
        Assert.Contains($"outliers:   dropped {summary.DroppedAsOutliers:N0} rows", result.Error);
        Assert.Equal(1501, File.ReadAllLines(output).Length);

        // The same command with two threads writes the same bytes.
        var again = CliResult.Run("sample", _model, "--rows", "1500", "--out", _folder.File("t.csv"), "--privacy-filter", "both",
            "--reference", _data, "--reference-split", "0.2", "--similarity-quantile", "0.1", "--threads", "2");
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal(File.ReadAllBytes(output), File.ReadAllBytes(_folder.File("t.csv")));

        // The evaluation, told what was filtered, shows it in every report.
        var json = _folder.File("r.json");
        var markdown = _folder.File("r.md");
        var evaluation = CliResult.Run("evaluate", _data, output, "--holdout-fraction", "0.2", "--seed", "4",
            "--privacy-filter-summary", _folder.File("s.privacy-filter.json"), "--json", json, "--markdown", markdown);
        Assert.True(evaluation.ExitCode == 0, evaluation.Error);
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
        var filter = document.RootElement.GetProperty("privacyFilter");
        Assert.Equal(1500, filter.GetProperty("kept").GetInt64());
        Assert.Equal(summary.DroppedAsTooSimilar, filter.GetProperty("droppedAsTooSimilar").GetInt64());
        var sentence = $"the similarity filter (DCR ≤ {summary.SimilarityThreshold.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)}, the holdout's 10 % quantile) dropped {summary.DroppedAsTooSimilar:N0}";
        Assert.Contains(sentence, File.ReadAllText(markdown));
        Assert.Contains(sentence, evaluation.Output);
        // Every synthetic row is farther from the training rows than the threshold by the report's own DCR too.
        Assert.True(document.RootElement.GetProperty("privacy").GetProperty("syntheticDcr").GetProperty("zeroShare").GetDouble() == 0);
    }

    [Fact]
    public void Bad_filter_input_exits_2_with_one_line_and_writes_nothing()
    {
        var output = _folder.File("s.csv");
        string[] Sample(params string[] extra) => ["sample", _model, "--rows", "10", "--out", output, .. extra];
        var narrow = _folder.File("narrow.csv");
        File.WriteAllText(narrow, "x,group\n1.5,high\n");

        AssertBadInput(CliResult.Run(Sample("--privacy-filter", "both")), "--privacy-filter needs --reference");
        AssertBadInput(CliResult.Run(Sample("--reference", _data)), "--reference only applies with --privacy-filter");
        AssertBadInput(CliResult.Run(Sample("--privacy-filter", "closest", "--reference", _data)), "--privacy-filter closest is not a filter");
        AssertBadInput(CliResult.Run(Sample("--privacy-filter", "both", "--reference", _folder.File("missing.csv"))), "does not exist");
        AssertBadInput(CliResult.Run(Sample("--privacy-filter", "both", "--reference", narrow)), "lacks the model's columns 'y'");
        AssertBadInput(CliResult.Run(Sample("--privacy-filter", "both", "--reference", _data, "--holdout", _data)), "holdout rows are copies of reference rows");
        AssertBadInput(CliResult.Run(Sample("--privacy-filter", "both", "--reference", _data, "--outlier-quantile", "2")), "outlier quantile 2");
        AssertBadInput(CliResult.Run(Sample("--privacy-filter", "both", "--reference", _data, "--holdout", narrow, "--reference-split", "0.2")), "give one");
        Assert.False(File.Exists(output));
        Assert.False(File.Exists(_folder.File("s.privacy-filter.json")));
    }

    private static void AssertBadInput(CliResult result, string expected)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }
}
