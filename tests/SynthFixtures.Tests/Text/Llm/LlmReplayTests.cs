using SynthFixtures.Modeling;
using SynthFixtures.Tests.Cli;
using SynthFixtures.Text.Llm;
using static SynthFixtures.Tests.Text.Llm.LlmTestSetup;

namespace SynthFixtures.Tests.Text.Llm;

/// <summary>
/// Record and replay through the sampling service: the second run of the same inputs is byte-identical and makes no
/// call; a locked cache's miss is an error naming row, column and file; the run record and cache are written with the sample.
/// </summary>
public sealed class LlmReplayTests : IDisposable
{
    private readonly LoopbackChatServer _server = new();
    private readonly TempFolder _folder = new();
    private readonly SynthFixtures.Models.GaussianCopula.GaussianCopulaModel _model = ReviewTestTable.Model();

    // Rows with the same rating and class get different text (the seed differs), as from a real model.
    public LlmReplayTests() => _server.Answer = (prompt, body) => $"Answer to: {prompt} #{body["seed"]}";

    public void Dispose()
    {
        _server.Dispose();
        _folder.Dispose();
    }

    private LlmTextStep Step(LlmChat chat, LlmCacheMode mode, string cache = "cache.json", int? concurrency = null) =>
        new(Request(chat) with
        {
            Cache = LlmReplayCache.Open(_folder.File(cache), mode),
            Price = new LlmPrice(0.15m, 0.60m),
            Policy = QuickPolicy with { Concurrency = concurrency ?? QuickPolicy.Concurrency },
        }, ReviewTestTable.Names, column => LlmModelFacts.WordCountQuantiles(_model, column));

    private SamplingResult Sample(LlmTextStep step, string output, int rows = 30, int? threads = null) =>
        SamplingService.Run(new SamplingRequest
        {
            Model = _model, Rows = rows, Seed = 11, OutputPath = _folder.File(output), Steps = [step],
            Options = new SynthFixtures.Sampling.SamplingOptions { MaxDegreeOfParallelism = threads, ChunkRows = 1024 },
        });

    [Fact]
    public void A_replayed_run_is_byte_identical_and_makes_no_call()
    {
        var recording = Step(OpenAi(_server), LlmCacheMode.Replay);
        Sample(recording, "first.csv");
        Assert.Equal(30, _server.Requests.Count);
        Assert.Equal(30, recording.Outcome().Total.Calls);

        var offline = Offline();
        var replaying = Step(offline, LlmCacheMode.Locked, concurrency: 1);
        Sample(replaying, "second.csv", threads: 1);

        Assert.Equal(File.ReadAllBytes(_folder.File("first.csv")), File.ReadAllBytes(_folder.File("second.csv")));
        Assert.False(offline.Connected);
        Assert.Equal(30, _server.Requests.Count);
        var record = LlmRunRecordJson.Read(_folder.File("second.run.json"));
        Assert.Equal((0, 30), (record.Total.Calls, record.Total.ReplayedCalls));
        Assert.Equal(0m, record.Total.SpentCost);
        // Replayed calls count what they cost when recorded, so both runs report the same usage and cost.
        var first = LlmRunRecordJson.Read(_folder.File("first.run.json"));
        Assert.Equal((first.Total.InputTokens, first.Total.OutputTokens, first.Total.Cost), (record.Total.InputTokens, record.Total.OutputTokens, record.Total.Cost));
        Assert.True(record.Complete);
        Assert.Equal(30, record.RowUsage.Count);
        Assert.Contains("Answer to: Write a ", File.ReadAllText(_folder.File("second.csv")));
    }

    [Fact]
    public void The_cache_file_is_sorted_by_key_and_written_the_same_each_time()
    {
        Sample(Step(OpenAi(_server), LlmCacheMode.Replay), "s.csv");
        var text = File.ReadAllText(_folder.File("cache.json"));
        var cache = LlmReplayCache.Open(_folder.File("cache.json"), LlmCacheMode.Locked);
        Assert.Equal(30, cache.Count);
        Assert.Equal(text, cache.ToJson());
        var keys = System.Text.RegularExpressions.Regex.Matches(text, "\"key\": \"([0-9a-f]{64})\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.StartsWith("{\n  \"format\": \"synthfixtures-llm-cache 1\",\n  \"entries\": [\n", text);

        // Record mode calls again even with every response cached.
        Sample(Step(OpenAi(_server), LlmCacheMode.Record), "t.csv");
        Assert.Equal(60, _server.Requests.Count);
    }

    [Fact]
    public void A_locked_cache_miss_names_the_row_the_column_and_the_cache_and_writes_nothing()
    {
        Sample(Step(OpenAi(_server), LlmCacheMode.Replay), "s.csv", rows: 5);
        var offline = Offline();

        var error = Assert.Throws<SynthDataException>(() => Sample(Step(offline, LlmCacheMode.Locked), "more.csv", rows: 8));
        Assert.Contains("The locked LLM replay cache has no response for row 6 of column 'Review Text'", error.Message);
        Assert.Equal(_folder.File("cache.json"), error.FilePath);
        Assert.Equal("Review Text", error.ColumnName);
        Assert.False(offline.Connected);
        Assert.False(File.Exists(_folder.File("more.csv")));
        Assert.False(File.Exists(_folder.File("more.run.json")));
    }

    [Fact]
    public void Cached_texts_keep_their_letters_and_replay_exactly()
    {
        _server.Answer = (prompt, body) => $"Très belle robe – j’adore, \"vraiment\" <3 #{body["seed"]}";
        Sample(Step(OpenAi(_server), LlmCacheMode.Replay), "s.csv", rows: 3);
        Assert.Contains("Très belle robe – j’adore, \\\"vraiment\\\" <3 #", File.ReadAllText(_folder.File("cache.json")));

        Sample(Step(Offline(), LlmCacheMode.Locked), "t.csv", rows: 3);
        Assert.Equal(File.ReadAllBytes(_folder.File("s.csv")), File.ReadAllBytes(_folder.File("t.csv")));
    }

    [Fact]
    public void A_locked_cache_that_does_not_exist_is_refused()
    {
        var error = Assert.Throws<SynthDataException>(() => LlmReplayCache.Open(_folder.File("none.json"), LlmCacheMode.Locked));
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void A_failed_sample_writes_no_sample_but_keeps_the_responses_it_paid_for()
    {
        // From the seventh request on the server answers 400, which is not retried: the sample fails in its second batch.
        _server.FailFrom = 6;
        var error = Assert.Throws<SynthDataException>(() => Sample(Step(OpenAi(_server), LlmCacheMode.Replay, concurrency: 1), "s.csv", rows: 12));
        Assert.Contains("row 7 of column 'Review Text' failed", error.Message);

        Assert.False(File.Exists(_folder.File("s.csv")));
        Assert.False(File.Exists(_folder.File("s.run.json")));
        Assert.Equal(6, LlmReplayCache.Open(_folder.File("cache.json"), LlmCacheMode.Locked).Count);

        // The rerun replays the six paid responses and calls only for the rest.
        _server.FailFrom = null;
        var before = _server.Requests.Count;
        var rerun = Step(OpenAi(_server), LlmCacheMode.Replay);
        Sample(rerun, "s.csv", rows: 12);
        Assert.Equal((6, 6), (rerun.Outcome().Total.Calls, rerun.Outcome().Total.ReplayedCalls));
        Assert.Equal(before + 6, _server.Requests.Count);
    }

    [Fact]
    public void A_cancelled_sample_writes_nothing_and_keeps_the_responses_it_paid_for()
    {
        using var cancel = new CancellationTokenSource();
        var answered = 0;
        _server.Answer = (prompt, body) =>
        {
            if (Interlocked.Increment(ref answered) == 5) cancel.Cancel();
            return $"Answer to: {prompt} #{body["seed"]}";
        };
        var step = Step(OpenAi(_server), LlmCacheMode.Replay, concurrency: 1);
        Assert.ThrowsAny<OperationCanceledException>(() => SamplingService.Run(new SamplingRequest
        {
            Model = _model, Rows = 30, Seed = 11, OutputPath = _folder.File("s.csv"), Steps = [step],
        }, cancel.Token));

        Assert.False(File.Exists(_folder.File("s.csv")));
        Assert.False(File.Exists(_folder.File("s.run.json")));
        var kept = LlmReplayCache.Open(_folder.File("cache.json"), LlmCacheMode.Locked).Count;
        Assert.InRange(kept, 4, 5);
        Assert.True(_server.Requests.Count < 30, "the calls after the cancellation were not made");
    }

    [Fact]
    public void Any_thread_count_and_concurrency_give_the_same_bytes()
    {
        Sample(Step(OpenAi(_server), LlmCacheMode.Replay, "a.json", concurrency: 1), "one.csv", rows: 40, threads: 1);
        Sample(Step(OpenAi(_server), LlmCacheMode.Replay, "b.json", concurrency: 4), "four.csv", rows: 40, threads: 2);
        Assert.Equal(File.ReadAllBytes(_folder.File("one.csv")), File.ReadAllBytes(_folder.File("four.csv")));
        Assert.Equal(File.ReadAllText(_folder.File("a.json")), File.ReadAllText(_folder.File("b.json")));
    }

    [Fact]
    public void A_budget_stop_still_writes_the_sample_with_a_record_that_says_it_is_incomplete()
    {
        var step = new LlmTextStep(Request(OpenAi(_server)) with { Budget = new LlmBudget(MaxTokens: 100) }, ReviewTestTable.Names);
        Sample(step, "s.csv", rows: 10);

        var record = LlmRunRecordJson.Read(_folder.File("s.run.json"));
        Assert.False(record.Complete);
        Assert.Equal("budget", record.StoppedBy);
        Assert.Equal(4L, record.Columns.Single().StoppedAtRow);
        Assert.Equal(6, record.Columns.Single().SkippedRows);
        var lines = File.ReadAllLines(_folder.File("s.csv"));
        Assert.Equal(11, lines.Length);
        Assert.All(lines.Skip(5), line => Assert.EndsWith(",", line));
    }
}
