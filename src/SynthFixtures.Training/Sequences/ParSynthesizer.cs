using SynthFixtures.Metadata;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Sequences;
using SynthFixtures.Models.Sequences.Par;
using SynthFixtures.Transforms.Sequences;

namespace SynthFixtures.Training.Sequences;

/// <summary>
/// Trains a PAR step model end to end: encodes the sequences (<see cref="ParTrainingData"/>), trains the GRU
/// (<see cref="ParTrainer"/>) and builds the pure-C# <see cref="ParStepModel"/> around the exported weights.
/// </summary>
public static class ParSynthesizer
{
    /// <summary>Trains on <paramref name="sequences"/>.</summary>
    /// <param name="sequences">The training sequences.</param>
    /// <param name="stepColumns">The per-step columns to learn, in output order (all modelled: numeric, datetime, categorical, boolean).</param>
    /// <param name="contextColumns">The context columns the steps are conditioned on (those not modelled are left out).</param>
    /// <param name="options">Settings (<see cref="ParOptions"/>'s defaults when <c>null</c>).</param>
    /// <param name="progress">Receives the mean loss per step after each epoch.</param>
    /// <param name="cancellationToken">Checked before every chunk.</param>
    /// <param name="covariates">
    /// Per entity, its steps' known covariates (<c>length × covariateCount</c>; calendar cycles of the index), read by
    /// the network at every step; <c>null</c> without.
    /// </param>
    /// <param name="covariateCount">Covariates per step.</param>
    /// <exception cref="SynthDataException">The sequences cannot be learned (no rows, no step column, a step column that is not modelled, bad cells).</exception>
    /// <exception cref="OperationCanceledException">Training was cancelled.</exception>
    public static ParStepModel Train(SequenceSet sequences, IReadOnlyList<ColumnMetadata> stepColumns, IReadOnlyList<ColumnMetadata> contextColumns,
        ParOptions? options = null, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default,
        IReadOnlyList<float[]>? covariates = null, int covariateCount = 0)
    {
        options ??= new ParOptions();
        options.Validate();
        var data = ParTrainingData.Prepare(sequences, stepColumns, contextColumns, options.Seed, cancellationToken, covariates, covariateCount);
        var (weights, _, stopping) = ParTrainer.Train(data, options, progress, cancellationToken);
        var (ranges, tokens) = data.ColumnFacts();
        var parameters = new ParModelParameters
        {
            Steps = data.Steps.Parameters, Context = data.Context?.Parameters, HiddenWidth = options.HiddenWidth, Layers = options.Layers,
            Ranges = ranges, MissingTokens = tokens, Covariates = data.CovariateCount, EarlyStopping = stopping,
        };
        var network = new GruNetwork(data.InputWidth, options.HiddenWidth, options.Layers, data.Layout.OutputWidth, weights);
        return new ParStepModel(parameters, network);
    }
}

/// <summary>The PAR kind's <see cref="ISequenceStepTrainer"/>: its options from the settings table, then <see cref="ParSynthesizer"/>.</summary>
public sealed class ParStepTrainer : ISequenceStepTrainer
{
    /// <inheritdoc />
    /// <exception cref="SettingException">A setting is unknown, of another kind, or out of range.</exception>
    public Models.Sequences.ISequenceStepModel Train(SequenceStepTrainingInput input, IProgress<TrainingUpdate>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var values = SettingValues.Parse(ParKind.Instance, input.Settings, ModelCatalog.Everything);
        var options = ParKind.Instance.Options(values, input.Seed);
        var model = ParSynthesizer.Train(input.Data, input.StepColumns, input.ContextColumns, options, progress is null ? null : new EpochUpdates(progress), cancellationToken,
            input.Covariates, input.CovariateCount);
        if (model.Parameters.EarlyStopping is { } stopping) progress?.Report(new TrainingUpdate(TrainingStage.Note, ParEarlyStoppingText.Describe(stopping)));
        return model;
    }
}

/// <summary>The sequence step trainers SynthFixtures.Training provides, for the sequence training service's registry.</summary>
public static class NeuralSequenceTrainers
{
    /// <summary><paramref name="trainers"/> with <see cref="ParKind"/> trained by a new <see cref="ParStepTrainer"/>.</summary>
    public static SequenceStepTrainers AddTo(SequenceStepTrainers trainers)
    {
        ArgumentNullException.ThrowIfNull(trainers);
        return trainers.With(ParKind.Instance, () => new ParStepTrainer());
    }
}
