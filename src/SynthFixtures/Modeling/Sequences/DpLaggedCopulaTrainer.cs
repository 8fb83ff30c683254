using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Models.Sequences;

namespace SynthFixtures.Modeling.Sequences;

/// <summary>
/// A step kind whose guarantee covers the whole sequence model: it fits the context model, the index and the keys
/// itself (<see cref="DpSequenceFitter"/>), so the training service hands it the rows as read rather than a step set.
/// </summary>
public interface IPrivateSequenceTrainer : ISequenceStepTrainer
{
    /// <summary>Fits the whole sequence model privately.</summary>
    /// <param name="table">The rows as read (no profiler or cell check has run on them).</param>
    /// <param name="givenMetadata">The column metadata as given; <c>null</c> when none was (refused: kinds would be read from the rows).</param>
    /// <param name="sequence">The entity, index and context columns as named.</param>
    /// <param name="settings">The step kind's settings.</param>
    /// <param name="contextSettings">The context model's settings (dp-marginals').</param>
    /// <param name="seed">The training seed.</param>
    /// <param name="progress">Receives progress lines.</param>
    /// <param name="cancellationToken">Stops the fit.</param>
    SequenceModel FitPrivately(Table table, TableMetadata? givenMetadata, SequenceMetadata sequence, SettingValues settings, SettingValues contextSettings,
        long seed, IProgress<TrainingUpdate>? progress, CancellationToken cancellationToken);
}

/// <summary>Trains <c>dp-lagged-copula</c> sequence models (<see cref="DpLaggedCopulaKind"/>).</summary>
public sealed class DpLaggedCopulaTrainer : IPrivateSequenceTrainer
{
    /// <summary>Not used: a private sequence kind is fitted whole, through <see cref="FitPrivately"/>.</summary>
    /// <exception cref="InvalidOperationException">Always: a step model alone, fitted beside a non-private context model, would carry no guarantee.</exception>
    public ISequenceStepModel Train(SequenceStepTrainingInput input, IProgress<TrainingUpdate>? progress, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"{DpLaggedCopulaKind.Name} is fitted as a whole sequence model (FitPrivately): its step model alone would carry no guarantee.");

    /// <inheritdoc />
    public SequenceModel FitPrivately(Table table, TableMetadata? givenMetadata, SequenceMetadata sequence, SettingValues settings, SettingValues contextSettings,
        long seed, IProgress<TrainingUpdate>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = DpLaggedCopulaKind.Instance.Options(settings, seed);
        return DpSequenceFitter.Fit(table, givenMetadata, sequence, options, contextSettings, progress, cancellationToken);
    }
}
