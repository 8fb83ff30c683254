using Microsoft.Extensions.AI;
using SynthFixtures.Text.Llm;

namespace SynthFixtures.Llm;

/// <summary>
/// Turns a model name such as <c>openai:gpt-4o-mini</c> or <c>ollama:llama3.2</c> into the <see cref="LlmChat"/> that
/// writes LLM columns. <c>openai</c> (any OpenAI-compatible endpoint) and <c>ollama</c> are built in; any other
/// <see cref="IChatClient"/> is added with <see cref="Register"/> under a provider name of its own.
/// </summary>
public sealed class LlmProviders
{
    private readonly Dictionary<string, LlmProvider> _providers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["openai"] = OpenAiProvider.Instance,
        ["ollama"] = OllamaProvider.Instance,
    };

    /// <summary>The provider names known, sorted.</summary>
    public IReadOnlyList<string> Names => _providers.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Adds (or replaces) a provider: <paramref name="connect"/> creates its client for a model id and an endpoint (or <c>null</c>).</summary>
    /// <param name="name">The provider name before the colon.</param>
    /// <param name="connect">Creates the client for a model and an endpoint.</param>
    /// <param name="isTransient">Which of its errors are worth retrying, beyond HTTP 429/5xx and timeouts.</param>
    public void Register(string name, Func<string, Uri?, IChatClient> connect, Func<Exception, bool>? isTransient = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(connect);
        _providers[name.Trim()] = new RegisteredProvider(connect, isTransient);
    }

    /// <summary>The chat service for <paramref name="model"/> (<c>provider:model-id</c>); the client is created on the first call.</summary>
    /// <param name="model">E.g. <c>openai:gpt-4o-mini</c>.</param>
    /// <param name="endpoint">The service's base address, or <c>null</c> for the provider's (environment variable or default).</param>
    /// <param name="environment">Reads environment variables (keys, endpoints); <c>null</c>: the process environment.</param>
    /// <exception cref="SynthDataException">A name without a provider, an unknown provider or an endpoint that is not an absolute http(s) address.</exception>
    public LlmChat Connect(string model, string? endpoint = null, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var colon = model.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == model.Length - 1)
            throw new SynthDataException($"The LLM '{model}' does not say its provider and model.",
                hint: $"Write provider:model, e.g. openai:gpt-4o-mini or ollama:llama3.2 (providers: {string.Join(", ", Names)}).");
        var providerName = model[..colon].Trim();
        var modelId = model[(colon + 1)..].Trim();
        if (!_providers.TryGetValue(providerName, out var provider))
            throw new SynthDataException($"The LLM provider '{providerName}' is not known.", hint: $"Use one of: {string.Join(", ", Names)}.");
        var address = endpoint is null ? null : ParseEndpoint(endpoint);
        var variables = environment ?? Environment.GetEnvironmentVariable;
        return new LlmChat($"{providerName.ToLowerInvariant()}:{modelId}", () => provider.Connect(modelId, address, variables), provider.IsTransient);
    }

    internal static Uri ParseEndpoint(string endpoint) =>
        Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new SynthDataException($"The LLM endpoint '{endpoint}' is not an http(s) address.", hint: "E.g. http://localhost:11434 or https://api.openai.com/v1.");

    private sealed class RegisteredProvider(Func<string, Uri?, IChatClient> connect, Func<Exception, bool>? isTransient) : LlmProvider
    {
        public override IChatClient Connect(string model, Uri? endpoint, Func<string, string?> environment) => connect(model, endpoint);

        public override bool IsTransient(Exception error) => isTransient?.Invoke(error) ?? false;
    }
}

/// <summary>One kind of chat service: how its client is created and which of its errors are transient.</summary>
internal abstract class LlmProvider
{
    public abstract IChatClient Connect(string model, Uri? endpoint, Func<string, string?> environment);

    public abstract bool IsTransient(Exception error);
}
