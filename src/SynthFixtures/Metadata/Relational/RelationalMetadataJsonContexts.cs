using System.Text.Json;
using System.Text.Json.Serialization;

namespace SynthFixtures.Metadata.Relational;

/// <summary>
/// How <see cref="RelationalMetadataJson"/> writes relational metadata, generated at compile time: camelCase names,
/// two-space indentation and <c>'\n'</c> line ends (identical metadata, identical bytes), nulls left out.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    IndentSize = 2,
    NewLine = "\n",
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RelationalMetadataOutput))]
internal sealed partial class RelationalMetadataWriteJson : JsonSerializerContext;

/// <summary>
/// How <see cref="RelationalMetadataJson"/> reads a hand-edited file, generated at compile time: comments and trailing
/// commas allowed, names matched case-insensitively, an unknown property (a misspelt <c>"parentTabel"</c>) an error.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(RelationalMetadataDocument))]
internal sealed partial class RelationalMetadataReadJson : JsonSerializerContext;
