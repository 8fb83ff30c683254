using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Neural;
using SynthFixtures.Privacy;
using SynthFixtures.Randomness;
using SynthFixtures.Training.Networks;
using SynthFixtures.Training.Optimisation;
using SynthFixtures.Training.Privacy;
using SynthFixtures.Transforms.Modes;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Tvae;

/// <summary>
/// Trains TVAE with DP-SGD (Abadi et al. 2016): every step draws a Poisson batch (each row with probability q, from the
/// seed's <c>dp-tvae:batches</c> stream), computes each row's gradient over the encoder, the decoder and σ (all see
/// real rows) from one backward pass (<see cref="PerExampleGradients"/>), clips each to C, sums, adds N(0, σ²C²) and
/// divides by q·n (<see cref="DpSgdStep"/>); Adam then steps on that private gradient. Neither network holds a layer
/// that mixes rows, so the per-row gradients are exact.
/// </summary>
public static class DpTvaeTrainer
{
    /// <summary>Trains on <paramref name="rows"/> transformed rows with <paramref name="plan"/>'s sampling rate, steps, σ and C.</summary>
    /// <param name="data">The transformed table.</param>
    /// <param name="rows">Number of rows.</param>
    /// <param name="spans">The transformer's output spans.</param>
    /// <param name="options">The network's settings (early stopping must be off: it is not private).</param>
    /// <param name="plan">The privacy plan (<see cref="DpSgdPlan.For"/> over these rows).</param>
    /// <param name="progress">Receives the mean loss of each epoch's rows.</param>
    /// <param name="cancellationToken">Checked before every step.</param>
    /// <param name="noiseSeed">A fixed seed for the noise and batches (tests only); <c>null</c>: a secret one.</param>
    public static TvaeModel Train(float[] data, int rows, IReadOnlyList<OutputSpan> spans, TvaeOptions options, DpSgdPlan plan,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default, long? noiseSeed = null) =>
        TrainingThread.Run(() => TrainOnThisThread(data, rows, spans, options, plan, progress, cancellationToken, noiseSeed));

    private static TvaeModel TrainOnThisThread(float[] data, int rows, IReadOnlyList<OutputSpan> spans, TvaeOptions options, DpSgdPlan plan,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken, long? noiseSeed)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(plan);
        options.Validate();
        if (options.EarlyStopping is not null) throw new ArgumentException("Early stopping is not private; DP-TVAE trains without it.", nameof(options));
        if (plan.Units != rows) throw new ArgumentException($"The plan is for {plan.Units} rows, the data has {rows}.", nameof(plan));
        var width = TrainingSetup.CheckInput(data, rows, spans);
        // The noise, the batches and the initial weights come from a secret seed, not the public training seed (SecretSeed).
        var privateSeed = noiseSeed ?? SecretSeed.Draw();
        var setupWarning = TrainingSetup.StartTorch(options.Threads, privateSeed);
        var batches = new SynthRandom(privateSeed).Derive("dp-tvae:batches");
        using var table = tensor(data, [rows, width]);
        using var encoder = new TvaeEncoder(width, options.EncoderWidths, options.EmbeddingWidth);
        using var decoder = TvaeDecoder.Create(options.EmbeddingWidth, options.DecoderWidths, width);
        using var sigma = new TorchSharp.Modules.Parameter(full(width, 0.1f));
        var parameters = encoder.parameters().Concat(decoder.parameters()).Append(sigma).ToList();
        using var optimizer = new AdamOptimizer(parameters, options.LearningRate, weightDecay: options.WeightDecay);
        using var constants = new KeptScalars();
        using var lossFunction = new TvaeLoss(spans, width, options.LossFactor);
        var step = new DpSgdStep(plan.NoiseMultiplier, plan.MaxGradNorm, plan.ExpectedBatchSize);
        var stepsPerEpoch = plan.Steps / Math.Max(options.Epochs, 1);

        var losses = new List<double>(options.Epochs);
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            double total = 0;
            long seen = 0;
            for (var s = 0; s < stepsPerEpoch; s++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var batch = PoissonSampling.Sample(rows, plan.SamplingRate, batches);
                optimizer.ZeroGrad();
                if (batch.Length == 0) step.ApplyEmpty(parameters, constants);
                else
                {
                    var real = table.index_select(0, tensor(batch));
                    var noise = randn(batch.Length, options.EmbeddingWidth);
                    var recorder = new PerExampleGradients();
                    var perRow = TvaePerExampleLoss.Compute(encoder, decoder, sigma, lossFunction, real, noise, recorder, constants);
                    step.Apply(recorder.Backward(perRow), constants);
                    total += perRow.sum().item<float>();
                    seen += batch.Length;
                }
                optimizer.Step();
                using (no_grad()) sigma.clamp_(constants[0.01], constants[1.0]);
            }
            losses.Add(seen == 0 ? double.NaN : total / seen);
            progress?.Report(new TrainingProgress(epoch + 1, options.Epochs, losses[^1]) { Warning = epoch == 0 ? setupWarning : null });
        }

        decoder.eval();
        return new TvaeModel(NetworkExport.Export(decoder), NetworkExport.Floats(sigma), spans.ToArray(), options.EmbeddingWidth, losses.ToArray());
    }
}
