using Microsoft.Extensions.AI;
using SynthFixtures.Generators.Tests.Fixtures;
using SynthFixtures.Text.Llm;

namespace SynthFixtures.Generators.Tests.Runtime;

/// <summary>
/// The language-model writer for typed prompted properties, over an in-process chat client: each object's text is the
/// model's answer to its own prompt, and a locked replay of the recorded cache gives the same objects with no call.
/// </summary>
public sealed class LlmTypedTextWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("synthfixtures-typed-llm-").FullName;

    /// <summary>Answers "about: &lt;prompt&gt; #seed" and counts its calls; 10 input and 5 output tokens each.</summary>
    private sealed class EchoModel : IChatClient
    {
        private int _calls;

        public int Calls => _calls;

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            var prompt = messages.Last(m => m.Role == ChatRole.User).Text;
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, $"about: {prompt} #{options?.Seed}"))
            {
                Usage = new UsageDetails { InputTokenCount = 10, OutputTokenCount = 5, TotalTokenCount = 15 },
            });
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
            CancellationToken cancellationToken = default) => throw new NotSupportedException("The writer asks for whole responses.");

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    private static LlmCallPolicy Quick { get; } = new() { FirstBackoff = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(2) };

    [Fact]
    public void Each_object_gets_the_models_answer_to_its_own_prompt_and_a_locked_replay_gives_the_same_objects_without_a_call()
    {
        var cachePath = Path.Combine(_folder, "typed.llm-cache.json");
        var model = new EchoModel();
        var recording = new LlmTypedTextWriter(new LlmChat("echo:model", () => model), LlmReplayCache.Open(cachePath, LlmCacheMode.Replay), Quick);

        var first = Review.Synth.WithSeed(5).WithTextWriter(recording).Take(12).ToList();

        Assert.All(first, r => Assert.StartsWith($"about: A {r.Rating}-star review of {r.Garment} posted on {r.Posted:yyyy-MM-dd}", r.Body));
        Assert.True(model.Calls >= 12, $"{model.Calls} calls");
        Assert.True(File.Exists(cachePath));
        var usage = Assert.Single(recording.Usage, u => u.Column == "Body");
        Assert.Equal(12, usage.Rows);
        Assert.Equal(12 * 10, usage.InputTokens);

        var offline = new LlmChat("echo:model", () => throw new InvalidOperationException("A locked replay must not call the model."));
        var replaying = new LlmTypedTextWriter(offline, LlmReplayCache.Open(cachePath, LlmCacheMode.Locked), Quick);
        var second = Review.Synth.WithSeed(5).WithTextWriter(replaying).Take(12).ToList();

        Assert.Equal(first.Select(r => (r.Body, r.Title)), second.Select(r => (r.Body, r.Title)));
    }

    [Fact]
    public void A_locked_cache_without_the_answer_is_an_error_naming_the_property()
    {
        var cachePath = Path.Combine(_folder, "empty.llm-cache.json");
        LlmReplayCache.Open(cachePath, LlmCacheMode.Replay).Save();
        var writer = new LlmTypedTextWriter(new LlmChat("echo:model", () => new EchoModel()), LlmReplayCache.Open(cachePath, LlmCacheMode.Locked), Quick);

        var error = Assert.Throws<SynthDataException>(() => Review.Synth.WithSeed(5).WithTextWriter(writer).Take(3).ToList());

        Assert.Contains("Body", error.Message + error.ColumnName, StringComparison.Ordinal);
    }

    [Fact]
    public void A_spent_budget_stops_with_an_error_instead_of_a_missing_text()
    {
        var writer = new LlmTypedTextWriter(new LlmChat("echo:model", () => new EchoModel()), policy: Quick with { BatchRows = 2 }, budget: new LlmBudget(MaxTokens: 20));

        var error = Assert.Throws<SynthDataException>(() => Review.Synth.WithSeed(5).WithTextWriter(writer).Take(16).ToList());

        Assert.Contains("budget", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
