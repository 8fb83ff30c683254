using System.Text.Json.Serialization;
using SynthFixtures.Modeling.DpPlanning;

namespace SynthFixtures.Cli.Commands;

/// <summary>The JSON <c>dp-plan --json</c> prints (<see cref="DpBudgetPlan"/>), generated at compile time; absent values are left out.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DpBudgetPlan))]
internal sealed partial class DpPlanJson : JsonSerializerContext;
