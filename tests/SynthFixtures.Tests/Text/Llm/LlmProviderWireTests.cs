using SynthFixtures.Text.Llm;
using static SynthFixtures.Tests.Text.Llm.LlmTestSetup;

namespace SynthFixtures.Tests.Text.Llm;

/// <summary>
/// The built-in providers end to end against a loopback server in the services' wire formats: OpenAI chat completions
/// through Microsoft.Extensions.AI.OpenAI and Ollama's /api/chat through OllamaSharp; retries on 429 and 5xx.
/// </summary>
public sealed class LlmProviderWireTests : IDisposable
{
    private readonly LoopbackChatServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public void The_OpenAI_path_writes_each_row_from_its_own_prompt_and_counts_the_usage()
    {
        var step = Step(Request(OpenAi(_server)));
        var chunk = step.Apply(ReviewTestTable.Chunk((5, "Dresses"), (1, "Knits"), (3, "Blouses")), 0, CancellationToken.None);

        Assert.Equal(["Answer to: Write a 5-star review of a Dresses.", "Answer to: Write a 1-star review of a Knits.", "Answer to: Write a 3-star review of a Blouses."],
            chunk.Column("Review Text"));
        var usage = step.Outcome().Columns.Single().Usage;
        Assert.Equal((3, 3, 0, 60L), (usage.Rows, usage.Calls, usage.ReplayedCalls, usage.InputTokens));
        Assert.Equal(3 * 9L, usage.OutputTokens);   // "Answer to: Write a 5-star review of a Dresses." is 9 words
        Assert.Equal("openai:gpt-4o-mini", usage.Model);

        var request = _server.Requests.First(r => ((string)r["messages"]![1]!["content"]!).Contains("5-star", StringComparison.Ordinal));
        Assert.Equal("gpt-4o-mini", (string?)request["model"]);
        Assert.Equal("system", (string?)request["messages"]![0]!["role"]);
        Assert.Equal(0.7, (double)request["temperature"]!, 5);
        Assert.NotNull(request["seed"]);
        // Seeds differ per row, so rows with the same prompt still get different text from a seeding service.
        Assert.Equal(3, _server.Requests.Select(r => (long)r["seed"]!).Distinct().Count());
    }

    [Fact]
    public void A_rate_limit_and_a_server_error_are_retried_and_the_call_counts_once()
    {
        _server.Failures.Enqueue(429);
        _server.Failures.Enqueue(500);
        var step = Step(Request(OpenAi(_server)));
        var chunk = step.Apply(ReviewTestTable.Chunk((4, "Dresses")), 0, CancellationToken.None);

        Assert.Equal("Answer to: Write a 4-star review of a Dresses.", chunk[0, 2]);
        Assert.Equal(3, _server.Requests.Count);
        Assert.Equal(2, _server.FailedRequests);
        Assert.Equal(1, step.Outcome().Total.Calls);
    }

    [Fact]
    public void Retries_stop_after_the_allowed_attempts_with_the_row_and_column_named()
    {
        for (var i = 0; i < 3; i++) _server.Failures.Enqueue(503);
        var step = Step(Request(OpenAi(_server)) with { Policy = QuickPolicy with { MaxAttempts = 3 } });

        var error = Assert.Throws<SynthDataException>(() => step.Apply(ReviewTestTable.Chunk((2, "Knits")), 0, CancellationToken.None));
        Assert.Contains("row 1 of column 'Review Text' failed 3 time(s)", error.Message);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public void A_bad_request_is_not_retried()
    {
        _server.Failures.Enqueue(400);
        var step = Step(Request(OpenAi(_server)));

        var error = Assert.Throws<SynthDataException>(() => step.Apply(ReviewTestTable.Chunk((2, "Knits")), 7, CancellationToken.None));
        Assert.Contains("The LLM call for row 8 of column 'Review Text' failed:", error.Message);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public void A_call_slower_than_the_timeout_is_retried_as_transient()
    {
        var slow = 1;
        _server.Answer = (prompt, _) =>
        {
            if (Interlocked.Exchange(ref slow, 0) == 1) Thread.Sleep(1500);
            return "on time";
        };
        var step = Step(Request(OpenAi(_server)) with { Policy = QuickPolicy with { CallTimeout = TimeSpan.FromMilliseconds(500) } });

        var chunk = step.Apply(ReviewTestTable.Chunk((4, "Knits")), 0, CancellationToken.None);
        Assert.Equal("on time", chunk[0, 2]);
        // The abandoned slow call may reach the server after the retry has been answered (its handler runs on the
        // thread pool), so wait for both to be recorded rather than counting at the instant the answer arrived.
        SpinWait.SpinUntil(() => _server.Requests.Count >= 2, TimeSpan.FromSeconds(10));
        Assert.True(_server.Requests.Count >= 2, $"The slow call was not retried: {_server.Requests.Count} request(s) reached the server.");
    }

    [Fact]
    public void The_Ollama_path_writes_each_row_and_reads_the_token_counts()
    {
        var step = Step(Request(Ollama(_server)));
        var chunk = step.Apply(ReviewTestTable.Chunk((5, "Dresses"), (2, "Knits")), 0, CancellationToken.None);

        Assert.Equal(["Answer to: Write a 5-star review of a Dresses.", "Answer to: Write a 2-star review of a Knits."], chunk.Column("Review Text"));
        var usage = step.Outcome().Columns.Single().Usage;
        Assert.Equal((2, 40L, 18L), (usage.Calls, usage.InputTokens, usage.OutputTokens));
        Assert.Equal("ollama:llama3.2", usage.Model);
        var request = _server.Requests[0];
        Assert.Equal("llama3.2", (string?)request["model"]);
        Assert.NotNull(request["options"]?["seed"]);
        Assert.Equal(0.7, (double)request["options"]!["temperature"]!, 5);
    }

    [Fact]
    public void An_Ollama_server_error_is_retried()
    {
        _server.Failures.Enqueue(503);
        var step = Step(Request(Ollama(_server)));
        var chunk = step.Apply(ReviewTestTable.Chunk((5, "Dresses")), 0, CancellationToken.None);

        Assert.Equal("Answer to: Write a 5-star review of a Dresses.", chunk[0, 2]);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public void An_OpenAI_model_without_a_key_for_OpenAI_itself_is_refused_on_the_first_call_only()
    {
        var chat = new SynthFixtures.Llm.LlmProviders().Connect("openai:gpt-4o-mini", endpoint: null, _ => null);
        Assert.False(chat.Connected);
        var error = Assert.Throws<SynthDataException>(() => Step(Request(chat)).Apply(ReviewTestTable.Chunk((5, "Dresses")), 0, CancellationToken.None));
        Assert.Contains("OPENAI_API_KEY is not set", error.Message);
    }

    [Theory]
    [InlineData("gpt-4o-mini", "does not say its provider")]
    [InlineData("claude:opus", "provider 'claude' is not known")]
    public void A_model_name_must_name_a_known_provider(string model, string message)
    {
        var error = Assert.Throws<SynthDataException>(() => new SynthFixtures.Llm.LlmProviders().Connect(model));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Any_chat_client_can_be_registered_under_a_provider_name()
    {
        var providers = new SynthFixtures.Llm.LlmProviders();
        providers.Register("loopback", (model, endpoint) =>
            new SynthFixtures.Llm.LlmProviders().Connect("openai:" + model, _server.OpenAiEndpoint, _ => null).Client);
        var step = Step(Request(providers.Connect("loopback:house-model")));

        Assert.Equal("Answer to: Write a 3-star review of a Knits.", step.Apply(ReviewTestTable.Chunk((3, "Knits")), 0, CancellationToken.None)[0, 2]);
        Assert.Equal("house-model", (string?)_server.Requests.Single()["model"]);
    }
}
