using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SynthFixtures.Tests.Text.Llm;

/// <summary>
/// A chat service on 127.0.0.1 that a test starts: it answers OpenAI chat completions (<c>POST /v1/chat/completions</c>)
/// and Ollama chats (<c>POST /api/chat</c>, streamed or not) in their real wire formats, usage included. The answer to a
/// request is <see cref="Answer"/> of its last user message; <see cref="Failures"/> queues error statuses served first.
/// Every request body is kept for assertions. It serves a bounded number of requests and stops on dispose.
/// </summary>
internal sealed class LoopbackChatServer : IDisposable
{
    private const int MaxRequests = 2000;
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private readonly Lock _lock = new();
    private readonly List<JsonObject> _requests = [];

    public LoopbackChatServer()
    {
        // A free port from the OS, then the listener on it (the tiny gap between the two is harmless on a test machine).
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{port}/");
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The server's base address.</summary>
    public Uri Address { get; }

    /// <summary>The OpenAI-compatible endpoint (base address + <c>v1</c>).</summary>
    public string OpenAiEndpoint => new Uri(Address, "v1").ToString();

    /// <summary>The text answered to a last user message; by default a review that names the prompt.</summary>
    public Func<string, JsonObject, string> Answer { get; set; } = (prompt, _) => $"Answer to: {prompt}";

    /// <summary>Error statuses served (with an error body) before any answer, one per request.</summary>
    public Queue<int> Failures { get; } = new();

    /// <summary>When set, requests from this 0-based index on are answered 400 (a bad request, not retried).</summary>
    public int? FailFrom { get; set; }

    /// <summary>Prompt tokens reported per request.</summary>
    public int PromptTokens { get; set; } = 20;

    /// <summary>Prompt tokens reported for a request body, when set (else <see cref="PromptTokens"/>).</summary>
    public Func<JsonObject, int>? CountPromptTokens { get; set; }

    /// <summary>Completion tokens reported per request; by default the answer's word count.</summary>
    public Func<string, int> CompletionTokens { get; set; } = text => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>The request bodies received, in order (failed ones included).</summary>
    public IReadOnlyList<JsonObject> Requests
    {
        get
        {
            lock (_lock) return [.. _requests];
        }
    }

    /// <summary>How many requests were answered with a failure status.</summary>
    public int FailedRequests { get; private set; }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task ServeAsync()
    {
        for (var served = 0; served < MaxRequests && _listener.IsListening; served++)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => Handle(context));
        }
    }

    private void Handle(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = JsonNode.Parse(reader.ReadToEnd())!.AsObject();
            int? failure;
            lock (_lock)
            {
                _requests.Add(body);
                failure = Failures.Count > 0 ? Failures.Dequeue() : _requests.Count > FailFrom ? 400 : null;
                if (failure is not null) FailedRequests++;
            }
            var path = context.Request.Url!.AbsolutePath;
            if (failure is { } status)
            {
                Write(context, status, "application/json", """{"error":{"message":"try again later","type":"server_error","code":null}}""");
                return;
            }
            var prompt = body["messages"]!.AsArray().Last(m => (string?)m!["role"] == "user")!["content"] switch
            {
                JsonValue value => (string)value!,
                JsonArray parts => string.Concat(parts.Select(p => (string?)p!["text"])),
                _ => "",
            };
            var answer = Answer(prompt, body);
            var completion = CompletionTokens(answer);
            var promptTokens = CountPromptTokens?.Invoke(body) ?? PromptTokens;
            if (path.EndsWith("/chat/completions", StringComparison.Ordinal)) WriteOpenAi(context, body, answer, promptTokens, completion);
            else if (path == "/api/chat") WriteOllama(context, body, answer, promptTokens, completion);
            else Write(context, 404, "text/plain", "not found");
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client went away (a timeout test): nothing to answer.
        }
    }

    private static void WriteOpenAi(HttpListenerContext context, JsonObject request, string answer, int promptTokens, int completion)
    {
        var response = new JsonObject
        {
            ["id"] = "chatcmpl-loopback",
            ["object"] = "chat.completion",
            ["created"] = 1733400000,
            ["model"] = (string?)request["model"],
            ["system_fingerprint"] = "fp_loopback",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = answer, ["refusal"] = null },
                ["logprobs"] = null,
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject
            {
                ["prompt_tokens"] = promptTokens,
                ["completion_tokens"] = completion,
                ["total_tokens"] = promptTokens + completion,
            },
        };
        Write(context, 200, "application/json", response.ToJsonString());
    }

    private static void WriteOllama(HttpListenerContext context, JsonObject request, string answer, int promptTokens, int completion)
    {
        JsonObject Chunk(string content, bool done)
        {
            var chunk = new JsonObject
            {
                ["model"] = (string?)request["model"],
                ["created_at"] = "2026-12-05T12:00:00.000000Z",
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
                ["done"] = done,
            };
            if (!done) return chunk;
            chunk["done_reason"] = "stop";
            chunk["total_duration"] = 1000;
            chunk["load_duration"] = 10;
            chunk["prompt_eval_count"] = promptTokens;
            chunk["prompt_eval_duration"] = 100;
            chunk["eval_count"] = completion;
            chunk["eval_duration"] = 500;
            return chunk;
        }
        var stream = (bool?)request["stream"] ?? true;
        if (!stream)
        {
            Write(context, 200, "application/json", Chunk(answer, done: true).ToJsonString());
            return;
        }
        // Streamed: one line per word, then the closing line with the counts.
        var words = answer.Split(' ');
        var lines = words.Select((w, i) => Chunk(i == 0 ? w : " " + w, done: false).ToJsonString()).Append(Chunk("", done: true).ToJsonString());
        Write(context, 200, "application/x-ndjson", string.Join("\n", lines) + "\n");
    }

    private static void Write(HttpListenerContext context, int status, string type, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        context.Response.StatusCode = status;
        context.Response.ContentType = type;
        context.Response.ContentLength64 = bytes.Length;
        context.Response.OutputStream.Write(bytes);
        context.Response.Close();
    }
}
