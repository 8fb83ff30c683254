using System.Text.Json.Serialization;
using SynthFixtures.Privacy;

namespace SynthFixtures.Cli.Commands;

/// <summary>What <c>inspect --json</c> prints: the audit trail, the columns, a DP model's privacy plan, and the learned text models.</summary>
internal sealed record InspectReport(string Model, string? TrainedOn, int Rows, string SourceDataSha256, long Seed,
    IReadOnlyList<InspectColumn> Columns, PrivacyPlan? Privacy)
{
    /// <summary>The learned text models; absent when every free-text column is generated.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<InspectTextModel>? TextModels { get; init; }
}

/// <summary>One column of <see cref="InspectReport"/>.</summary>
internal sealed record InspectColumn(string Name, string Kind, string Summary);

/// <summary>One learned text model of <see cref="InspectReport"/>: its column, kind, the columns it is conditioned on, and its description.</summary>
internal sealed record InspectTextModel(string Column, string Kind, IReadOnlyList<string> ContextColumns, string Summary);

/// <summary>The JSON of <see cref="InspectReport"/> and <see cref="InspectSequenceReport"/>, generated at compile time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(InspectReport))]
[JsonSerializable(typeof(InspectSequenceReport))]
internal sealed partial class InspectJson : JsonSerializerContext;
