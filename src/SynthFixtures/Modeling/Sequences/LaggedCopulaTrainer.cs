using SynthFixtures.Models.Sequences;
using SynthFixtures.Models.Sequences.LaggedCopula;

namespace SynthFixtures.Modeling.Sequences;

/// <summary>Fits a <see cref="LaggedCopulaStepModel"/>; its steps are reported as <see cref="TrainingStage.Fitting"/> lines.</summary>
public sealed class LaggedCopulaTrainer : ISequenceStepTrainer
{
    /// <inheritdoc />
    /// <exception cref="SettingException">A setting is unknown or out of range.</exception>
    public ISequenceStepModel Train(SequenceStepTrainingInput input, IProgress<TrainingUpdate>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var values = SettingValues.Parse(LaggedCopulaKind.Instance, input.Settings, LaggedCopulaKind.Catalog);
        var options = LaggedCopulaKind.Instance.Options(values, input.Seed);
        var lines = progress is null ? null : new Lines(progress);
        return LaggedCopulaFitter.Fit(input.Data, input.StepColumns, input.ContextColumns, options, lines, cancellationToken,
            input.Covariates, input.CovariateCount);
    }

    /// <summary>The decoder the sequence artifact calls for this kind's bytes.</summary>
    public static ISequenceStepModel Decode(ReadOnlySpan<byte> bytes, string? source) => LaggedCopulaStepModel.FromBytes(bytes, source);

    private sealed class Lines(IProgress<TrainingUpdate> progress) : IProgress<string>
    {
        public void Report(string value) => progress.Report(new TrainingUpdate(TrainingStage.Fitting, value));
    }
}
