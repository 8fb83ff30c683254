using SynthFixtures.Modeling;

namespace SynthFixtures.Training;

/// <summary>A trainer's epoch reports as the training service's updates: the epoch, then its warning (if any) as a note.</summary>
internal sealed class EpochUpdates(IProgress<TrainingUpdate> progress) : IProgress<TrainingProgress>
{
    public void Report(TrainingProgress value)
    {
        progress.Report(new TrainingUpdate(TrainingStage.Epoch, Epoch: value));
        // Not a build warning (projects that treat warnings as errors would fail on a slow machine): a note.
        if (value.Warning is { } warning) progress.Report(new TrainingUpdate(TrainingStage.Note, $"Note: {warning}"));
    }
}
