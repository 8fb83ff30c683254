using System.Text.Json;
using System.Text.Json.Serialization;
using SynthFixtures.Metadata;

namespace SynthFixtures.Models.Artifacts;

/// <summary>
/// The self-describing part of a <c>.synth</c> file: what kind of model, for which schema, trained how and on what.
/// Model parameters travel as a JSON element that the kind's own codec reads and validates.
/// </summary>
internal sealed record ArtifactHeader
{
    public required int FormatVersion { get; init; }
    public required string ModelKind { get; init; }
    public required string Producer { get; init; }
    public required TableMetadata Metadata { get; init; }
    public required ModelProvenance Provenance { get; init; }
    public required JsonElement TrainingSettings { get; init; }
    public required JsonElement Parameters { get; init; }

    /// <summary>A differentially private model's guarantee and budget; absent for other models.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Privacy.PrivacyPlan? Privacy { get; init; }

    /// <summary>The learned text models (format version 2 on); absent when every free-text column is generated.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ArtifactTextModel>? TextModels { get; init; }

    /// <summary>
    /// The rules the model keeps (format version 3 on): <see cref="Metadata"/> is then the inner model's transformed
    /// table, and these say how its rows become the user's. Absent for a model without rules.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Rules.KeptRules? Rules { get; init; }
}

/// <summary>One learned text model in the header: its parameters, and where its weights lie in the payload.</summary>
internal sealed record ArtifactTextModel
{
    public required string Kind { get; init; }
    public required string Column { get; init; }
    public required JsonElement Parameters { get; init; }

    /// <summary>Where its weights start, counted from the payload's first byte (after the tabular model's weights).</summary>
    public required long PayloadOffset { get; init; }

    /// <summary>Bytes of its weights.</summary>
    public required long PayloadLength { get; init; }
}
