using System.Text.Json;
using SynthFixtures.Cli;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Tests.Cli;

namespace SynthFixtures.Tests.Modeling.Sequences.Private;

/// <summary><c>train --model dp-lagged-copula</c> and <c>inspect</c> through the CLI, and its refusals as exit code 2.</summary>
public sealed class DpSequenceCliTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private (string Csv, string Metadata) Panel()
    {
        var csv = _folder.File("panel.csv");
        CsvTableWriter.Write(DpPanel.Write(400), csv);
        var metadata = _folder.File("panel.meta.json");
        MetadataJson.Save(DpPanel.Metadata, metadata);
        return (csv, metadata);
    }

    [Fact]
    public void Trains_with_epsilon_and_a_declared_index_step_and_inspect_shows_the_budget()
    {
        var (csv, metadata) = Panel();
        var model = _folder.File("m.synth");
        var train = CliResult.Run("train", csv, "--model", "dp-lagged-copula", "--entity", "entity", "--sequence-index", "year", "--context", "group",
            "--metadata", metadata, "--epsilon", "3", "--index-step", "units", "--index-step-size", "1", "--max-steps", "12", "--out", model);
        Assert.True(train.ExitCode == CliApp.Success, train.Error);
        Assert.Contains("Differential privacy: (3, ", train.Output, StringComparison.Ordinal);
        var inspect = CliResult.Run("inspect", model);
        Assert.Equal(CliApp.Success, inspect.ExitCode);
        Assert.Contains("Privacy:      (3, ", inspect.Output, StringComparison.Ordinal);
        Assert.Contains("one entity's whole sequence", inspect.Output, StringComparison.Ordinal);
        Assert.Contains("latent correlation", inspect.Output, StringComparison.Ordinal);
        Assert.Contains("context: one-way marginals", inspect.Output, StringComparison.Ordinal);
        Assert.Contains("SHA-256 of content withheld", inspect.Output, StringComparison.Ordinal);
        var sample = _folder.File("s.csv");
        Assert.Equal(CliApp.Success, CliResult.Run("sample", model, "--entities", "20", "--seed", "1", "--out", sample).ExitCode);
        Assert.Equal(20, CsvTableReader.Read(sample).Column("entity").Distinct().Count());

        var json = System.Text.Json.JsonDocument.Parse(CliResult.Run("inspect", model, "--json").Output).RootElement;
        Assert.Equal(3, json.GetProperty("privacy").GetProperty("targetEpsilon").GetDouble(), 6);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("index").GetProperty("trends").ValueKind);

        // Step conditions are post-processing of the private model: met on every entity, with no further budget.
        var conditioned = _folder.File("c.csv");
        var run = CliResult.Run("sample", model, "--entities", "20", "--seed", "1", "--step-condition", "first:reading>=0", "--out", conditioned);
        Assert.True(run.ExitCode == CliApp.Success, run.Error);
        var table = CsvTableReader.Read(conditioned);
        var firstRows = Enumerable.Range(0, table.RowCount).Where(r => r == 0 || table[r, table.IndexOf("entity")] != table[r - 1, table.IndexOf("entity")]).ToList();
        Assert.Equal(20, firstRows.Count);
        Assert.All(firstRows, r => Assert.True(double.Parse(table[r, table.IndexOf("reading")]!, System.Globalization.CultureInfo.InvariantCulture) >= 0));
    }

    [Theory]
    [InlineData(false, true, "--index-step")]
    [InlineData(true, false, "metadata given")]
    public void Refuses_what_would_be_read_outside_the_budget_with_exit_2(bool declareStep, bool giveMetadata, string expected)
    {
        var (csv, metadata) = Panel();
        var args = new List<string> { "train", csv, "--model", "dp-lagged-copula", "--entity", "entity", "--sequence-index", "year", "--epsilon", "3", "--out", _folder.File("m.synth") };
        if (declareStep) args.AddRange(["--index-step", "units"]);
        if (giveMetadata) args.AddRange(["--metadata", metadata]);
        var result = CliResult.Run([.. args]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("m.synth")));
    }
}
