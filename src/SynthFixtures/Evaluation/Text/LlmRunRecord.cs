using System.Text.Json;
using System.Text.Json.Serialization;
using SynthFixtures.Text.Llm;

namespace SynthFixtures.Evaluation.Text;

/// <summary>
/// Reads the per-column LLM usage from a run record JSON file for the evaluation's text section: either an object
/// with an <c>llmUsage</c> array (the run record sampling writes beside the sample) or a bare array of usage records;
/// each record in <see cref="LlmUsage"/>'s shape with camelCase names.
/// </summary>
public static class LlmRunRecord
{
    /// <summary>The usage records of the file at <paramref name="path"/>.</summary>
    /// <exception cref="SynthDataException">The file is not JSON of either shape.</exception>
    public static IReadOnlyList<LlmUsage> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = File.ReadAllText(path);
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            JsonElement records;
            if (root.ValueKind == JsonValueKind.Array) records = root;
            else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("llmUsage", out var usage) && usage.ValueKind == JsonValueKind.Array) records = usage;
            else throw Malformed(path, "it has no 'llmUsage' array");
            var list = new List<LlmUsage>();
            foreach (var record in records.EnumerateArray())
            {
                var usageRecord = record.Deserialize(LlmRunRecordJsonContext.Default.LlmUsage) ?? throw Malformed(path, "a usage record is null");
                if (string.IsNullOrEmpty(usageRecord.Column)) throw Malformed(path, "a usage record names no column");
                list.Add(usageRecord);
            }
            return list;
        }
        catch (JsonException error)
        {
            throw Malformed(path, error.Message);
        }
    }

    private static SynthDataException Malformed(string path, string why) =>
        new($"The LLM run record is not readable: {why}.", path,
            hint: "Give the run record JSON that sampling wrote beside the sample (an object with an 'llmUsage' array).")
        {
            Settings = [SettingNames.LlmUsage],
        };
}

/// <summary>LLM usage records as the run record spells them: camelCase.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(LlmUsage))]
internal sealed partial class LlmRunRecordJsonContext : JsonSerializerContext;
