using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Models;

namespace SynthFixtures.Modeling;

/// <summary>
/// Trains a differentially private kind. The training service neither profiles nor checks the rows for it: without
/// metadata the trainer profiles privately (<see cref="PrivateProfiler"/>, paid from its budget), and cells that do not
/// parse become missing without an error, since what the service would otherwise decide or report depends on single rows.
/// </summary>
public interface IPrivateTrainer : IModelTrainer
{
    /// <summary>Fits a model to <paramref name="input"/> within its privacy budget.</summary>
    /// <exception cref="SettingException">Settings that do not fit together.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    SynthModel TrainPrivately(PrivateTrainingInput input, IProgress<TrainingUpdate>? progress, CancellationToken cancellationToken);
}

/// <summary>What a private trainer fits: the rows as read, the metadata if the user gave it, the seed and the checked settings.</summary>
/// <param name="Table">The training rows as read (missing tokens applied, nothing checked; the holdout, if any, already taken out).</param>
/// <param name="GivenMetadata">The user's metadata (public, its columns checked against the header), or <c>null</c>: profile privately.</param>
/// <param name="Seed">The training seed.</param>
/// <param name="Settings">The given settings, checked against the kind.</param>
public sealed record PrivateTrainingInput(Table Table, TableMetadata? GivenMetadata, long Seed, SettingValues Settings);
