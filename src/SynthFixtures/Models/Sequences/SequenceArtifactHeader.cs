using System.Text.Json;
using System.Text.Json.Serialization;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Sequences;

namespace SynthFixtures.Models.Sequences;

/// <summary>The JSON header of a sequence model file: the sequence's shape, the recipes, and the lengths of the two models' bytes in the payload.</summary>
internal sealed record SequenceArtifactHeader
{
    public required int FormatVersion { get; init; }
    public required string Producer { get; init; }
    public required string StepKind { get; init; }
    public required SequenceMetadata Sequence { get; init; }
    public required TableMetadata Metadata { get; init; }
    public required SequenceContextLayout Context { get; init; }
    public required SequenceIndexRecipe Index { get; init; }
    public required IReadOnlyList<EntityKeyRecipe> EntityKeys { get; init; }
    public required ModelProvenance Provenance { get; init; }
    public required int SourceEntities { get; init; }

    /// <summary>The step covariates the step model was trained with; left out (files before them read as none) when there are none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Transforms.Sequences.StepCovariates? Covariates { get; init; }

    /// <summary>The privacy plan of an entity-level differentially private model; absent (old bytes unchanged) otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Privacy.PrivacyPlan? Privacy { get; init; }

    /// <summary>The generated per-step columns' recipes; left out (files before them read as none) when there are none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Sampling.Generated.GeneratedColumnSpec>? Generated { get; init; }

    /// <summary>The context model's <c>.synth</c> bytes start the payload; the step model's follow.</summary>
    public required long ContextModelLength { get; init; }
    public required long StepModelLength { get; init; }
}

/// <summary>The sequence header's JSON, generated at compile time: camelCase names and enums, no type names read from the file, unknown properties refused.</summary>
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
        typeof(CamelCaseEnumConverter<ColumnKind>), typeof(CamelCaseEnumConverter<PiiKind>), typeof(CamelCaseEnumConverter<SequenceIndexKind>),
        typeof(CamelCaseEnumConverter<Transforms.Sequences.SequenceStepKind>), typeof(CamelCaseEnumConverter<EntityKeyShape>),
        typeof(CamelCaseEnumConverter<Metadata.Rules.CheckDigit>), typeof(CamelCaseEnumConverter<Transforms.Sequences.StepCycle>),
    ])]
[JsonSerializable(typeof(SequenceArtifactHeader))]
internal sealed partial class SequenceArtifactJson : JsonSerializerContext;
