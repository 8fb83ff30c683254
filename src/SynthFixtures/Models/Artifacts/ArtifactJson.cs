using System.Text.Json;
using System.Text.Json.Serialization;

namespace SynthFixtures.Models.Artifacts;

/// <summary>
/// The JSON settings of the artifact header: camelCase names and enums, no polymorphic type names (loading never
/// instantiates a type named by the file), strict about trailing commas and comments, deterministic output.
/// </summary>
internal static class ArtifactJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        WriteIndented = false,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 32,
    };
}
