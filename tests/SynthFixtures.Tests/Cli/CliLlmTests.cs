using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Tests.Text.Llm;
using SynthFixtures.Text.Llm;
using Xunit.Abstractions;

namespace SynthFixtures.Tests.Cli;

/// <summary>
/// <c>sample --llm</c>: the committed example run replays from its cache with no network and the same bytes each time
/// (what CI runs), a locked miss, the OpenAI path against a loopback server with a budget stop, and bad input exiting 2.
/// </summary>
public sealed class CliLlmTests : IDisposable
{
    private const int ExampleRows = 20;
    private readonly TempFolder _folder = new();
    private readonly string _model;
    private readonly string _data;

    private readonly ITestOutputHelper _log;

    public CliLlmTests(ITestOutputHelper log)
    {
        _log = log;
        _data = _folder.File("reviews.csv");
        CsvTableWriter.Write(ReviewTestTable.Create(), _data);
        var metadata = _folder.File("reviews.metadata.json");
        MetadataJson.Save(ReviewTestTable.Metadata(), metadata);
        _model = _folder.File("m.synth");
        var train = CliResult.Run("train", _data, "--metadata", metadata, "--out", _model, "--seed", "3");
        Assert.True(train.ExitCode == 0, train.Error);
    }

    public void Dispose() => _folder.Dispose();

    private static string ReplayFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SynthFixtures.sln")))
                return Path.Combine(dir.FullName, "tests", "SynthFixtures.Tests", "Text", "Llm", "Replay", name);
        throw new InvalidOperationException("The repository root (SynthFixtures.sln) was not found above the test binaries.");
    }

    private CliResult SampleExample(string output, int rows = ExampleRows, string mode = "locked") =>
        CliResult.Run("sample", _model, "--rows", rows.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", _folder.File(output), "--seed", "11",
            "--llm-config", ReplayFile("reviews-llm.json"), "--replay", ReplayFile("reviews-llm-cache.json"), "--replay-mode", mode);

    [Fact]
    public void The_committed_example_replays_with_no_network_and_the_same_bytes_twice()
    {
        var cacheBefore = File.ReadAllBytes(ReplayFile("reviews-llm-cache.json"));
        var first = SampleExample("a.csv");
        Assert.True(first.ExitCode == 0, first.Error);
        var second = SampleExample("b.csv");
        Assert.True(second.ExitCode == 0, second.Error);
        _log.WriteLine(first.Error + first.Output);

        Assert.Equal(File.ReadAllBytes(_folder.File("a.csv")), File.ReadAllBytes(_folder.File("b.csv")));
        Assert.Equal(cacheBefore, File.ReadAllBytes(ReplayFile("reviews-llm-cache.json")));
        Assert.Contains($"Review Text: {ExampleRows} of {ExampleRows} cells written; 0 calls, {2 * ExampleRows} replayed;", first.Error);
        Assert.Contains("spent in this run: 0 tokens, 0 USD", first.Error);
        var record = LlmRunRecordJson.Read(_folder.File("a.run.json"));
        Assert.True(record.Complete);
        Assert.Equal((0, 2 * ExampleRows), (record.Total.Calls, record.Total.ReplayedCalls));
        Assert.True(record.Total.Cost > 0m);
        Assert.Equal(ExampleRows, record.RowUsage.Count);
        var reviews = CsvTableReader.Read(_folder.File("a.csv")).Column("Review Text");
        Assert.All(reviews, r => Assert.False(string.IsNullOrWhiteSpace(r)));
        Assert.Equal(ExampleRows, reviews.Distinct().Count());
    }

    [Fact]
    public void A_locked_cache_miss_exits_2_naming_the_row_the_column_and_the_cache()
    {
        var result = SampleExample("more.csv", rows: ExampleRows + 5);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"no response for row {ExampleRows + 1} of column 'Review Text'", result.Error);
        Assert.Contains("reviews-llm-cache.json", result.Error);
        Assert.False(File.Exists(_folder.File("more.csv")));
    }

    [Fact]
    public void The_OpenAI_path_records_a_cache_and_a_budget_stop_says_how_far_it_got()
    {
        using var server = new LoopbackChatServer { Answer = CannedReviewer.Answer };
        var cache = _folder.File("cache.json");
        var result = CliResult.Run("sample", _model, "--rows", "40", "--out", _folder.File("s.csv"), "--seed", "11",
            "--llm", "openai:gpt-4o-mini", "--llm-endpoint", server.OpenAiEndpoint, "--llm-column", "Review Text",
            "--llm-prompt", "Write a {Rating}-star customer review of a {Class Name}.", "--replay", cache,
            "--llm-budget-tokens", "500", "--llm-price-input", "0.15", "--llm-price-output", "0.60");

        Assert.True(result.ExitCode == 0, result.Error);
        var record = LlmRunRecordJson.Read(_folder.File("s.run.json"));
        Assert.False(record.Complete);
        Assert.Equal("budget", record.StoppedBy);
        var column = record.Columns.Single();
        Assert.Equal(server.Requests.Count, column.Usage.Calls);
        Assert.Contains($"Warning: the LLM budget was reached at row {column.StoppedAtRow + 1}", result.Error);
        Assert.Contains($"{column.SkippedRows} cells were left empty", result.Error);
        Assert.Equal(column.Usage.Calls, LlmReplayCache.Open(cache, LlmCacheMode.Locked).Count);
    }

    [Theory]
    [InlineData(new[] { "--replay", "c.json" }, "--replay only applies with --llm or --llm-config.")]
    [InlineData(new[] { "--llm", "openai:gpt-4o-mini" }, "No LLM column is given.")]
    [InlineData(new[] { "--llm", "openai:gpt-4o-mini", "--llm-column", "Review Text", "--llm-prompt", "A {Stars} review" }, "names {Stars}, which is not a column of the sample at character 3")]
    [InlineData(new[] { "--llm", "openai:gpt-4o-mini", "--llm-column", "Review Text", "--llm-prompt", "A {Rating}-star review", "--llm-real-examples", "REAL" },
        "few-shot examples from real rows, which would send them to the LLM service")]
    [InlineData(new[] { "--llm", "openai:gpt-4o-mini", "--llm-column", "Review Text", "--llm-prompt", "A review", "--replay", "c.json", "--replay-mode", "sometimes" },
        "--replay-mode sometimes is not a mode.")]
    [InlineData(new[] { "--llm", "gpt-4o-mini", "--llm-column", "Review Text", "--llm-prompt", "A review" }, "does not say its provider and model")]
    public void Bad_LLM_options_exit_2_with_one_clear_line(string[] options, string message)
    {
        var args = new List<string> { "sample", _model, "--rows", "5", "--out", _folder.File("s.csv") };
        args.AddRange(options.Select(o => o == "REAL" ? _data : o == "c.json" ? _folder.File("c.json") : o));
        var result = CliResult.Run([.. args]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.False(File.Exists(_folder.File("s.csv")));
    }

    [Fact]
    public void Real_examples_with_the_opt_in_are_sent_as_example_turns()
    {
        using var server = new LoopbackChatServer();
        var result = CliResult.Run("sample", _model, "--rows", "2", "--out", _folder.File("s.csv"),
            "--llm", "openai:gpt-4o-mini", "--llm-endpoint", server.OpenAiEndpoint, "--llm-column", "Review Text",
            "--llm-prompt", "Write a {Rating}-star review of a {Class Name}.", "--llm-real-examples", _data, "--send-real-rows-to-llm");

        Assert.True(result.ExitCode == 0, result.Error);
        var messages = server.Requests[0]["messages"]!.AsArray();
        Assert.Equal(1 + 2 * 3 + 1, messages.Count);   // system, three real example turns, the row
        var realTexts = CsvTableReader.Read(_data).Column("Review Text").ToHashSet();
        Assert.Contains((string?)messages[2]!["content"], realTexts);
    }

    /// <summary>
    /// Records the committed example cache again (set SYNTHFIXTURES_RERECORD_LLM_EXAMPLE=1): the example run against the
    /// loopback server's canned reviewer. Needed only when the example's inputs change on purpose.
    /// </summary>
    [SkippableFact]
    public void Rerecord_the_example_cache()
    {
        Skip.If(Environment.GetEnvironmentVariable("SYNTHFIXTURES_RERECORD_LLM_EXAMPLE") != "1", "Records the committed example cache only when asked.");
        using var server = new LoopbackChatServer { Answer = CannedReviewer.Answer, CountPromptTokens = CannedReviewer.PromptTokens };
        File.Delete(ReplayFile("reviews-llm-cache.json"));
        var result = CliResult.Run("sample", _model, "--rows", ExampleRows.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", _folder.File("r.csv"),
            "--seed", "11", "--llm-config", ReplayFile("reviews-llm.json"), "--llm-endpoint", server.OpenAiEndpoint,
            "--replay", ReplayFile("reviews-llm-cache.json"), "--replay-mode", "record");
        Assert.True(result.ExitCode == 0, result.Error);
    }
}
