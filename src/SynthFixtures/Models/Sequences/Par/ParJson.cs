using System.Text.Json;
using System.Text.Json.Serialization;
using SynthFixtures.Metadata;
using SynthFixtures.Transforms.Modes;

namespace SynthFixtures.Models.Sequences.Par;

/// <summary>The PAR model's parameter JSON, generated at compile time with the artifact header's conventions (camelCase, strict, compact).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = false,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    MaxDepth = 32,
    Converters =
    [
        typeof(CamelCaseEnumConverter<ColumnKind>), typeof(CamelCaseEnumConverter<PiiKind>),
        typeof(CamelCaseEnumConverter<SpanActivation>), typeof(CamelCaseEnumConverter<SpanRole>),
        typeof(CamelCaseEnumConverter<Metadata.Rules.CheckDigit>),
    ])]
[JsonSerializable(typeof(ParModelParameters))]
internal sealed partial class ParJson : JsonSerializerContext;
