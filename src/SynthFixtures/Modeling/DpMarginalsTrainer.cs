using SynthFixtures.Models;
using SynthFixtures.Models.DpMarginals;

namespace SynthFixtures.Modeling;

/// <summary>Fits a <see cref="DpMarginalsModel"/>; its steps are reported as <see cref="TrainingStage.Fitting"/> lines.</summary>
public sealed class DpMarginalsTrainer : IPrivateTrainer
{
    /// <inheritdoc />
    public SynthModel Train(TrainingInput input, IProgress<TrainingUpdate>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return TrainPrivately(new PrivateTrainingInput(input.Table, input.Metadata, input.Seed, input.Settings), progress, cancellationToken);
    }

    /// <inheritdoc />
    public SynthModel TrainPrivately(PrivateTrainingInput input, IProgress<TrainingUpdate>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var options = DpMarginalsKind.Instance.Options(input.Settings, input.Seed);
        var steps = progress is null ? null : new Lines(progress);
        return DpMarginalsFitter.Fit(input.Table, input.GivenMetadata, options, steps, cancellationToken);
    }

    private sealed class Lines(IProgress<TrainingUpdate> progress) : IProgress<string>
    {
        public void Report(string value) => progress.Report(new TrainingUpdate(TrainingStage.Fitting, value));
    }
}
