using System.Text.Json.Serialization;
using SynthFixtures.Privacy.Audit;

namespace SynthFixtures.Cli.Commands;

/// <summary>The JSON of <c>audit --json</c>: the audit's result as the core returns it, generated at compile time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(PrivacyAuditResult))]
internal sealed partial class AuditJson : JsonSerializerContext;
