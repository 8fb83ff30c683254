using SynthFixtures.Llm;
using SynthFixtures.Text.Llm;

namespace SynthFixtures.Tests.Text.Llm;

/// <summary>Requests and steps for the LLM tests: quick retries, the loopback server's endpoints, no environment.</summary>
internal static class LlmTestSetup
{
    public const string ReviewPrompt = "Write a {Rating}-star review of a {Class Name}.";

    public static LlmCallPolicy QuickPolicy { get; } = new()
    {
        FirstBackoff = TimeSpan.FromMilliseconds(5),
        MaxBackoff = TimeSpan.FromMilliseconds(40),
        CallTimeout = TimeSpan.FromSeconds(20),
        BatchRows = 4,
        Concurrency = 3,
    };

    public static LlmChat OpenAi(LoopbackChatServer server) => new LlmProviders().Connect("openai:gpt-4o-mini", server.OpenAiEndpoint, _ => null);

    public static LlmChat Ollama(LoopbackChatServer server) => new LlmProviders().Connect("ollama:llama3.2", server.Address.ToString(), _ => null);

    /// <summary>A chat that fails the test if it is ever connected.</summary>
    public static LlmChat Offline() => new("openai:gpt-4o-mini", () => throw new InvalidOperationException("No call may be made in this test."));

    public static LlmTextColumn Review(Func<LlmTextColumn, LlmTextColumn>? change = null)
    {
        var column = new LlmTextColumn { Column = "Review Text", Prompt = ReviewPrompt, Temperature = 0.7f, MaxOutputTokens = 120 };
        return change is null ? column : change(column);
    }

    public static LlmTextRequest Request(LlmChat chat, params LlmTextColumn[] columns) => new()
    {
        Chat = chat,
        Columns = columns.Length == 0 ? [Review()] : columns,
        Seed = 11,
        Policy = QuickPolicy,
    };

    public static LlmTextStep Step(LlmTextRequest request) => new(request, ReviewTestTable.Names);
}
