using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SynthFixtures.Modeling.Neural;
using SynthFixtures.Training.Validation;

namespace SynthFixtures.Training;

/// <summary>
/// How trainers write their options into the artifact (and how they are read back), generated at compile time:
/// the web defaults (camelCase names, case-insensitive reading, other properties ignored when reading one part).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(TvaeOptions))]
[JsonSerializable(typeof(CtganOptions))]
[JsonSerializable(typeof(DpTvaeOptions))]
[JsonSerializable(typeof(DpCtganOptions))]
[JsonSerializable(typeof(SynthFixtures.Privacy.DpSgdPlan))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(EarlyStoppingOutcome))]
[JsonSerializable(typeof(RecordedEarlyStopping.Part), TypeInfoPropertyName = "EarlyStoppingPart")]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class TrainingJson : JsonSerializerContext;
