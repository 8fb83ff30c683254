using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Models;

namespace SynthFixtures.Modeling;

/// <summary>Trains one model kind. The training service reads the data and writes the outputs; a trainer only fits.</summary>
public interface IModelTrainer
{
    /// <summary>Fits a model to <paramref name="input"/>.</summary>
    /// <exception cref="SettingException">Settings that do not fit together.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    SynthModel Train(TrainingInput input, IProgress<TrainingUpdate>? progress, CancellationToken cancellationToken);
}

/// <summary>What a trainer fits: the rows, their metadata, the seed and the checked settings.</summary>
/// <param name="Table">The training rows (the holdout, if any, already taken out).</param>
/// <param name="Metadata">The columns' metadata.</param>
/// <param name="Seed">The training seed.</param>
/// <param name="Settings">The given settings, checked against the kind.</param>
public sealed record TrainingInput(Table Table, TableMetadata Metadata, long Seed, SettingValues Settings);
