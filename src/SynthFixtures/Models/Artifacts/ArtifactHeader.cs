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
}
