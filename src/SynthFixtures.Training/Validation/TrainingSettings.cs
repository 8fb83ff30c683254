using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SynthFixtures.Training.Validation;

/// <summary>
/// The training settings an artifact records: the trainer's options as JSON and, when early stopping ran, its outcome
/// under <c>earlyStoppingResult</c> (kept epoch, its score, epochs trained, whether patience ran out, rows held out).
/// Without early stopping the JSON is exactly the options', as before early stopping existed.
/// <see cref="RecordedEarlyStopping.From"/> reads both back.
/// </summary>
internal static class TrainingSettings
{
    /// <summary>The settings element for <paramref name="options"/> and the run's <paramref name="outcome"/>.</summary>
    /// <exception cref="InvalidOperationException"><typeparamref name="TOptions"/> is not in <see cref="TrainingJson"/>.</exception>
    public static JsonElement Of<TOptions>(TOptions options, EarlyStoppingOutcome? outcome)
    {
        var typeInfo = TrainingJson.Default.GetTypeInfo(typeof(TOptions)) as JsonTypeInfo<TOptions>
            ?? throw new InvalidOperationException($"{typeof(TOptions).Name} is not in {nameof(TrainingJson)}: add [JsonSerializable(typeof({typeof(TOptions).Name}))].");
        if (outcome is null) return JsonSerializer.SerializeToElement(options, typeInfo);
        var settings = JsonSerializer.SerializeToNode(options, typeInfo)!.AsObject();
        settings["earlyStoppingResult"] = JsonSerializer.SerializeToNode(outcome, TrainingJson.Default.EarlyStoppingOutcome);
        return JsonSerializer.SerializeToElement(settings, TrainingJson.Default.JsonObject);
    }

    /// <summary>The settings element of a DP training: the options, and the privacy plan under <c>privacyPlan</c>.</summary>
    public static JsonElement OfPrivate<TOptions>(TOptions options, SynthFixtures.Privacy.DpSgdPlan plan)
    {
        var settings = JsonSerializer.SerializeToNode(Of(options, null), TrainingJson.Default.JsonElement)!.AsObject();
        settings["privacyPlan"] = JsonSerializer.SerializeToNode(plan, TrainingJson.Default.DpSgdPlan);
        return JsonSerializer.SerializeToElement(settings, TrainingJson.Default.JsonObject);
    }
}
