namespace SynthFixtures.Training;

/// <summary>Reported once per epoch by a trainer.</summary>
/// <param name="Epoch">Epochs finished, from 1.</param>
/// <param name="Epochs">Epochs planned.</param>
/// <param name="Loss">The epoch's mean training loss per row (for TVAE: reconstruction plus KL).</param>
public sealed record TrainingProgress(int Epoch, int Epochs, double Loss);
