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

namespace SynthFixtures.Training.Tvae;

/// <summary>
/// Trains TVAE (Xu et al., 2019) with TorchSharp on a table already transformed by <see cref="ModeSpecificTransformer"/>,
/// and exports the decoder to the runtime's pure-C# <see cref="FeedForwardNetwork"/> with its learned per-dimension σ.
/// The same seed gives the same model, provided nothing else uses libtorch's (process-wide) generator meanwhile:
/// train one model at a time per process.
/// </summary>
public static class TvaeTrainer
{
    /// <summary>Trains on <paramref name="rows"/> row-major rows of <paramref name="data"/>, laid out as <paramref name="spans"/> say.</summary>
    /// <param name="data">The transformed table (<see cref="ModeSpecificTransformer.Transform"/>).</param>
    /// <param name="rows">Number of rows.</param>
    /// <param name="spans">The transformer's output spans.</param>
    /// <param name="options">Settings; the paper's defaults when <c>null</c>.</param>
    /// <param name="progress">Receives the mean loss after each epoch.</param>
    /// <param name="cancellationToken">Checked before every batch.</param>
    /// <param name="validationScore">With <see cref="TvaeOptions.EarlyStopping"/>: scores a snapshot of the model (higher is
    /// better) on the epochs it checks; <see cref="TvaeSynthesizer"/> passes one. Must be <c>null</c> without early stopping.</param>
    /// <returns>The last epoch's model, or with early stopping the best check's, with <see cref="TvaeModel.EarlyStopping"/> set.</returns>
    /// <exception cref="OperationCanceledException">Training was cancelled.</exception>
    /// <exception cref="ArgumentException">Early stopping is set without <paramref name="validationScore"/>, or the reverse.</exception>
    public static TvaeModel Train(float[] data, int rows, IReadOnlyList<OutputSpan> spans, TvaeOptions? options = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default, Func<TvaeModel, double>? validationScore = null) =>
        TrainingThread.Run(() => TrainOnThisThread(data, rows, spans, options, progress, cancellationToken, validationScore));

    private static TvaeModel TrainOnThisThread(float[] data, int rows, IReadOnlyList<OutputSpan> spans, TvaeOptions? options,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken, Func<TvaeModel, double>? validationScore)
    {
        options ??= new TvaeOptions();
        options.Validate();
        var width = TrainingSetup.CheckInput(data, rows, spans);
        var monitor = new EarlyStoppingMonitor<TvaeModel>(options.EarlyStopping, options.Epochs, validationScore);
        var setupWarning = TrainingSetup.StartTorch(options.Threads, options.Seed);
        var batchOrder = new SynthRandom(options.Seed).Derive("tvae:batches");
        using var table = tensor(data, [rows, width]);
        using var encoder = new TvaeEncoder(width, options.EncoderWidths, options.EmbeddingWidth);
        using var decoder = TvaeDecoder.Create(options.EmbeddingWidth, options.DecoderWidths, width);
        using var sigma = new TorchSharp.Modules.Parameter(full(width, 0.1f));
        var parameters = encoder.parameters().Concat(decoder.parameters()).Append(sigma).ToList();
        using var optimizer = new AdamOptimizer(parameters, options.LearningRate, weightDecay: options.WeightDecay);
        using var constants = new KeptScalars();
        using var lossFunction = new TvaeLoss(spans, width, options.LossFactor);

        var losses = new List<double>(options.Epochs);
        var order = Enumerable.Range(0, rows).Select(i => (long)i).ToArray();
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            Shuffling.Shuffle(order, batchOrder);
            var total = 0.0;
            for (var start = 0; start < rows; start += options.BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var count = Math.Min(options.BatchSize, rows - start);
                var real = table.index_select(0, tensor(order.AsSpan(start, count).ToArray()));
                var (mean, logVariance) = encoder.forward(real);
                var z = (randn_like(mean) * (logVariance * constants[0.5]).exp()).Plus(mean);
                var reconstruction = decoder.forward(z);
                var loss = lossFunction.Compute(reconstruction, real, sigma, mean, logVariance, constants);
                optimizer.ZeroGrad();
                loss.backward();
                optimizer.Step();
                using (no_grad()) sigma.clamp_(constants[0.01], constants[1.0]);
                total += loss.item<float>() * count;
            }
            losses.Add(total / rows);
            // Export reads the weights without running the network, so a check leaves training exactly as it was.
            var score = monitor.AfterEpoch(epoch + 1, () => Snapshot(decoder, sigma, spans, options, losses));
            progress?.Report(new TrainingProgress(epoch + 1, options.Epochs, total / rows, ValidationScore: score) { Warning = epoch == 0 ? setupWarning : null });
            if (monitor.ShouldStop) break;
        }

        decoder.eval();
        var kept = monitor.Best ?? Snapshot(decoder, sigma, spans, options, losses);
        return kept with { EpochLosses = losses, EarlyStopping = monitor.Outcome(losses.Count) };
    }

    private static TvaeModel Snapshot(TorchSharp.Modules.Sequential decoder, Tensor sigma, IReadOnlyList<OutputSpan> spans, TvaeOptions options, List<double> losses) =>
        new(NetworkExport.Export(decoder), NetworkExport.Floats(sigma), spans.ToArray(), options.EmbeddingWidth, losses.ToArray());
}
