using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Neural;
using SynthFixtures.Models;
using SynthFixtures.Models.Neural;
using SynthFixtures.Training.Ctgan;
using SynthFixtures.Training.Text;
using SynthFixtures.Training.Tvae;
using SynthFixtures.Training.Validation;

namespace SynthFixtures.Training;

/// <summary>The TorchSharp trainers for the neural kinds, to add to a <see cref="ModelTrainers"/> registry.</summary>
public static class NeuralModelTrainers
{
    /// <summary><paramref name="trainers"/> with TVAE, CTGAN, DP-TVAE and DP-CTGAN trained here, and the learned text model's trainer.</summary>
    public static ModelTrainers AddTo(ModelTrainers trainers)
    {
        ArgumentNullException.ThrowIfNull(trainers);
        return trainers
            .With(TvaeKind.Instance.Name, () => new KindTrainer<TvaeOptions>(TvaeKind.Instance, TvaeSynthesizer.Train))
            .With(CtganKind.Instance.Name, () => new KindTrainer<CtganOptions>(CtganKind.Instance, CtganSynthesizer.Train))
            .With(DpTvaeKind.Instance.Name, () => new KindTrainer<DpTvaeOptions>(DpTvaeKind.Instance, DpTvaeSynthesizer.Train))
            .With(DpCtganKind.Instance.Name, () => new KindTrainer<DpCtganOptions>(DpCtganKind.Instance, DpCtganSynthesizer.Train))
            .WithTextTrainer(() => new LearnedTextTrainer());
    }

    /// <summary>The built-in kinds with every trainer: the copula's and these.</summary>
    public static ModelTrainers All { get; } = AddTo(ModelTrainers.Core);

    /// <summary>Trains one neural kind: its options from the settings table, its synthesizer, then what early stopping did.</summary>
    private sealed class KindTrainer<TOptions>(ModelKind<TOptions> kind,
        Func<Table, TableMetadata, TOptions?, IProgress<TrainingProgress>?, CancellationToken, NeuralSynthModel> train) : IModelTrainer
        where TOptions : class, new()
    {
        public SynthModel Train(TrainingInput input, IProgress<TrainingUpdate>? progress, CancellationToken cancellationToken)
        {
            var options = kind.Options(input.Settings, input.Seed);
            var model = train(input.Table, input.Metadata, options, Epochs(progress), cancellationToken);
            ReportEarlyStopping(model, progress);
            return model;
        }
    }

    private static EpochUpdates? Epochs(IProgress<TrainingUpdate>? progress) => progress is null ? null : new(progress);

    /// <summary>What early stopping did, from the outcome the artifact records.</summary>
    private static void ReportEarlyStopping(NeuralSynthModel model, IProgress<TrainingUpdate>? progress)
    {
        if (progress is null || RecordedEarlyStopping.From(model.TrainingSettings) is not { Options: var options, Outcome: var outcome }) return;
        var score = outcome.ValidationScore is { } s ? string.Create(CultureInfo.InvariantCulture, $" (validation column shapes {s:F4})") : "";
        var end = outcome.StoppedEarly
            ? $"stopped after epoch {outcome.EpochsTrained}, {options.Patience} check{(options.Patience == 1 ? "" : "s")} without a gain"
            : $"ran all {outcome.EpochsTrained} epochs";
        progress.Report(new TrainingUpdate(TrainingStage.Note, string.Create(CultureInfo.InvariantCulture,
            $"Early stopping: kept the weights of epoch {outcome.KeptEpoch}{score}; {end}; {outcome.ValidationRows ?? 0:N0} rows held out for validation.")));
    }
}
