using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Neural;
using SynthFixtures.Models;
using SynthFixtures.Models.Neural;
using SynthFixtures.Privacy;
using SynthFixtures.Training.Validation;

namespace SynthFixtures.Training.Ctgan;

/// <summary>
/// Trains DP-CTGAN on a table end to end: fits the transformer, plans the privacy spend over pac groups
/// (<see cref="DpSgdPlan"/>, one noisy release per discriminator step), trains with <see cref="DpCtganTrainer"/>, and
/// builds a <see cref="NeuralSynthModel"/> of kind <see cref="ModelKinds.Ctgan"/> whose training settings record the
/// options and the plan.
/// </summary>
/// <remarks>
/// The guarantee covers the discriminator's training only. The transformer's fit, the condition vector's categories
/// and the condition sampler's frequencies, and what <see cref="NeuralModelBuilder"/> measures still read the raw rows
/// outside the budget; docs/differential-privacy.md lists them.
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
        var data = NeuralTrainingData.Prepare(table, metadata, network.Seed, cancellationToken: cancellationToken);
        var groups = DpCtganTrainer.Groups(data.Rows, network.Pac);
        if (groups < 1) throw new SynthDataException($"DP-CTGAN needs at least pac = {network.Pac} rows; the table has {data.Rows}.", table.SourcePath, hint: "Lower pac or give more rows.");
        var privacy = options.Privacy;
        var plan = DpSgdPlan.For(groups, network.BatchSize / network.Pac, network.Epochs, privacy.Epsilon, privacy.NoiseMultiplier, privacy.Delta,
            privacy.MaxGradNorm, network.DiscriminatorSteps, "pac groups");
        var trained = DpCtganTrainer.Train(data.Matrix, data.Rows, data.Transformer.Spans, network, plan, progress, cancellationToken, privacy.NoiseSeed);
        return NeuralModelBuilder.Build(ModelKinds.Ctgan, table, metadata, data.Transformer, trained.Generator, null, trained.Conditions,
            TrainingSettings.OfPrivate(options, plan), network.Seed);
    }
}
