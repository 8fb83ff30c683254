using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Neural;
using SynthFixtures.Models;
using SynthFixtures.Models.Neural;
using SynthFixtures.Privacy;
using SynthFixtures.Training.Privacy;
using SynthFixtures.Training.Validation;

namespace SynthFixtures.Training.Tvae;

/// <summary>
/// Trains DP-TVAE on a table end to end: plans the privacy spend (<see cref="DpSgdPlan"/>: the preprocessing's noisy
/// counts and DP-SGD in one RDP account, together the target ε), measures the preprocessing
/// (<see cref="PrivatePreprocessing"/>), fits the transformer from those measurements alone, trains with
/// <see cref="DpTvaeTrainer"/>, and builds a <see cref="NeuralSynthModel"/> of kind <see cref="ModelKinds.Tvae"/>
/// (sampling is TVAE's) whose ranges and missing rates come from the same measurements and whose training settings
/// record the options and the plan. The rows are read only by the noisy measurements and by DP-SGD.
/// </summary>
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
        NeuralTrainingData.Check(table, metadata);
        var privacy = options.Privacy;
        var plan = DpSgdPlans.For(options, table.RowCount, PrivatePreprocessing.Steps(metadata)) with { Public = PrivatePreprocessing.PublicFacts("rows", privacy.NoiseSeed) };
        // The noise, the batches and the initial weights come from a secret seed, not the public training seed (SecretSeed).
        var secret = privacy.NoiseSeed ?? SecretSeed.Draw();
        var statistics = PrivatePreprocessing.Measure(table, metadata, plan, secret, unitRows: 1, cancellationToken);
        var data = NeuralTrainingData.PreparePrivate(table, metadata, statistics, network.Seed, cancellationToken);
        var trained = DpTvaeTrainer.Train(data.Matrix, data.Rows, data.Transformer.Spans, network, plan, progress, cancellationToken, secret);
        return NeuralModelBuilder.BuildPrivate(ModelKinds.Tvae, table, metadata, statistics, data.Transformer, trained.Decoder, trained.Sigmas, null,
            TrainingSettings.OfPrivate(options, plan), network.Seed);
    }
}
