using System.Text.Json;
using SynthFixtures.Data;
using SynthFixtures.Tests.Models.DpMarginals;

namespace SynthFixtures.Tests.Cli;

/// <summary><c>train --model dp-marginals --epsilon</c> and <c>inspect --json</c>'s privacy section, through the CLI.</summary>
public sealed class CliDpMarginalsTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _csv;

    public CliDpMarginalsTests()
    {
        _csv = _folder.File("data.csv");
        CsvTableWriter.Write(DpMarginalsTestData.Create(3000), _csv);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Train_with_an_epsilon_then_inspect_shows_the_guarantee_and_the_plan()
    {
        var model = _folder.File("m.synth");
        var train = CliResult.Run("train", _csv, "--model", "dp-marginals", "--epsilon", "2", "--delta", "1e-8", "--out", model);
        Assert.Equal(0, train.ExitCode);

        var inspect = CliResult.Run("inspect", model, "--json");
        Assert.Equal(0, inspect.ExitCode);
        using var json = JsonDocument.Parse(inspect.Output);
        var privacy = json.RootElement.GetProperty("privacy");
        Assert.Equal(2, privacy.GetProperty("epsilon").GetDouble(), 6);
        Assert.Equal(1e-8, privacy.GetProperty("delta").GetDouble(), 15);
        var steps = privacy.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        // No metadata was given: the kinds were bought from the budget first.
        Assert.Equal(["column kinds", "bins and labels", "one-way marginals", "tree selection", "two-way marginals", "second-parent selection", "three-way marginals"], steps);

        var text = CliResult.Run("inspect", model);
        Assert.Contains("Privacy:", text.Output);
        Assert.Contains("Tree (parent → child)", text.Output);

        var synthetic = _folder.File("s.csv");
        Assert.Equal(0, CliResult.Run("sample", model, "--rows", "500", "--out", synthetic).ExitCode);
        Assert.Equal(500, CsvTableReader.Read(synthetic).RowCount);
    }

    [Fact]
    public void Given_metadata_is_public_and_costs_nothing_and_bad_cells_do_not_stop_a_private_fit()
    {
        var metadata = _folder.File("meta.json");
        SynthFixtures.Metadata.MetadataJson.Save(DpMarginalsTestData.Metadata(), metadata);
        // One size in ten is a word: the metadata says integer, which the checked path refuses above 5 %.
        var table = DpMarginalsTestData.Create(3000);
        var damaged = _folder.File("damaged.csv");
        CsvTableWriter.Write(new Table(table.ColumnNames,
            table.ColumnNames.Select(n => n == "size" ? table.Column(n).Select((c, r) => r % 10 == 0 ? "lots" : c).ToArray() : table.Column(n).ToArray()).ToArray()), damaged);
        var model = _folder.File("m.synth");
        var train = CliResult.Run("train", damaged, "--metadata", metadata, "--model", "dp-marginals", "--epsilon", "2", "--delta", "1e-8", "--out", model);
        Assert.Equal(0, train.ExitCode);
        using var json = JsonDocument.Parse(CliResult.Run("inspect", model, "--json").Output);
        var privacy = json.RootElement.GetProperty("privacy");
        Assert.DoesNotContain("column kinds", privacy.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Contains(privacy.GetProperty("public").EnumerateArray(), f => f.GetString()!.StartsWith("the column metadata as given", StringComparison.Ordinal));
        Assert.Equal(2, CliResult.Run("train", damaged, "--metadata", metadata, "--model", "gaussiancopula", "--out", _folder.File("c.synth")).ExitCode);
    }

    [Fact]
    public void A_delta_above_one_over_the_rows_exits_2_with_the_reason()
    {
        var result = CliResult.Run("train", _csv, "--model", "dp-marginals", "--epsilon", "1", "--delta", "0.01", "--out", _folder.File("m.synth"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("1/rows", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }
}
