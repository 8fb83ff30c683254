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

    /// <summary>Trains on <paramref name="data"/>; returns the weights in <see cref="GruNetwork"/>'s layout and each epoch's mean loss per step.</summary>
    public static (float[] Weights, List<double> Losses) Train(ParTrainingData data, ParOptions options, IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken) =>
        TrainingThread.Run(() => TrainOnThisThread(data, options, progress, cancellationToken));

    private static (float[] Weights, List<double> Losses) TrainOnThisThread(ParTrainingData data, ParOptions options, IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken)
    {
        var setupWarning = TrainingSetup.StartTorch(options.Threads, options.Seed);
        var batchOrder = new SynthRandom(options.Seed).Derive("par:batches");
        var layout = data.Layout;
        using var network = new ParNetwork(data.InputWidth, options.HiddenWidth, options.Layers, layout.OutputWidth);
        var parameters = network.parameters().ToList();
        using var optimizer = new AdamOptimizer(parameters, options.LearningRate);
        using var constants = new KeptScalars();
        var entities = data.Set.Entities;
        var order = Enumerable.Range(0, entities.Count).ToArray();
        var losses = new List<double>(options.Epochs);
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            network.train();
            Shuffling.Shuffle(order, batchOrder);
            double total = 0;
            long steps = 0;
            for (var first = 0; first < order.Length; first += options.BatchSize)
            {
                var members = order.AsSpan(first, Math.Min(options.BatchSize, order.Length - first)).ToArray();
                var longest = members.Max(m => entities[m].Length);
                Tensor? state = null;
                try
                {
                    for (var start = 0; start < longest; start += options.ChunkLength)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        using var scope = NewDisposeScope();
                        using var chunk = ParChunk.Of(data, members, start, Math.Min(options.ChunkLength, longest - start));
                        var (outputs, last) = network.Forward(chunk.Inputs, state);
                        var sum = ParLoss.Sum(outputs, chunk, layout, constants);
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
            }
            losses.Add(total / steps);
            progress?.Report(new TrainingProgress(epoch, options.Epochs, total / steps) { Warning = epoch == 1 ? setupWarning : null });
        }
        return (network.ExportWeights(), losses);
    }
}
