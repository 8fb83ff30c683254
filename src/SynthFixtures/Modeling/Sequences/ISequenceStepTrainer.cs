using SynthFixtures.Models.Sequences;
using SynthFixtures.Transforms.Sequences;

namespace SynthFixtures.Modeling.Sequences;

/// <summary>Trains one step model kind (<see cref="SequenceModelKinds"/>); the neural one is registered by SynthFixtures.Training.</summary>
public interface ISequenceStepTrainer
{
    /// <summary>Fits a step model to <paramref name="input"/>'s sequences.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ISequenceStepModel Train(SequenceStepTrainingInput input, IProgress<TrainingUpdate>? progress, CancellationToken cancellationToken);
}

/// <summary>What a step trainer fits.</summary>
/// <param name="Data">The training sequences (holdout entities already taken out).</param>
/// <param name="StepColumns">The per-step columns to learn, in output order (an irregular index's step sizes included, as a numeric column the sequence model adds).</param>
/// <param name="ContextColumns">The context columns the steps are conditioned on.</param>
/// <param name="Seed">The training seed.</param>
/// <param name="Settings">The kind's settings by name (its settings table reads them).</param>
/// <param name="Covariates">
/// Per entity of <paramref name="Data"/>, its real steps' known covariates from the index (<see cref="StepCovariates"/>),
/// step-major (<c>length × CovariateCount</c>); <c>null</c> without covariates. A model trained with them is given the
/// same covariates of the generated index when it samples.
/// </param>
/// <param name="CovariateCount">Covariates per step (0 without).</param>
public sealed record SequenceStepTrainingInput(SequenceSet Data, IReadOnlyList<Metadata.ColumnMetadata> StepColumns,
    IReadOnlyList<Metadata.ColumnMetadata> ContextColumns, long Seed, IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<float[]>? Covariates = null, int CovariateCount = 0);
