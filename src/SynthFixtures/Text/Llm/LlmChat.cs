using Microsoft.Extensions.AI;

namespace SynthFixtures.Text.Llm;

/// <summary>
/// The chat service that writes LLM columns: any <see cref="IChatClient"/> (the OpenAI-compatible and Ollama clients of
/// <c>SynthFixtures.Llm</c>, or one registered by the caller), connected only when a call is needed, so a run answered
/// entirely from the replay cache needs neither a network nor a key.
/// </summary>
public sealed class LlmChat
{
    private readonly Lazy<IChatClient> _client;

    /// <summary>Creates the service.</summary>
    /// <param name="model">The model as named in settings (e.g. <c>openai:gpt-4o-mini</c>): it keys the replay cache and the prices.</param>
    /// <param name="connect">Creates the client on the first call (it may throw a <see cref="SynthDataException"/>, e.g. for a missing key).</param>
    /// <param name="isTransient">
    /// Whether an error of this client is worth retrying (rate limit, server error, dropped connection); the
    /// framework's HTTP errors and timeouts are recognised without it.
    /// </param>
    public LlmChat(string model, Func<IChatClient> connect, Func<Exception, bool>? isTransient = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(connect);
        Model = model;
        _client = new Lazy<IChatClient>(connect, LazyThreadSafetyMode.ExecutionAndPublication);
        IsTransient = isTransient ?? (_ => false);
    }

    /// <summary>The model as named in settings.</summary>
    public string Model { get; }

    /// <summary>Whether the client was created (a call was needed).</summary>
    public bool Connected => _client.IsValueCreated;

    /// <summary>The client's own test for errors worth retrying.</summary>
    public Func<Exception, bool> IsTransient { get; }

    /// <summary>The client, created on first use.</summary>
    public IChatClient Client => _client.Value;
}
