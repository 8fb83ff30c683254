using System.Globalization;

namespace SynthFixtures.Models.Sequences.Par;

/// <summary>Early stopping's outcome in words, for the training summary and <c>inspect</c>.</summary>
public static class ParEarlyStoppingText
{
    /// <summary>What was held out, the kept epoch and its validation loss, and whether training stopped early.</summary>
    public static string Describe(ParEarlyStopping stopping)
    {
        ArgumentNullException.ThrowIfNull(stopping);
        var held = stopping.HeldOut == "tails"
            ? $"held out the last steps of {stopping.HeldOutEntities:N0} sequences ({stopping.HeldOutSteps:N0} steps; too few entities to hold whole ones out)"
            : $"held out {stopping.HeldOutEntities:N0} whole entities ({stopping.HeldOutSteps:N0} steps)";
        var end = stopping.StoppedEarly ? $"stopped after epoch {stopping.EpochsTrained:N0}" : $"ran all {stopping.EpochsTrained:N0} epochs";
        return string.Create(CultureInfo.InvariantCulture,
            $"Early stopping: {held}; kept the weights of epoch {stopping.KeptEpoch:N0} (validation loss {stopping.ValidationLoss:F4} per step); {end}.");
    }
}
