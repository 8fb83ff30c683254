using System.Text.Json;
using System.Text.Json.Serialization;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Relational;
using SynthFixtures.Sampling.Generated;

namespace SynthFixtures.Models.Relational;

/// <summary>The JSON header of a multi-table model file: the metadata, the plans, and where each table's model lies in the payload.</summary>
internal sealed record RelationalArtifactHeader
{
    public required int FormatVersion { get; init; }
    public required string Producer { get; init; }
    public required string ModelKind { get; init; }
    public required long Seed { get; init; }
    public required RelationalMetadata Metadata { get; init; }
    public required IReadOnlyList<RelationalTablePlan> Plans { get; init; }
    public required IReadOnlyList<RelationalArtifactModel> Models { get; init; }
}

/// <summary>Where one table's <c>.synth</c> bytes lie in the payload.</summary>
internal sealed record RelationalArtifactModel(string Table, long Offset, long Length);

/// <summary>
/// The multi-table header's JSON, generated at compile time: camelCase names and enums, no type names read from the file,
/// unknown properties skipped only where a record exposes a computed one (a foreign key's <c>isSelfReference</c>).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = false,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    MaxDepth = 32,
    Converters = [typeof(CamelCaseEnumConverter<ColumnKind>), typeof(CamelCaseEnumConverter<PiiKind>), typeof(CamelCaseEnumConverter<GeneratorKind>)])]
[JsonSerializable(typeof(RelationalArtifactHeader))]
internal sealed partial class RelationalArtifactJson : JsonSerializerContext;
