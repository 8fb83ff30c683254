using Microsoft.Extensions.AI;
using OllamaSharp;
using OllamaSharp.Models.Exceptions;

namespace SynthFixtures.Llm;

/// <summary>An Ollama server through OllamaSharp: the endpoint is the one given, else <c>OLLAMA_HOST</c>, else http://localhost:11434.</summary>
internal sealed class OllamaProvider : LlmProvider
{
    public const string EndpointVariable = "OLLAMA_HOST";
    public static readonly Uri DefaultEndpoint = new("http://localhost:11434");

    public static OllamaProvider Instance { get; } = new();

    public override IChatClient Connect(string model, Uri? endpoint, Func<string, string?> environment)
    {
        endpoint ??= environment(EndpointVariable) is { Length: > 0 } host
            ? LlmProviders.ParseEndpoint(host.Contains("://", StringComparison.Ordinal) ? host : "http://" + host)
            : DefaultEndpoint;
        // The LLM step times each call itself; HttpClient's default 100 s must not cut in first.
        var http = new HttpClient { BaseAddress = endpoint, Timeout = Timeout.InfiniteTimeSpan };
        return new OllamaApiClient(http, model, OllamaJsonContext.Default);
    }

    // Ollama answers an overloaded server or a model still loading with an error body.
    public override bool IsTransient(Exception error) => error is OllamaException { Message: var m } && m.Contains("overloaded", StringComparison.OrdinalIgnoreCase);
}
