using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace SynthFixtures.Llm;

/// <summary>
/// Any OpenAI-compatible chat-completions service through <c>Microsoft.Extensions.AI.OpenAI</c>: the endpoint is the one
/// given, else <c>OPENAI_BASE_URL</c>, else OpenAI's own; the key is <c>OPENAI_API_KEY</c> (required for OpenAI's own
/// endpoint; another endpoint that needs none gets a placeholder). The SDK's own retries are off, since the LLM step retries
/// with its seeded backoff and counts the attempts.
/// </summary>
internal sealed class OpenAiProvider : LlmProvider
{
    public const string KeyVariable = "OPENAI_API_KEY";
    public const string EndpointVariable = "OPENAI_BASE_URL";

    public static OpenAiProvider Instance { get; } = new();

    public override IChatClient Connect(string model, Uri? endpoint, Func<string, string?> environment)
    {
        endpoint ??= environment(EndpointVariable) is { Length: > 0 } fromEnvironment ? LlmProviders.ParseEndpoint(fromEnvironment) : null;
        var key = environment(KeyVariable);
        if (string.IsNullOrWhiteSpace(key))
        {
            if (endpoint is null)
                throw new SynthDataException($"{KeyVariable} is not set, so the OpenAI model '{model}' cannot be called.",
                    hint: $"Set {KeyVariable}, point at another OpenAI-compatible endpoint, or replay from a cache that holds every response.");
            key = "no-key";
        }
        var options = new OpenAIClientOptions
        {
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            // The LLM step times each call itself; the SDK's own timeout must not cut in first.
            NetworkTimeout = TimeSpan.FromMinutes(30),
        };
        if (endpoint is not null) options.Endpoint = endpoint;
        return new ChatClient(model, new ApiKeyCredential(key), options).AsIChatClient();
    }

    public override bool IsTransient(Exception error) =>
        error is ClientResultException { Status: 0 or 408 or 409 or 429 or >= 500 };
}
