using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Neural;
using SynthFixtures.Models.Neural;
using SynthFixtures.Randomness;
using SynthFixtures.Training.Networks;
using SynthFixtures.Training.Optimisation;
using SynthFixtures.Training.Validation;
using SynthFixtures.Transforms.Modes;
using TorchSharp;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Ctgan;

/// <summary>A trained CTGAN: the exported generator and its condition vector, ready for pure-C# sampling.</summary>
/// <param name="Generator">(noise ‖ condition) → raw outputs.</param>
/// <param name="Conditions">The condition vector's layout and category counts.</param>
/// <param name="GeneratorLosses">Mean generator loss per epoch.</param>
/// <param name="DiscriminatorLosses">Mean discriminator loss (with the gradient penalty) per epoch.</param>
/// <param name="EarlyStopping">With early stopping: which epoch's weights these are and why training ended; otherwise <c>null</c>.</param>
public sealed record CtganModel(FeedForwardNetwork Generator, ConditionVector Conditions, IReadOnlyList<double> GeneratorLosses, IReadOnlyList<double> DiscriminatorLosses,
    EarlyStoppingOutcome? EarlyStopping = null);

/// <summary>
/// Trains CTGAN (Xu et al., 2019) with TorchSharp on a table already transformed by <see cref="ModeSpecificTransformer"/>:
/// conditional vector with training-by-sampling, residual generator, PacGAN critic with WGAN-GP, Gumbel-softmax
/// outputs, and the conditional cross-entropy in the generator's loss. Train one model at a time per process:
/// libtorch's generator is process-wide.
/// </summary>
public static class CtganTrainer
{
    /// <summary>Trains on <paramref name="rows"/> row-major rows of <paramref name="data"/>, laid out as <paramref name="spans"/> say.</summary>
    /// <param name="data">The transformed table.</param>
    /// <param name="rows">Number of rows.</param>
    /// <param name="spans">The transformer's output spans.</param>
    /// <param name="options">Settings; the paper's defaults when <c>null</c>.</param>
    /// <param name="progress">Receives both losses after each epoch.</param>
    /// <param name="cancellationToken">Checked before every step.</param>
    /// <param name="validationScore">With <see cref="CtganOptions.EarlyStopping"/>: scores a snapshot of the model (higher is
    /// better) on the epochs it checks; <see cref="CtganSynthesizer"/> passes one. Must be <c>null</c> without early stopping.</param>
    /// <returns>The last epoch's model, or with early stopping the best check's, with <see cref="CtganModel.EarlyStopping"/> set.</returns>
    /// <exception cref="OperationCanceledException">Training was cancelled.</exception>
    /// <exception cref="ArgumentException">Early stopping is set without <paramref name="validationScore"/>, or the reverse.</exception>
    public static CtganModel Train(float[] data, int rows, IReadOnlyList<OutputSpan> spans, CtganOptions? options = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default, Func<CtganModel, double>? validationScore = null) =>
        TrainingThread.Run(() => TrainOnThisThread(data, rows, spans, options, progress, cancellationToken, validationScore));

    private static CtganModel TrainOnThisThread(float[] data, int rows, IReadOnlyList<OutputSpan> spans, CtganOptions? options,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken, Func<CtganModel, double>? validationScore)
    {
        options ??= new CtganOptions();
        options.Validate();
        var width = TrainingSetup.CheckInput(data, rows, spans);
        var monitor = new EarlyStoppingMonitor<CtganModel>(options.EarlyStopping, options.Epochs, validationScore);
        var setupWarning = TrainingSetup.StartTorch(options.Threads, options.Seed);
        var random = new SynthRandom(options.Seed).Derive("ctgan:conditions");
        var vector = ConditionVector.Count(spans, data, rows);
        var sampler = new CtganConditionSampler(vector, data, rows, width, options.LogFrequency);
        var categorySpans = vector.Parameters.Spans;
        using var table = tensor(data, [rows, width]);
        using var generator = CtganGenerator.Create(options.EmbeddingWidth + vector.Width, options.GeneratorWidths, width);
        using var discriminator = new CtganDiscriminator(width + vector.Width, options.DiscriminatorWidths, options.Pac);
        using var optimizerG = new AdamOptimizer(generator.parameters(), options.GeneratorLearningRate, 0.5, 0.9, weightDecay: options.GeneratorWeightDecay);
        using var optimizerD = new AdamOptimizer(discriminator.parameters(), options.DiscriminatorLearningRate, 0.5, 0.9, weightDecay: options.DiscriminatorWeightDecay);
        using var constants = new KeptScalars();
        var batch = options.BatchSize;
        var steps = Math.Max(rows / batch, 1);
        var lossesG = new List<double>(options.Epochs);
        var lossesD = new List<double>(options.Epochs);

        Tensor Generate(Tensor conditions)
        {
            var noise = randn(batch, options.EmbeddingWidth);
            return generator.forward(vector.Width > 0 ? cat([noise, conditions], 1) : noise);
        }
        Tensor WithConditions(Tensor rowsTensor, Tensor conditions) => vector.Width > 0 ? cat([rowsTensor, conditions], 1) : rowsTensor;

        generator.train();
        discriminator.train();
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            double totalG = 0, totalD = 0;
            for (var step = 0; step < steps; step++)
            {
                for (var d = 0; d < options.DiscriminatorSteps; d++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    using var scope = NewDisposeScope();
                    var (c, _, columns, categories) = sampler.Sample(batch, random);
                    var conditions = tensor(c, [batch, vector.Width]);
                    // The critic sees real rows with a shuffled copy of the conditions, so it cannot match rows to conditions by position.
                    var permutation = Permutation(batch, random);
                    var realRows = sampler.RealRows(permutation.Select(i => columns[i]).ToArray(), permutation.Select(i => categories[i]).ToArray(), random);
                    var realConditions = conditions.index_select(0, tensor(permutation.Select(i => (long)i).ToArray()));
                    var real = table.index_select(0, tensor(realRows));
                    var fake = CtganLosses.Activate(Generate(conditions), spans, options.Temperature, constants);
                    var realInput = WithConditions(real, realConditions);
                    var fakeInput = WithConditions(fake, conditions);
                    var lossD = -((discriminator.forward(realInput).mean() - discriminator.forward(fakeInput.detach()).mean()));
                    var penalty = CtganLosses.GradientPenalty(discriminator, realInput, fakeInput, options.GradientPenalty, constants);
                    optimizerD.ZeroGrad();
                    var lossWithPenalty = lossD.Plus(penalty);
                    lossWithPenalty.backward();
                    optimizerD.Step();
                    totalD += lossWithPenalty.item<float>();
                }
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    using var scope = NewDisposeScope();
                    var (c, m, _, _) = sampler.Sample(batch, random);
                    var conditions = tensor(c, [batch, vector.Width]);
                    var mask = tensor(m, [batch, vector.Columns]);
                    var raw = Generate(conditions);
                    var fake = CtganLosses.Activate(raw, spans, options.Temperature, constants);
                    var lossG = -discriminator.forward(WithConditions(fake, conditions)).mean();
                    if (vector.Columns > 0) lossG = lossG.Plus(CtganLosses.ConditionLoss(raw, categorySpans, conditions, mask, constants));
                    optimizerG.ZeroGrad();
                    lossG.backward();
                    optimizerG.Step();
                    totalG += lossG.item<float>();
                }
            }
            lossesG.Add(totalG / steps);
            lossesD.Add(totalD / (steps * options.DiscriminatorSteps));
            // Export reads the weights and BatchNorm's running statistics without running the network (nor drawing
            // from libtorch's generator), so a check leaves training exactly as it was.
            var score = monitor.AfterEpoch(epoch + 1, () => new CtganModel(NetworkExport.Export(generator), vector, lossesG.ToArray(), lossesD.ToArray()));
            progress?.Report(new TrainingProgress(epoch + 1, options.Epochs, lossesG[^1], lossesD[^1], score) { Warning = epoch == 0 ? setupWarning : null });
            if (monitor.ShouldStop) break;
        }

        generator.eval();
        var kept = monitor.Best ?? new CtganModel(NetworkExport.Export(generator), vector, lossesG, lossesD);
        return kept with { GeneratorLosses = lossesG, DiscriminatorLosses = lossesD, EarlyStopping = monitor.Outcome(lossesG.Count) };
    }

    private static int[] Permutation(int count, SynthRandom random)
    {
        var order = Enumerable.Range(0, count).ToArray();
        Shuffling.Shuffle(order, random);
        return order;
    }
}
