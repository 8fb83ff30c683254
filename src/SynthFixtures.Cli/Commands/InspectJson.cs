using System.Text.Json.Serialization;
using SynthFixtures.Privacy;

namespace SynthFixtures.Cli.Commands;

/// <summary>What <c>inspect --json</c> prints: the audit trail, the columns, and a DP model's privacy plan.</summary>
internal sealed record InspectReport(string Model, string? TrainedOn, int Rows, string SourceDataSha256, long Seed,
    IReadOnlyList<InspectColumn> Columns, PrivacyPlan? Privacy);

/// <summary>One column of <see cref="InspectReport"/>.</summary>
internal sealed record InspectColumn(string Name, string Kind, string Summary);

/// <summary>The JSON of <see cref="InspectReport"/>, generated at compile time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(InspectReport))]
internal sealed partial class InspectJson : JsonSerializerContext;
