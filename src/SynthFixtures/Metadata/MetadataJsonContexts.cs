using System.Text.Json;
using System.Text.Json.Serialization;

namespace SynthFixtures.Metadata;

/// <summary>
/// How <see cref="MetadataJson"/> and <see cref="Relational.RelationalMetadataJson"/> write metadata, generated at compile time: camelCase names, enums as camelCase
/// strings, two-space indentation and <c>'\n'</c> line ends (identical metadata, identical bytes), nulls left out.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    IndentSize = 2,
    NewLine = "\n",
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CamelCaseEnumConverter<ColumnKind>), typeof(CamelCaseEnumConverter<PiiKind>)])]
[JsonSerializable(typeof(TableMetadata))]
[JsonSerializable(typeof(Relational.RelationalMetadataOutput))]
internal sealed partial class MetadataWriteJson : JsonSerializerContext;

/// <summary>
/// How <see cref="MetadataJson"/> and <see cref="Relational.RelationalMetadataJson"/> read a hand-editable file into <see cref="MetadataDocument"/>, generated at compile
/// time: comments and trailing commas allowed, names matched case-insensitively, an unknown property (a misspelt
/// <c>"dateTimeFormt"</c>) an error rather than ignored.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(MetadataDocument))]
[JsonSerializable(typeof(Relational.RelationalMetadataDocument))]
internal sealed partial class MetadataReadJson : JsonSerializerContext;
