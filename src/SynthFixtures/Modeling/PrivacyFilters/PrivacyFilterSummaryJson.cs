using System.Text.Json;
using System.Text.Json.Serialization;
using SynthFixtures.Data.Files;

namespace SynthFixtures.Modeling.PrivacyFilters;

/// <summary>
/// The privacy filter summary as JSON (<c>&lt;sample&gt;.privacy-filter.json</c> beside a filtered sample), read back by
/// the evaluation to show what was filtered.
/// </summary>
public static class PrivacyFilterSummaryJson
{
    /// <summary>The summary as indented JSON with <c>'\n'</c> line ends.</summary>
    public static string Write(PrivacyFilterSummary summary) =>
        JsonSerializer.Serialize(summary, PrivacyFilterJsonContext.Default.PrivacyFilterSummary) + "\n";

    /// <summary>Reads a summary written by <see cref="Write"/>.</summary>
    /// <exception cref="SynthDataException">The file is missing, unreadable or not such a summary.</exception>
    public static PrivacyFilterSummary Read(string path)
    {
        var bytes = InputFiles.ReadAllBytes(path, "privacy filter summary");
        try
        {
            return JsonSerializer.Deserialize(bytes, PrivacyFilterJsonContext.Default.PrivacyFilterSummary)
                ?? throw new JsonException("The file holds null.");
        }
        catch (JsonException e)
        {
            throw new SynthDataException($"This is not a privacy filter summary: {e.Message}", path, (int?)e.LineNumber + 1,
                hint: "Give the .privacy-filter.json file that 'sample' wrote beside a filtered sample.");
        }
    }

    /// <summary>Where the summary of a sample written to <paramref name="samplePath"/> goes by default: beside it, <c>s.csv</c> → <c>s.privacy-filter.json</c>.</summary>
    public static string DefaultPathFor(string samplePath) =>
        Path.Combine(Path.GetDirectoryName(samplePath) ?? "", Path.GetFileNameWithoutExtension(samplePath) + ".privacy-filter.json");
}

/// <summary>camelCase, indented, strict on reading (unknown properties refused).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    IndentSize = 2,
    NewLine = "\n",
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(PrivacyFilterSummary))]
internal sealed partial class PrivacyFilterJsonContext : JsonSerializerContext;
