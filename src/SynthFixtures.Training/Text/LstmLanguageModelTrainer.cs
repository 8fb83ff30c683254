using SynthFixtures.Modeling;
using SynthFixtures.Randomness;
using SynthFixtures.Text.Learned;
using SynthFixtures.Training.Optimisation;
using TorchSharp;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Text;

/// <summary>
/// Trains the learned text model's LSTM language model with TorchSharp: masked cross-entropy on the predicted tokens of
/// each text (context and start token are read, not scored), Adam, gradient clipping, length-bucketed batches. A small
/// share of the texts is held out; the epoch with the lowest perplexity on them is kept. The same seed and thread
/// count give the same weights, provided nothing else uses libtorch's (process-wide) generator meanwhile.
/// </summary>
public static class LstmLanguageModelTrainer
{
    /// <summary>Share of the texts held out to pick the best epoch.</summary>
    public const double ValidationShare = 0.05;

    /// <summary>Most texts held out: enough for a steady perplexity, few enough to score quickly.</summary>
    public const int MaxValidationTexts = 2000;

    /// <summary>Fewer texts than this are all trained on (a perplexity on one or two texts would pick epochs at random).</summary>
    public const int MinTextsForValidation = 40;

    /// <summary>Bound on the gradients' joint norm per step.</summary>
    public const double MaxGradientNorm = 1.0;

    /// <summary>Texts per scoring batch (no gradients, so larger than a training batch).</summary>
    private const int ScoringBatch = 256;

    /// <summary>Trains on <paramref name="sequences"/> (token ids below <paramref name="vocabularySize"/>).</summary>
    /// <param name="sequences">The texts; those predicting no token are skipped.</param>
    /// <param name="vocabularySize">Token ids 0 … vocabularySize − 1 (context tokens, start, end and subwords).</param>
    /// <param name="options">Widths, layers, epochs, batch size, learning rate, seed and threads.</param>
    /// <param name="progress">After each epoch: its mean training loss per token, and in <see cref="TrainingProgress.ValidationPerplexity"/> the held-out perplexity (lower is better).</param>
    /// <param name="cancellationToken">Checked before every batch.</param>
    /// <exception cref="OperationCanceledException">Training was cancelled.</exception>
    /// <exception cref="ArgumentException">A token id is out of range, or no text predicts a token.</exception>
    public static TrainedLanguageModel Train(IReadOnlyList<TokenSequence> sequences, int vocabularySize, LearnedTextOptions options,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(options);
        CheckOptions(options);
        var usable = Check(sequences, vocabularySize);
        if (options.ContextAtEveryStep && usable.Any(s => s.FirstPredicted != usable[0].FirstPredicted))
            throw new ArgumentException("With the context at every step, every sequence needs the same number of context tokens before Bos.", nameof(sequences));
        return TrainingThread.Run(() => TrainOnThisThread(usable, vocabularySize, options, progress, cancellationToken));
    }

    private static void CheckOptions(LearnedTextOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.Epochs, nameof(options.Epochs));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options.BatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.EmbeddingWidth, 1, nameof(options.EmbeddingWidth));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.HiddenWidth, 1, nameof(options.HiddenWidth));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Layers, 1, nameof(options.Layers));
        if (!(options.LearningRate > 0 && double.IsFinite(options.LearningRate)))
            throw new ArgumentOutOfRangeException(nameof(options.LearningRate), options.LearningRate, "The learning rate must be positive.");
    }

    private static List<TokenSequence> Check(IReadOnlyList<TokenSequence> sequences, int vocabularySize)
    {
        foreach (var (tokens, first) in sequences)
        {
            ArgumentNullException.ThrowIfNull(tokens, nameof(sequences));
            if (first < 1) throw new ArgumentException($"A sequence's first predicted position is {first}; it must be at least 1.", nameof(sequences));
            foreach (var token in tokens)
                if ((uint)token >= (uint)vocabularySize)
                    throw new ArgumentException($"Token id {token} is outside the vocabulary (0 … {vocabularySize - 1}).", nameof(sequences));
        }
        var usable = sequences.Where(s => s.Tokens.Length > s.FirstPredicted).ToList();
        if (usable.Count == 0) throw new ArgumentException("No sequence predicts a token.", nameof(sequences));
        return usable;
    }

    private static TrainedLanguageModel TrainOnThisThread(List<TokenSequence> all, int vocabularySize, LearnedTextOptions options,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var setupWarning = TrainingSetup.StartTorch(options.Threads, options.Seed);
        var random = new SynthRandom(options.Seed);
        var (training, validation) = HoldOut(all, random.Derive("text:validation"));
        var batchOrder = random.Derive("text:batches");
        var lengths = training.Select(s => s.Tokens.Length).ToArray();

        var contextToOutput = options.ContextAtEveryStep && options.ContextToOutput;
        using var model = new LstmLanguageModel(vocabularySize, options.EmbeddingWidth, options.HiddenWidth, options.Layers, options.ContextAtEveryStep, contextToOutput,
            contextToOutput ? ContextFrequencies(training, vocabularySize) : null);
        var parameters = model.parameters().ToList();
        using var optimizer = new AdamOptimizer(parameters, options.LearningRate);
        using var constants = new KeptScalars();

        // Every token weighs the same: a batch's summed loss over the mean tokens per batch. A batch's own mean would
        // weigh each batch alike, and as batches group texts by length, a short text's tokens would count for more
        // than a long one's: the model would learn to end texts too early.
        var batchCount = (training.Count + options.BatchSize - 1) / options.BatchSize;
        using var perBatch = tensor((float)(training.Sum(s => (double)(s.Tokens.Length - s.FirstPredicted)) / batchCount));

        var losses = new List<double>(options.Epochs);
        var perplexities = new List<double>(options.Epochs);
        var kept = model.ExportWeights();
        var (keptEpoch, best) = (0, double.PositiveInfinity);
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            model.train();
            double total = 0;
            long tokens = 0;
            foreach (var members in LengthBatches.Shuffled(lengths, options.BatchSize, batchOrder))
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                using var batch = PaddedBatch.Of(training, members);
                var sum = SummedLoss(model, batch);
                optimizer.ZeroGrad();
                sum.div(perBatch).backward();
                GradientClipping.Clip(parameters, MaxGradientNorm, constants);
                optimizer.Step();
                total += sum.item<float>();
                tokens += batch.Count;
            }
            losses.Add(total / tokens);

            double? perplexity = validation.Count > 0 ? Perplexity(model, validation, cancellationToken) : null;
            if (perplexity is { } p) perplexities.Add(p);
            // Without held-out texts the last epoch is kept; with them, the best (ties: the earlier).
            if (perplexity is null || perplexity < best)
            {
                (kept, keptEpoch, best) = (model.ExportWeights(), epoch, perplexity ?? best);
            }
            progress?.Report(new TrainingProgress(epoch, options.Epochs, total / tokens) { ValidationPerplexity = perplexity, Warning = epoch == 1 ? setupWarning : null });
        }
        return new TrainedLanguageModel(kept, losses, perplexities, keptEpoch, validation.Count);
    }

    /// <summary>Each token id's share of <paramref name="training"/> rows that have it among their context tokens (those before Bos).</summary>
    private static float[] ContextFrequencies(List<TokenSequence> training, int vocabularySize)
    {
        var counts = new double[vocabularySize];
        foreach (var (tokens, first) in training)
            for (var c = 0; c < first - 1; c++) counts[tokens[c]]++;
        return counts.Select(n => (float)(n / training.Count)).ToArray();
    }

    /// <summary>The summed cross-entropy of the batch's scored tokens.</summary>
    private static Tensor SummedLoss(LstmLanguageModel model, PaddedBatch batch)
    {
        var states = model.States(batch.Inputs, batch.Contexts);
        var scored = states.reshape(-1, model.HiddenWidth).index_select(0, batch.Positions);
        return nn.functional.cross_entropy(model.Logits(scored, batch.Contexts, batch.Rows), batch.Targets, reduction: nn.Reduction.Sum);
    }

    /// <summary>exp of the mean cross-entropy per predicted token of <paramref name="texts"/>.</summary>
    private static double Perplexity(LstmLanguageModel model, List<TokenSequence> texts, CancellationToken cancellationToken)
    {
        model.eval();
        using var noGrad = no_grad();
        double total = 0;
        long tokens = 0;
        foreach (var members in LengthBatches.Sorted(texts.Select(s => s.Tokens.Length).ToArray(), ScoringBatch))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            using var batch = PaddedBatch.Of(texts, members);
            total += SummedLoss(model, batch).item<float>();
            tokens += batch.Count;
        }
        return Math.Exp(total / tokens);
    }

    /// <summary>The texts to train on and those held out (<see cref="ValidationShare"/>, none below <see cref="MinTextsForValidation"/>), drawn uniformly.</summary>
    private static (List<TokenSequence> Training, List<TokenSequence> Validation) HoldOut(List<TokenSequence> all, SynthRandom random)
    {
        if (all.Count < MinTextsForValidation) return (all, []);
        var count = Math.Min(MaxValidationTexts, (int)Math.Round(all.Count * ValidationShare, MidpointRounding.AwayFromZero));
        var order = Enumerable.Range(0, all.Count).ToArray();
        Shuffling.Shuffle(order, random);
        var held = order.Take(count).ToHashSet();
        return (Enumerable.Range(0, all.Count).Where(i => !held.Contains(i)).Select(i => all[i]).ToList(),
            Enumerable.Range(0, all.Count).Where(held.Contains).Select(i => all[i]).ToList());
    }
}
