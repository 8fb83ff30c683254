using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;
using SynthFixtures.Data.Files;

namespace SynthFixtures.Text.Llm;

/// <summary>
/// The record/replay cache of LLM responses: a JSON file, committed beside the lock file, whose entries are keyed by a
/// hash of everything that shapes a response (model, system prompt, few-shot turns and prompt, parameters, seed and
/// candidate index). With the same inputs and the cache a sample is byte-identical and needs no network. Entries are
/// kept sorted by key and written indented, so the file diffs cleanly; it is written atomically (temporary file and rename).
/// </summary>
public sealed class LlmReplayCache
{
    /// <summary>The format line of the file.</summary>
    public const string Format = "synthfixtures-llm-cache 1";

    // Texts keep their letters (é, ’) instead of \u escapes, so a diff of the cache reads like the text. The file is
    // never embedded in HTML, which is what the default escaping guards against.
    private static readonly LlmCacheJsonContext Readable = new(new JsonSerializerOptions(LlmCacheJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private readonly SortedDictionary<string, LlmCacheEntry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private bool _changed;

    private LlmReplayCache(string path, LlmCacheMode mode)
    {
        Path = path;
        Mode = mode;
    }

    /// <summary>The cache file's full path.</summary>
    public string Path { get; }

    /// <summary>How the cache is used.</summary>
    public LlmCacheMode Mode { get; }

    /// <summary>Entries held.</summary>
    public int Count
    {
        get
        {
            lock (_lock) return _entries.Count;
        }
    }

    /// <summary>Whether entries were added or replaced since the file was read.</summary>
    public bool Changed
    {
        get
        {
            lock (_lock) return _changed;
        }
    }

    /// <summary>Opens the cache at <paramref name="path"/>; a missing file is an empty cache, except in locked mode.</summary>
    /// <exception cref="SynthDataException">A locked cache that does not exist, or a file that is not a cache.</exception>
    public static LlmReplayCache Open(string path, LlmCacheMode mode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var cache = new LlmReplayCache(System.IO.Path.GetFullPath(path), mode);
        if (!File.Exists(cache.Path))
        {
            if (mode == LlmCacheMode.Locked)
                throw new SynthDataException("The locked LLM replay cache does not exist.", path,
                    hint: "Record it first (in record or replay mode, with the LLM reachable), then commit it.");
            return cache;
        }
        var bytes = InputFiles.ReadAllBytes(path, "LLM replay cache");
        LlmCacheFile file;
        try
        {
            file = JsonSerializer.Deserialize(bytes, LlmCacheJsonContext.Default.LlmCacheFile) ?? throw new JsonException("The file holds null.");
        }
        catch (JsonException e)
        {
            throw new SynthDataException($"This is not an LLM replay cache: {e.Message}", path, (int?)e.LineNumber + 1,
                hint: "Give a replay cache written by an earlier sample, or a new file name to record one.");
        }
        if (file.Format != Format)
            throw new SynthDataException($"This LLM replay cache has format '{file.Format}', not '{Format}'.", path,
                hint: "Record it again with this version.");
        foreach (var entry in file.Entries) cache._entries[entry.Key] = entry;
        return cache;
    }

    /// <summary>The cached entry for <paramref name="key"/>, or <c>null</c>.</summary>
    public LlmCacheEntry? Find(string key)
    {
        lock (_lock) return _entries.GetValueOrDefault(key);
    }

    /// <summary>Stores (or replaces) an entry.</summary>
    public void Store(LlmCacheEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            _entries[entry.Key] = entry;
            _changed = true;
        }
    }

    /// <summary>The file's text: indented JSON, entries sorted by key, <c>'\n'</c> line ends.</summary>
    public string ToJson()
    {
        lock (_lock) return JsonSerializer.Serialize(new LlmCacheFile(Format, [.. _entries.Values]), Readable.LlmCacheFile) + "\n";
    }

    /// <summary>Adds the cache file to <paramref name="files"/> (written whole with the other outputs, or not at all).</summary>
    public void AddTo(OutputFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        files.Add(Path, "LLM replay cache", path => File.WriteAllText(path, ToJson()));
    }

    /// <summary>Writes the cache file on its own, atomically.</summary>
    public void Save()
    {
        var files = new OutputFiles();
        AddTo(files);
        files.Commit();
    }

    /// <summary>The key of a call: SHA-256 (hex) over the model, every message, the parameters, the seed and the candidate index.</summary>
    public static string Key(string model, IReadOnlyList<ChatMessage> messages, ChatOptions options, int candidate)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(options);
        // Length-prefixed fields: no two different calls give the same text.
        var text = new StringBuilder();
        void Field(string name, string? value) => text.Append(name).Append(':').Append(value?.Length ?? -1).Append(':').Append(value).Append('\n');
        Field("model", model);
        foreach (var message in messages) Field(message.Role.Value, message.Text);
        Field("temperature", options.Temperature?.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        Field("max-output-tokens", options.MaxOutputTokens?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field("seed", options.Seed?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field("candidate", candidate.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>camelCase, indented, strict on reading.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    IndentSize = 2,
    NewLine = "\n",
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(LlmCacheFile))]
internal sealed partial class LlmCacheJsonContext : JsonSerializerContext;
