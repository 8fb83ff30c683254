using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Neural;
using SynthFixtures.Models;
using SynthFixtures.Models.Neural;
using SynthFixtures.Privacy;
using SynthFixtures.Training.Privacy;
using SynthFixtures.Training.Validation;

namespace SynthFixtures.Training.Ctgan;

/// <summary>
/// Trains DP-CTGAN on a table end to end: plans the privacy spend (<see cref="DpSgdPlan"/>: the preprocessing's noisy
/// counts and the discriminator's DP-SGD over pac groups, one noisy release per discriminator step, in one RDP account),
/// measures the preprocessing (<see cref="PrivatePreprocessing"/>), fits the transformer and the condition vector's
/// categories and frequencies from those measurements alone, trains with <see cref="DpCtganTrainer"/>, and builds a
/// <see cref="NeuralSynthModel"/> of kind <see cref="ModelKinds.Ctgan"/> whose training settings record the options
/// and the plan.
/// </summary>
/// <remarks>
/// The preprocessing is accounted per added or removed row (each count vector has sensitivity 1), the discriminator
/// per added or removed pac group; with pac = 1 both are one row. docs/differential-privacy.md states what that means
/// for one changed row when pac &gt; 1.
/// </remarks>
public static class DpCtganSynthesizer
{
    /// <summary>Trains on <paramref name="table"/>.</summary>
    /// <exception cref="SynthDataException">The table cannot be learned, δ is not below 1/groups, or the target ε cannot be reached.</exception>
    public static NeuralSynthModel Train(Table table, TableMetadata metadata, DpCtganOptions? options = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new DpCtganOptions { Privacy = new DpSgdOptions { Epsilon = 3 } };
        options.Validate();
        var network = options.Network;
        NeuralTrainingData.Check(table, metadata);
        if (DpCtganTrainer.Groups(table.RowCount, network.Pac) < 1)
            throw new SynthDataException($"DP-CTGAN needs at least pac = {network.Pac} rows; the table has {table.RowCount}.", table.SourcePath, hint: "Lower pac or give more rows.");
        var privacy = options.Privacy;
        var plan = DpSgdPlans.For(options, table.RowCount, PrivatePreprocessing.Steps(metadata)) with { Public = PrivatePreprocessing.PublicFacts(network.Pac > 1 ? "pac groups" : "rows", privacy.NoiseSeed) };
        // The noise, the batches, the groups and the initial weights come from a secret seed, not the public training seed (SecretSeed).
        var secret = privacy.NoiseSeed ?? SecretSeed.Draw();
        var statistics = PrivatePreprocessing.Measure(table, metadata, plan, secret, network.Pac, cancellationToken);
        var data = NeuralTrainingData.PreparePrivate(table, metadata, statistics, network.Seed, cancellationToken);
        var conditions = PrivatePreprocessing.Conditions(data.Transformer, statistics);
        var trained = DpCtganTrainer.Train(data.Matrix, data.Rows, data.Transformer.Spans, network, plan, conditions, progress, cancellationToken, secret, options.GeneratorSteps,
            options.DiscriminatorDrift);
        return NeuralModelBuilder.BuildPrivate(ModelKinds.Ctgan, table, metadata, statistics, data.Transformer, trained.Generator, null, trained.Conditions,
            TrainingSettings.OfPrivate(options, plan), network.Seed);
    }
}
