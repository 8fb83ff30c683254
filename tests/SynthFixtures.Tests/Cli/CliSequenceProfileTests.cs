using SynthFixtures.Cli;
using SynthFixtures.Metadata;

namespace SynthFixtures.Tests.Cli;

public sealed class CliSequenceProfileTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _csv;

    public CliSequenceProfileTests()
    {
        _csv = _folder.File("readings.csv");
        File.WriteAllText(_csv,
            "sensor,region,day,reading,status\n" +
            "s1,EU,2024-01-01,1.5,ok\n" +
            "s2,US,2024-01-01,2.5,ok\n" +
            "s1,EU,2024-01-02,1.7,ok\n" +
            "s2,US,2024-01-02,2.1,ok\n" +
            "s1,EU,2024-01-03,1.9,fail\n" +
            "s2,US,2024-01-05,2.2,ok\n");
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Profile_with_an_entity_prints_the_sequence_and_writes_it_into_the_metadata()
    {
        var metadataPath = _folder.File("m.json");

        var result = CliResult.Run("profile", _csv, "--entity", "sensor", "--sequence-index", "day", "--out", metadataPath);

        Assert.Equal(CliApp.Success, result.ExitCode);
        Assert.Contains("Sequence entity: sensor (2 entities)", result.Output);
        Assert.Contains("Sequence lengths: min 3, median 3, max 3", result.Output);
        Assert.Contains("Sequence index: day, daily", result.Output);
        Assert.Contains("Gaps: 1 gap in 1 of 2 entities, 2 steps missing", result.Output);
        Assert.Contains("  s2: 2 steps missing after 2024-01-02 (line 5)", result.Output);
        Assert.Contains("  region: constant within all 2 entities (6 rows)", result.Output);
        var metadata = MetadataJson.Load(metadataPath);
        Assert.Equal(["sensor"], metadata.Sequence!.EntityColumns);
        Assert.Equal("day", metadata.Sequence.IndexColumn);
        Assert.Equal(["region"], metadata.Sequence.ContextColumns);
        Assert.Contains("sequence context: constant within all 2 entities", metadata.Find("region")!.Evidence);
    }

    [Fact]
    public void Without_out_stdout_is_the_json_alone_and_the_summary_goes_to_stderr()
    {
        var result = CliResult.Run("profile", _csv, "--entity", "sensor", "--sequence-index", "day", "--context", "region");

        Assert.Equal(CliApp.Success, result.ExitCode);
        Assert.Equal(["region"], MetadataJson.Parse(result.Output, "stdout").Sequence!.ContextColumns);
        Assert.Contains("  region (given): given; constant within all 2 entities (6 rows)", result.Error);
    }

    [Fact]
    public void Profile_without_an_entity_writes_no_sequence_section()
    {
        var result = CliResult.Run("profile", _csv);

        Assert.Equal(CliApp.Success, result.ExitCode);
        Assert.DoesNotContain("sequence", result.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("--entity|sensr", "readings.csv(1): error: The sequence's entity column 'sensr' is not one of the columns.")]
    [InlineData("--entity|sensor|--sequence-index|reading", "readings.csv(1,4): error: The sequence index 'reading' is a decimal column")]
    [InlineData("--entity|sensor|--context|sensor", "readings.csv(1,1): error: The column 'sensor' is both a sequence entity column and its context column.")]
    [InlineData("--entity|sensor|--context|status", "readings.csv(6,5): error: The context column 'status' is not constant within the entity 's1': 'ok' on line 2 and 'fail' on line 6.")]
    [InlineData("--sequence-index|day", "--sequence-index and --context describe sequences, so they need --entity.")]
    public void Bad_sequence_options_exit_2_with_one_line_naming_file_line_and_column(string options, string expected)
    {
        var metadataPath = _folder.File("bad.json");

        var result = CliResult.Run(["profile", _csv, .. options.Split('|'), "--out", metadataPath]);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("error", StringComparison.Ordinal) || l.Contains("--entity", StringComparison.Ordinal));
        Assert.Contains(expected, line);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(File.Exists(metadataPath));
    }

    [Fact]
    public void Comma_separated_entity_columns_make_one_entity_of_several_columns()
    {
        var result = CliResult.Run("profile", _csv, "--entity", "sensor,region", "--sequence-index", "day");

        Assert.Equal(CliApp.Success, result.ExitCode);
        Assert.Equal(["sensor", "region"], MetadataJson.Parse(result.Output, "stdout").Sequence!.EntityColumns);
    }
}
