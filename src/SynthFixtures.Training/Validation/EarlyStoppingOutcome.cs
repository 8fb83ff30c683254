namespace SynthFixtures.Training.Validation;

/// <summary>What early stopping did in one run; the artifact's training settings record it as <c>earlyStoppingResult</c>.</summary>
/// <param name="KeptEpoch">The epoch whose weights the model has (the best check); the last epoch trained when no check ran.</param>
/// <param name="ValidationScore">That check's column-shapes score; <c>null</c> when no check ran (zero epochs).</param>
/// <param name="EpochsTrained">Epochs run before training ended.</param>
/// <param name="StoppedEarly">Whether patience ran out before the epoch limit.</param>
/// <param name="Checks">Quality checks run.</param>
/// <param name="ValidationRows">Rows held out and scored against (set by the synthesizer, which split them off).</param>
public sealed record EarlyStoppingOutcome(int KeptEpoch, double? ValidationScore, int EpochsTrained, bool StoppedEarly, int Checks, int? ValidationRows = null);
