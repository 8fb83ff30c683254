using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Models;
using SynthFixtures.Models.Rules;

namespace SynthFixtures.Modeling;

/// <summary>
/// Fits a trainer's model, keeping the metadata's rules when it has any: the trainer learns the transformed table
/// (<see cref="RuleFitter"/>) and the model returned rebuilds the user's rows from its samples, whatever the kind.
/// </summary>
public static class KeptRulesTraining
{
    /// <summary>The model <paramref name="trainer"/> fits to <paramref name="table"/>, keeping <paramref name="metadata"/>'s rules.</summary>
    /// <param name="trainer">The kind's trainer; a private one fits privately (and then reads nothing for the rules beyond what its budget pays for).</param>
    /// <param name="table">The training rows (checked, or raw for a private trainer).</param>
    /// <param name="metadata">Their metadata; <c>null</c> only for a private trainer, which then profiles privately.</param>
    /// <param name="seed">The training seed.</param>
    /// <param name="settings">The checked settings.</param>
    /// <param name="progress">Training updates.</param>
    /// <param name="cancellationToken">Stops training.</param>
    /// <exception cref="SynthDataException">The data breaks a rule, or a rule cannot be kept by this kind (a private fit needs declared identifier formats).</exception>
    public static SynthModel Train(IModelTrainer trainer, Table table, TableMetadata? metadata, long seed, SettingValues settings,
        IProgress<TrainingUpdate>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(table);
        var isPrivate = trainer is IPrivateTrainer;
        if (metadata?.Rules is not { Count: > 0 })
            return Fit(trainer, table, metadata, seed, settings, progress, cancellationToken);
        var (innerTable, innerMetadata, kept) = RuleFitter.Fit(table, metadata, isPrivate);
        var inner = Fit(trainer, innerTable, innerMetadata, seed, settings, progress, cancellationToken);
        // The provenance names the user's table, not the transformed one (a private model withholds the hash either way).
        var provenance = inner.Provenance.SourceDataSha256 == ModelProvenance.WithheldHash ? inner.Provenance : ModelProvenance.Of(table, seed);
        return new RulesModel(inner, kept, provenance);
    }

    private static SynthModel Fit(IModelTrainer trainer, Table table, TableMetadata? metadata, long seed, SettingValues settings,
        IProgress<TrainingUpdate>? progress, CancellationToken cancellationToken) =>
        trainer is IPrivateTrainer privateTrainer
            ? privateTrainer.TrainPrivately(new PrivateTrainingInput(table, metadata, seed, settings), progress, cancellationToken)
            : trainer.Train(new TrainingInput(table, metadata!, seed, settings), progress, cancellationToken);
}
