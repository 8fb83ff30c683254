using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Sequences;
using SynthFixtures.Models.Sequences.Par;
using SynthFixtures.Randomness;
using SynthFixtures.Training.Optimisation;
using SynthFixtures.Training.Text;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Sequences;

/// <summary>
/// Trains the PAR network with TorchSharp: teacher forcing (each step reads the real previous step), Adam, gradient
/// clipping, batches of <see cref="ParOptions.BatchSize"/> entities, and truncated backpropagation through time: a
/// batch is run in chunks of <see cref="ParOptions.ChunkLength"/> steps, one optimisation step per chunk, the GRU's
/// state carried from chunk to chunk (so the network learns from states as deep into a sequence as sampling reaches)
/// while the gradient stops at the chunk's start. The same seed and thread count give the same weights, provided
/// nothing else uses libtorch's (process-wide) generator meanwhile.
/// </summary>
internal static class ParTrainer
{
    /// <summary>Bound on the gradients' joint norm per step: a recurrent network's gradient occasionally explodes.</summary>
    public const double MaxGradientNorm = 1.0;

    /// <summary>
    /// Trains on <paramref name="data"/>; returns the weights in <see cref="GruNetwork"/>'s layout, each epoch's mean
    /// training loss per step and, with early stopping, what it did (the weights are then the best check's).
    /// </summary>
    public static (float[] Weights, List<double> Losses, ParEarlyStopping? Stopping) Train(ParTrainingData data, ParOptions options,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken) =>
        TrainingThread.Run(() => TrainOnThisThread(data, options, progress, cancellationToken));

    private static (float[] Weights, List<double> Losses, ParEarlyStopping? Stopping) TrainOnThisThread(ParTrainingData data, ParOptions options,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var setupWarning = TrainingSetup.StartTorch(options.Threads, options.Seed);
        var batchOrder = new SynthRandom(options.Seed).Derive("par:batches");
        var layout = data.Layout;
        using var network = new ParNetwork(data.InputWidth, options.HiddenWidth, options.Layers, layout.OutputWidth);
        var parameters = network.parameters().ToList();
        using var optimizer = new AdamOptimizer(parameters, options.LearningRate);
        using var constants = new KeptScalars();
        var lengths = data.Set.Entities.Select(e => e.Length).ToList();
        var split = options.EarlyStopping is { } stopping ? ParValidationSplit.Of(lengths, stopping, options.Seed) : ParValidationSplit.None(lengths);
        // The checks score the live network; the snapshot is its exported weights, so keeping the best costs no libtorch tensors.
        var monitor = new Validation.EarlyStoppingMonitor<float[]>(options.EarlyStopping, options.Epochs,
            options.EarlyStopping is null ? null : _ => -ValidationLoss(network, data, split.Validation, options, constants));
        var order = split.Training.ToArray();
        var losses = new List<double>(options.Epochs);
        var epochsTrained = 0;
        for (var epoch = 1; epoch <= options.Epochs && !monitor.ShouldStop; epoch++)
        {
            network.train();
            Shuffling.Shuffle(order, batchOrder);
            double total = 0;
            long steps = 0;
            for (var first = 0; first < order.Length; first += options.BatchSize)
            {
                var members = order.AsSpan(first, Math.Min(options.BatchSize, order.Length - first)).ToArray();
                var (sum, count) = RunBatch(network, data, members, options, constants, optimizer, parameters, cancellationToken);
                total += sum;
                steps += count;
            }
            losses.Add(total / steps);
            epochsTrained = epoch;
            progress?.Report(new TrainingProgress(epoch, options.Epochs, total / steps) { Warning = epoch == 1 ? setupWarning : null });
            monitor.AfterEpoch(epoch, network.ExportWeights);
        }
        if (monitor.Outcome(epochsTrained) is not { } outcome) return (network.ExportWeights(), losses, null);
        var stopped = new ParEarlyStopping(split.Tails ? "tails" : "entities", split.Validation.Count, split.Validation.Sum(s => s.Scored),
            outcome.KeptEpoch, -(outcome.ValidationScore ?? double.NaN), outcome.EpochsTrained, outcome.StoppedEarly);
        return (monitor.Best ?? network.ExportWeights(), losses, stopped);
    }

    /// <summary>One batch, chunk by chunk (one optimisation step each, the state carried over); its summed loss and steps.</summary>
    private static (double Sum, long Steps) RunBatch(ParNetwork network, ParTrainingData data, ParSpan[] members, ParOptions options,
        KeptScalars constants, AdamOptimizer optimizer, List<TorchSharp.Modules.Parameter> parameters, CancellationToken cancellationToken)
    {
        var longest = members.Max(m => m.Length);
        double total = 0;
        long steps = 0;
        Tensor? state = null;
        try
        {
            for (var start = 0; start < longest; start += options.ChunkLength)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                using var chunk = ParChunk.Of(data, members, start, Math.Min(options.ChunkLength, longest - start));
                var (outputs, last) = network.Forward(chunk.Inputs, state);
                var sum = ParLoss.Sum(outputs, chunk, data.Layout, constants);
                optimizer.ZeroGrad();
                sum.div(constants[chunk.Count]).backward();
                GradientClipping.Clip(parameters, MaxGradientNorm, constants);
                optimizer.Step();
                total += sum.item<float>();
                steps += chunk.Count;
                state?.Dispose();
                state = last.detach().MoveToOuterDisposeScope();
            }
        }
        finally
        {
            state?.Dispose();
        }
        return (total, steps);
    }

    /// <summary>The held-out steps' teacher-forced loss per step, without gradients (each part's unscored head only builds the state).</summary>
    private static double ValidationLoss(ParNetwork network, ParTrainingData data, IReadOnlyList<ParSpan> spans, ParOptions options, KeptScalars constants)
    {
        network.eval();
        using var noGrad = no_grad();
        double total = 0;
        long steps = 0;
        for (var first = 0; first < spans.Count; first += options.BatchSize)
        {
            var members = spans.Skip(first).Take(options.BatchSize).ToArray();
            var longest = members.Max(m => m.Length);
            Tensor? state = null;
            try
            {
                for (var start = 0; start < longest; start += options.ChunkLength)
                {
                    using var scope = NewDisposeScope();
                    using var chunk = ParChunk.Of(data, members, start, Math.Min(options.ChunkLength, longest - start));
                    var (outputs, last) = network.Forward(chunk.Inputs, state);
                    if (chunk.Count > 0)
                    {
                        total += ParLoss.Sum(outputs, chunk, data.Layout, constants).item<float>();
                        steps += chunk.Count;
                    }
                    state?.Dispose();
                    state = last.detach().MoveToOuterDisposeScope();
                }
            }
            finally
            {
                state?.Dispose();
            }
        }
        network.train();
        return total / steps;
    }
}
