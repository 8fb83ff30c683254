using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Neural;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Models;
using SynthFixtures.Models.Neural;
using SynthFixtures.Training.Validation;

namespace SynthFixtures.Training.Ctgan;

/// <summary>
/// Trains a CTGAN on a table end to end: fits the transformer, trains with <see cref="CtganTrainer"/>, and builds the
/// pure-C# <see cref="NeuralSynthModel"/> (kind <see cref="ModelKinds.Ctgan"/>) that <c>ModelArtifact.Save</c> writes.
/// With <see cref="CtganOptions.EarlyStopping"/> it also holds out the validation rows and scores the trainer's snapshots
/// against them by column shapes.
/// </summary>
public static class CtganSynthesizer
{
    /// <summary>Trains on <paramref name="table"/>.</summary>
    /// <param name="table">Training rows (with early stopping, its validation share is split off first and never trained on).</param>
    /// <param name="metadata">Their column kinds.</param>
    /// <param name="options">Settings; the paper's defaults when <c>null</c>.</param>
    /// <param name="progress">Receives both losses after each epoch, and the validation score on epochs early stopping checks.</param>
    /// <param name="cancellationToken">Checked before every step.</param>
    /// <exception cref="SynthDataException">The table cannot be learned (no rows, no modelled column, bad cells, too few rows to hold some out).</exception>
    /// <exception cref="OperationCanceledException">Training was cancelled.</exception>
    public static NeuralSynthModel Train(Table table, TableMetadata metadata, CtganOptions? options = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new CtganOptions();
        options.Validate();
        var input = HeldOutTraining.Prepare(ModelKinds.Ctgan, table, metadata, options.Seed, options.EarlyStopping, options.Threads, cancellationToken);
        Func<CtganModel, double>? score = input.Validator is { } validator ? candidate => validator.Score(candidate.Generator, null, candidate.Conditions, cancellationToken) : null;
        var data = input.Data;
        var trained = CtganTrainer.Train(data.Matrix, data.Rows, data.Transformer.Spans, options, progress, cancellationToken, score);
        return NeuralModelBuilder.Build(ModelKinds.Ctgan, input.Training, metadata, data.Transformer, trained.Generator, null, trained.Conditions,
            TrainingSettings.Of(options, input.Outcome(trained.EarlyStopping)), options.Seed);
    }
}
