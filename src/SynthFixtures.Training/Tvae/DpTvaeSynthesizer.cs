using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Neural;
using SynthFixtures.Models;
using SynthFixtures.Models.Neural;
using SynthFixtures.Privacy;
using SynthFixtures.Training.Validation;

namespace SynthFixtures.Training.Tvae;

/// <summary>
/// Trains DP-TVAE on a table end to end: fits the transformer, plans the privacy spend (<see cref="DpSgdPlan"/>),
/// trains with <see cref="DpTvaeTrainer"/>, and builds a <see cref="NeuralSynthModel"/> of kind
/// <see cref="ModelKinds.Tvae"/> (sampling is TVAE's) whose training settings record the options and the plan.
/// </summary>
/// <remarks>
/// The guarantee covers the network training only. The transformer's fit (mode-specific normalisation, category lists)
/// and the ranges and generated-column recipes <see cref="NeuralModelBuilder"/> measures still read the raw rows
/// outside the budget; docs/differential-privacy.md lists them.
/// </remarks>
public static class DpTvaeSynthesizer
{
    /// <summary>Trains on <paramref name="table"/>.</summary>
    /// <exception cref="SynthDataException">The table cannot be learned, δ is not below 1/rows, or the target ε cannot be reached.</exception>
    public static NeuralSynthModel Train(Table table, TableMetadata metadata, DpTvaeOptions? options = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new DpTvaeOptions { Privacy = new DpSgdOptions { Epsilon = 3 } };
        options.Validate();
        var network = options.Network;
        var data = NeuralTrainingData.Prepare(table, metadata, network.Seed, cancellationToken: cancellationToken);
        var privacy = options.Privacy;
        var plan = DpSgdPlan.For(data.Rows, network.BatchSize, network.Epochs, privacy.Epsilon, privacy.NoiseMultiplier, privacy.Delta, privacy.MaxGradNorm);
        var trained = DpTvaeTrainer.Train(data.Matrix, data.Rows, data.Transformer.Spans, network, plan, progress, cancellationToken, privacy.NoiseSeed);
        return NeuralModelBuilder.Build(ModelKinds.Tvae, table, metadata, data.Transformer, trained.Decoder, trained.Sigmas, null,
            TrainingSettings.OfPrivate(options, plan), network.Seed);
    }
}
