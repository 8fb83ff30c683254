using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Neural;
using SynthFixtures.Models.Neural;
using SynthFixtures.Privacy;
using SynthFixtures.Randomness;
using SynthFixtures.Training.Networks;
using SynthFixtures.Training.Optimisation;
using SynthFixtures.Training.Privacy;
using SynthFixtures.Transforms.Modes;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Ctgan;

/// <summary>
/// Trains CTGAN with a DP-SGD discriminator, the only network that sees real rows (the generator learns from the
/// discriminator alone: post-processing). The unit of privacy is a pac group: rows are cut into fixed groups of
/// <c>pac</c> by a data-independent permutation (stream <c>dp-ctgan:groups</c>), and each discriminator step
/// Poisson-samples groups (stream <c>dp-ctgan:batches</c>).
/// </summary>
/// <remarks>
/// The discriminator's gradient has a private part and a public part:
/// <list type="bullet">
/// <item>private: −D(real pack) per sampled group, each group's gradient clipped to C, summed, noised, divided by the
/// expected number of groups (<see cref="DpSgdStep"/>). A real row's condition vector is its own category in a
/// uniformly chosen categorical column (it is part of that row's input), not a category chosen first and matched by a
/// row as plain CTGAN does, which would make the batch depend on the whole table;</item>
/// <item>public: +D(fake pack) and the gradient penalty, both on generated rows only (the penalty interpolates between
/// two generated batches: plain CTGAN's real–fake interpolation is a gradient of a gradient of real rows, which the
/// outer-product per-example form does not cover). The generated batch's conditions come from the condition
/// sampler with plain (not log) frequencies, so they follow the same distribution as the real rows' conditions.</item>
/// </list>
/// </remarks>
public static class DpCtganTrainer
{
    /// <summary>
    /// Trains on <paramref name="rows"/> transformed rows with <paramref name="plan"/> (over pac groups); the noise,
    /// batches, groups and initial weights come from <paramref name="noiseSeed"/> (tests only) or else a secret seed.
    /// </summary>
    /// <param name="data">The transformed table.</param>
    /// <param name="rows">Number of rows.</param>
    /// <param name="spans">The transformer's output spans.</param>
    /// <param name="options">The networks' settings (early stopping must be off: it is not private).</param>
    /// <param name="plan">The privacy plan over pac groups.</param>
    /// <param name="conditions">
    /// The condition vector over <paramref name="spans"/>' categorical spans, with the category frequencies the
    /// generated rows' conditions are drawn from: noisy counts from the preprocessing, so training reads no frequency
    /// from the rows.
    /// </param>
    /// <param name="progress">Receives each epoch's mean losses.</param>
    /// <param name="cancellationToken">Checked before every step.</param>
    /// <param name="noiseSeed">A fixed seed for the noise, batches, groups and initial weights (tests only); <c>null</c>: a secret one.</param>
    /// <param name="generatorSteps">Generator updates after each discriminator round: post-processing, they read no real row and are not in the plan.</param>
    /// <param name="drift">
    /// Weight λ of the drift penalty λ·D(x)² added to each real group's and each generated pack's loss (see the remarks
    /// of <see cref="DpCtganOptions.DiscriminatorDrift"/>); a real group's term is part of its clipped gradient.
    /// </param>
    public static CtganModel Train(float[] data, int rows, IReadOnlyList<OutputSpan> spans, CtganOptions options, DpSgdPlan plan, ConditionVector conditions,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default, long? noiseSeed = null, int generatorSteps = 1,
        double drift = 0) =>
        TrainingThread.Run(() => TrainOnThisThread(data, rows, spans, options, plan, conditions, progress, cancellationToken, noiseSeed, generatorSteps, drift));

    /// <summary>Pac groups a table of <paramref name="rows"/> rows is cut into (a remainder of fewer than pac rows is never trained on).</summary>
    public static int Groups(int rows, int pac) => rows / pac;

    private static CtganModel TrainOnThisThread(float[] data, int rows, IReadOnlyList<OutputSpan> spans, CtganOptions options, DpSgdPlan plan,
        ConditionVector conditionVector, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken, long? noiseSeed, int generatorSteps, double drift)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(generatorSteps, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(drift);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(conditionVector);
        options.Validate();
        if (options.EarlyStopping is not null) throw new ArgumentException("Early stopping is not private; DP-CTGAN trains without it.", nameof(options));
        var pac = options.Pac;
        var groups = Groups(rows, pac);
        if (groups < 1) throw new SynthDataException($"DP-CTGAN needs at least pac = {pac} rows; the table has {rows}.", hint: "Lower pac or give more rows.");
        if (plan.Units != groups) throw new ArgumentException($"The plan is for {plan.Units} groups, the data has {groups}.", nameof(plan));
        var width = TrainingSetup.CheckInput(data, rows, spans);
        // The noise, the batches, the groups and the initial weights come from a secret seed, not the public training seed (SecretSeed).
        var privateSeed = noiseSeed ?? SecretSeed.Draw();
        var setupWarning = TrainingSetup.StartTorch(options.Threads, privateSeed);
        var seed = new SynthRandom(privateSeed);
        var random = seed.Derive("dp-ctgan:conditions");
        var batches = seed.Derive("dp-ctgan:batches");
        var order = Enumerable.Range(0, groups * pac).ToArray();
        Shuffling.Shuffle(order, seed.Derive("dp-ctgan:groups"));
        var vector = conditionVector;
        if (!vector.Parameters.Spans.SequenceEqual(spans.Where(s => s.Role == SpanRole.Category)))
            throw new ArgumentException("The condition vector does not cover the data's categorical spans.", nameof(conditionVector));
        var sampler = new CtganConditionSampler(vector, logFrequency: false);
        var categorySpans = vector.Parameters.Spans;
        using var table = tensor(data, [rows, width]);
        using var generator = CtganGenerator.Create(options.EmbeddingWidth + vector.Width, options.GeneratorWidths, width);
        using var discriminator = new CtganDiscriminator(width + vector.Width, options.DiscriminatorWidths, pac);
        var discriminatorParameters = discriminator.parameters().ToList();
        using var optimizerG = new AdamOptimizer(generator.parameters(), options.GeneratorLearningRate, 0.5, 0.9, weightDecay: options.GeneratorWeightDecay);
        using var optimizerD = new AdamOptimizer(discriminatorParameters, options.DiscriminatorLearningRate, 0.5, 0.9, weightDecay: options.DiscriminatorWeightDecay);
        using var constants = new KeptScalars();
        var step = new DpSgdStep(plan.NoiseMultiplier, plan.MaxGradNorm, plan.ExpectedBatchSize);
        var batch = options.BatchSize;
        var steps = plan.Steps / Math.Max(options.Epochs * options.DiscriminatorSteps, 1);
        var lossesG = new List<double>(options.Epochs);
        var lossesD = new List<double>(options.Epochs);

        Tensor Generate(Tensor conditions)
        {
            var noise = randn(conditions.shape[0], options.EmbeddingWidth);
            return generator.forward(vector.Width > 0 ? cat([noise, conditions], 1) : noise);
        }
        Tensor WithConditions(Tensor rowsTensor, Tensor conditions) => vector.Width > 0 ? cat([rowsTensor, conditions], 1) : rowsTensor;
        Tensor Fake()
        {
            var (c, _, _, _) = sampler.Sample(batch, random);
            var conditions = tensor(c, [batch, vector.Width]);
            return WithConditions(CtganLosses.Activate(Generate(conditions), spans, options.Temperature, constants), conditions).detach();
        }

        generator.train();
        discriminator.train();
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            double totalG = 0, totalD = 0;
            for (var s = 0; s < steps; s++)
            {
                for (var d = 0; d < options.DiscriminatorSteps; d++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    using var scope = NewDisposeScope();
                    optimizerD.ZeroGrad();
                    // Public part: generated rows only.
                    var fake = Fake();
                    var fakeScores = discriminator.forward(fake);
                    var fakeScore = fakeScores.mean();
                    if (drift > 0) fakeScore = fakeScore.Plus(fakeScores.square().mean().mul(drift));
                    var penalty = CtganLosses.GradientPenalty(discriminator, fake, Fake(), options.GradientPenalty, constants);
                    var publicLoss = fakeScore.Plus(penalty);
                    publicLoss.backward();
                    // Private part: each sampled pac group's −D(real pack) (+ λ·D² with drift: still the group's own loss), clipped and noised.
                    var sampled = PoissonSampling.Sample(groups, plan.SamplingRate, batches);
                    double realScore = 0;
                    if (sampled.Length == 0) step.ApplyEmpty(discriminatorParameters, constants);
                    else
                    {
                        var realRows = sampled.SelectMany(g => order.AsSpan((int)g * pac, pac).ToArray()).Select(i => (long)i).ToArray();
                        var real = table.index_select(0, tensor(realRows));
                        var conditions = tensor(OwnConditions(data, width, realRows, vector, random), [realRows.Length, vector.Width]);
                        var recorder = new PerExampleGradients();
                        var scores = recorder.Forward(discriminator.Body, WithConditions(real, conditions).reshape(-1, discriminator.PackWidth)).squeeze(1);
                        step.Apply(recorder.Backward(drift > 0 ? scores.square().mul(drift).sub(scores) : -scores), constants);
                        realScore = scores.mean().item<float>();
                    }
                    optimizerD.Step();
                    totalD += publicLoss.item<float>() - realScore;
                }
                // The generator reads the discriminator only, never a real row: its extra steps are post-processing.
                for (var g = 0; g < generatorSteps; g++)
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
            lossesG.Add(totalG / Math.Max(steps * generatorSteps, 1));
            lossesD.Add(totalD / Math.Max(steps * options.DiscriminatorSteps, 1));
            progress?.Report(new TrainingProgress(epoch + 1, options.Epochs, lossesG[^1], lossesD[^1]) { Warning = epoch == 0 ? setupWarning : null });
        }

        generator.eval();
        return new CtganModel(NetworkExport.Export(generator), vector, lossesG.ToArray(), lossesD.ToArray());
    }

    /// <summary>Each real row's condition vector: a uniformly chosen categorical column and the row's own category in it.</summary>
    private static float[] OwnConditions(float[] data, int width, long[] realRows, ConditionVector vector, SynthRandom random)
    {
        var conditions = new float[realRows.Length * vector.Width];
        if (vector.Columns == 0) return conditions;
        var spans = vector.Parameters.Spans;
        for (var i = 0; i < realRows.Length; i++)
        {
            var column = random.NextInt(vector.Columns);
            var values = data.AsSpan((int)realRows[i] * width + spans[column].Start, spans[column].Length);
            var category = values.IndexOfAnyExcept(0f);
            if (category >= 0) conditions[i * vector.Width + vector.Offset(column) + category] = 1;
        }
        return conditions;
    }
}
