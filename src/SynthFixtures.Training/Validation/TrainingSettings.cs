using System.Text.Json;
using System.Text.Json.Nodes;

namespace SynthFixtures.Training.Validation;

/// <summary>
/// The training settings an artifact records: the trainer's options as JSON and, when early stopping ran, its outcome
/// under <c>earlyStoppingResult</c> (kept epoch, its score, epochs trained, whether patience ran out, rows held out).
/// Without early stopping the JSON is exactly the options', as before early stopping existed.
/// </summary>
internal static class TrainingSettings
{
    /// <summary>The settings element for <paramref name="options"/> and the run's <paramref name="outcome"/>.</summary>
    public static JsonElement Of<TOptions>(TOptions options, EarlyStoppingOutcome? outcome)
    {
        if (outcome is null) return JsonSerializer.SerializeToElement(options, NeuralTrainingData.SettingsJson);
        var settings = JsonSerializer.SerializeToNode(options, NeuralTrainingData.SettingsJson)!.AsObject();
        settings["earlyStoppingResult"] = JsonSerializer.SerializeToNode(outcome, NeuralTrainingData.SettingsJson);
        return JsonSerializer.SerializeToElement(settings, NeuralTrainingData.SettingsJson);
    }
}
