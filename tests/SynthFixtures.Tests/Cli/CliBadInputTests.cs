using SynthFixtures.Cli;
using SynthFixtures.Data;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Cli;

/// <summary>Bad input exits with code 2 and a message that says where and what to do; never a stack trace.</summary>
public sealed class CliBadInputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static void AssertBadInput(CliResult result, params string[] expected)
    {
        Assert.Equal(CliApp.BadInput, result.ExitCode);
        foreach (var text in expected) Assert.Contains(text, result.Error);
        Assert.DoesNotContain("   at ", result.Error); // no stack trace
    }

    [Fact]
    public void A_ragged_csv_names_file_line_and_column()
    {
        var csv = _folder.File("ragged.csv");
        File.WriteAllText(csv, "a,b,c\n1,2,3\n4,5\n");
        AssertBadInput(CliResult.Run("train", csv, "--out", _folder.File("m.synth")), "ragged.csv", "(3,", "Hint:");
        AssertBadInput(CliResult.Run("profile", csv), "ragged.csv(3,");
    }

    [Fact]
    public void A_missing_file_is_bad_input() =>
        AssertBadInput(CliResult.Run("profile", _folder.File("nope.csv")), "nope.csv");

    [Fact]
    public void An_unknown_model_kind_is_bad_input()
    {
        var csv = _folder.File("d.csv");
        CsvTableWriter.Write(MixedTestTable.Create(200), csv);
        AssertBadInput(CliResult.Run("train", csv, "--model", "magic", "--out", _folder.File("m.synth")), "magic", "gaussiancopula");
    }

    [Fact]
    public void A_damaged_model_file_is_bad_input()
    {
        var model = _folder.File("bad.synth");
        File.WriteAllText(model, "not a model");
        AssertBadInput(CliResult.Run("sample", model, "--rows", "5", "--out", _folder.File("o.csv")), "bad.synth", "not a SynthFixtures model");
    }

    [Fact]
    public void Impossible_conditions_and_bad_rows_are_bad_input()
    {
        var csv = _folder.File("d.csv");
        var model = _folder.File("m.synth");
        CsvTableWriter.Write(MixedTestTable.Create(300), csv);
        Assert.Equal(0, CliResult.Run("train", csv, "--out", model).ExitCode);
        AssertBadInput(CliResult.Run("sample", model, "--rows", "5", "--out", _folder.File("o.csv"), "--condition", "group=purple"), "group=purple", "never occurs");
        AssertBadInput(CliResult.Run("sample", model, "--rows", "5", "--out", _folder.File("o.csv"), "--condition", "x"), "not of the form");
        AssertBadInput(CliResult.Run("sample", model, "--rows", "-1", "--out", _folder.File("o.csv")), "--rows");
    }

    [Fact]
    public void Command_line_mistakes_are_bad_input()
    {
        AssertBadInput(CliResult.Run("sample", "model.synth", "--out", "x.csv"), "--rows");
        AssertBadInput(CliResult.Run("frobnicate"), "frobnicate");
    }

    [Fact]
    public void Metadata_that_does_not_fit_the_csv_is_bad_input()
    {
        var csv = _folder.File("d.csv");
        CsvTableWriter.Write(MixedTestTable.Create(100), csv);
        var metadata = _folder.File("m.json");
        File.WriteAllText(metadata, """{ "columns": [ { "name": "nosuch", "kind": "integer" } ] }""");
        AssertBadInput(CliResult.Run("train", csv, "--out", _folder.File("m.synth"), "--metadata", metadata), "nosuch");
        File.WriteAllText(metadata, "{ \"columns\": [ ");
        AssertBadInput(CliResult.Run("train", csv, "--out", _folder.File("m.synth"), "--metadata", metadata), "m.json");
    }
}
