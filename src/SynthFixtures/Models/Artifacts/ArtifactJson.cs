using System.Text.Json;
using System.Text.Json.Serialization;
using SynthFixtures.Metadata;
using SynthFixtures.Models.DpMarginals;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Models.GaussianCopula.Marginals;
using SynthFixtures.Models.Neural;
using SynthFixtures.Sampling.Generated;
using SynthFixtures.Transforms.Modes;

namespace SynthFixtures.Models.Artifacts;

/// <summary>
/// The JSON of the artifact header, generated at compile time (no reflection when a model is read or written):
/// camelCase names and enums, no polymorphic type names (loading never instantiates a type named by the file), strict
/// about trailing commas, comments and unknown properties, compact, deterministic output. Every enum the header holds
/// needs its <see cref="CamelCaseEnumConverter{TEnum}"/> here, or it would be written as a number
/// (a test walks the header's types to catch one left out).
/// </summary>
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
        typeof(CamelCaseEnumConverter<MarginalFamily>), typeof(CamelCaseEnumConverter<GeneratorKind>),
        typeof(CamelCaseEnumConverter<LayerKind>), typeof(CamelCaseEnumConverter<Activation>),
        typeof(CamelCaseEnumConverter<SpanActivation>), typeof(CamelCaseEnumConverter<SpanRole>),
        typeof(CamelCaseEnumConverter<Metadata.Rules.CheckDigit>),
    ])]
[JsonSerializable(typeof(ArtifactHeader))]
[JsonSerializable(typeof(Rules.KeptRules))]
[JsonSerializable(typeof(GaussianCopulaOptions))]
[JsonSerializable(typeof(GaussianCopulaCodec.Parameters), TypeInfoPropertyName = "GaussianCopulaParameters")]
[JsonSerializable(typeof(NeuralModelCodec.Parameters), TypeInfoPropertyName = "NeuralParameters")]
[JsonSerializable(typeof(DpMarginalsOptions))]
[JsonSerializable(typeof(DpMarginalsCodec.Parameters), TypeInfoPropertyName = "DpMarginalsParameters")]
[JsonSerializable(typeof(Sequences.LaggedCopula.LaggedCopulaCodec.Parameters), TypeInfoPropertyName = "LaggedCopulaParameters")]
[JsonSerializable(typeof(Sequences.Par.ParModelParameters), TypeInfoPropertyName = "ParParameters")]
[JsonSerializable(typeof(NetworkLayout))]
[JsonSerializable(typeof(ModeSpecificTransformerParameters))]
[JsonSerializable(typeof(ModeNormalizerParameters))]
internal sealed partial class ArtifactJson : JsonSerializerContext;
