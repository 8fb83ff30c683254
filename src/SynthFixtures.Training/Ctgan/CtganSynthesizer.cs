using System.Text.Json;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Models;
using SynthFixtures.Models.Neural;

namespace SynthFixtures.Training.Ctgan;

/// <summary>
/// Trains a CTGAN on a table end to end: fits the transformer, trains with <see cref="CtganTrainer"/>, and builds the
/// pure-C# <see cref="NeuralSynthModel"/> (kind <see cref="ModelKinds.Ctgan"/>) that <c>ModelArtifact.Save</c> writes.
/// </summary>
public static class CtganSynthesizer
{
    /// <summary>Trains on <paramref name="table"/>.</summary>
    /// <param name="table">Training rows.</param>
    /// <param name="metadata">Their column kinds.</param>
    /// <param name="options">Settings; the paper's defaults when <c>null</c>.</param>
    /// <param name="progress">Receives both losses after each epoch.</param>
    /// <param name="cancellationToken">Checked before every step.</param>
    /// <exception cref="SynthDataException">The table cannot be learned (no rows, no modelled column, bad cells).</exception>
    /// <exception cref="OperationCanceledException">Training was cancelled.</exception>
    public static NeuralSynthModel Train(Table table, TableMetadata metadata, CtganOptions? options = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new CtganOptions();
        options.Validate();
        var data = NeuralTrainingData.Prepare(table, metadata, options.Seed, cancellationToken: cancellationToken);
        var trained = CtganTrainer.Train(data.Matrix, data.Rows, data.Transformer.Spans, options, progress, cancellationToken);
        return NeuralModelBuilder.Build(ModelKinds.Ctgan, table, metadata, data.Transformer, trained.Generator, null, trained.Conditions,
            JsonSerializer.SerializeToElement(options, NeuralTrainingData.SettingsJson), options.Seed);
    }
}
