using System.Text.Json.Serialization;
using OllamaSharp.Models.Chat;

namespace SynthFixtures.Llm;

/// <summary>
/// The Ollama chat messages as source-generated JSON: reflection-based JSON is off in this code base, and OllamaSharp
/// serialises through the context it is given.
/// </summary>
[JsonSerializable(typeof(ChatRequest))]
[JsonSerializable(typeof(ChatResponseStream))]
[JsonSerializable(typeof(ChatDoneResponseStream))]
internal sealed partial class OllamaJsonContext : JsonSerializerContext;
