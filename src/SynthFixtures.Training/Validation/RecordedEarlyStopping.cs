using SynthFixtures.Modeling.Neural;
using System.Text.Json;

namespace SynthFixtures.Training.Validation;

/// <summary>Early stopping as a neural artifact's training settings record it: what was asked and what it did.</summary>
/// <param name="Options">The early-stopping settings the model was trained with.</param>
/// <param name="Outcome">What early stopping did in that run.</param>
public sealed record RecordedEarlyStopping(EarlyStoppingOptions Options, EarlyStoppingOutcome Outcome)
{
    /// <summary>Reads early stopping from a neural model's training settings; <c>null</c> when it was off.</summary>
    /// <param name="trainingSettings">The settings (<c>NeuralSynthModel.TrainingSettings</c>).</param>
    /// <exception cref="JsonException">The settings name early stopping but do not have its shape.</exception>
    public static RecordedEarlyStopping? From(JsonElement trainingSettings)
    {
        if (trainingSettings.ValueKind != JsonValueKind.Object) return null;
        var part = trainingSettings.Deserialize(TrainingJson.Default.EarlyStoppingPart);
        return part is { EarlyStopping: { } options, EarlyStoppingResult: { } outcome } ? new RecordedEarlyStopping(options, outcome) : null;
    }

    /// <summary>The two properties of the settings that concern early stopping (the trainer's other options are skipped).</summary>
    internal sealed record Part(EarlyStoppingOptions? EarlyStopping, EarlyStoppingOutcome? EarlyStoppingResult);
}
