using System.Globalization;
using SynthFixtures.Models.Neural;
using SynthFixtures.Modeling.Neural;
using SynthFixtures.Privacy;

namespace SynthFixtures.Modeling.DpPlanning;

/// <summary>
/// Plans DP-TVAE and DP-CTGAN: the given configuration through <see cref="DpSgdPlans"/> (the plan a training follows),
/// checked against <see cref="DpPlanThresholds"/>, and three alternatives at the same ε.
/// </summary>
internal sealed class DpSgdPlanning
{
    private readonly string _model;
    private readonly int _rows;
    private readonly int _pac;
    private readonly Func<int, int, DpSgdOptions, DpSgdPlan> _planFor;

    private DpSgdPlanning(string model, int rows, int pac, int epochs, int batchSize, DpSgdOptions privacy, Func<int, int, DpSgdOptions, DpSgdPlan> planFor)
    {
        (_model, _rows, _pac, _planFor) = (model, rows, pac, planFor);
        (Epochs, BatchSize, Privacy) = (epochs, batchSize, privacy);
    }

    private int Epochs { get; }

    private int BatchSize { get; }

    private DpSgdOptions Privacy { get; }

    /// <summary>Units (rows or pac groups).</summary>
    private int Units => DpSgdPlans.Groups(_rows, _pac);

    private string Unit => _pac > 1 ? "pac groups" : "rows";

    /// <summary>Batch sizes must be a multiple of this: CTGAN halves its batches and cuts them into packs.</summary>
    private int BatchStep => _model == DpSgdPrivacy.DpCtgan ? (_pac % 2 == 0 ? _pac : 2 * _pac) : 1;

    public static DpSgdPlanning ForTvae(DpTvaeOptions options, int rows) => new(DpSgdPrivacy.DpTvae, rows, 1, options.Network.Epochs,
        options.Network.BatchSize, options.Privacy,
        (epochs, batch, privacy) => DpSgdPlans.For(options with { Network = options.Network with { Epochs = epochs, BatchSize = batch }, Privacy = privacy }, rows));

    public static DpSgdPlanning ForCtgan(DpCtganOptions options, int rows) => new(DpSgdPrivacy.DpCtgan, rows, options.Network.Pac, options.Network.Epochs,
        options.Network.BatchSize, options.Privacy,
        (epochs, batch, privacy) => DpSgdPlans.For(options with { Network = options.Network with { Epochs = epochs, BatchSize = batch }, Privacy = privacy }, rows));

    /// <summary>The plan of the given configuration, or the reason it is infeasible.</summary>
    /// <exception cref="SynthDataException">The configuration is infeasible (<see cref="SettingException"/> when settings can fix it).</exception>
    public DpBudgetPlan Plan()
    {
        var (plan, warnings, problem) = Check(Epochs, BatchSize, Privacy);
        if (problem is not null) throw problem;
        var spent = plan!.Epsilon;
        return new DpBudgetPlan
        {
            Model = _model,
            Rows = _rows,
            Units = plan.Units,
            Unit = Unit,
            Epsilon = spent,
            Delta = plan.Delta,
            TargetEpsilon = Privacy.Epsilon,
            NoiseMultiplier = plan.NoiseMultiplier,
            Steps = plan.Steps,
            SamplingRate = plan.SamplingRate,
            NoiseToSignal = NoisePerBatch(plan),
            Privacy = DpSgdPrivacy.Describe(_model, plan, _pac, Privacy.Epsilon),
            Warnings = warnings,
            Recommendations = Profiles(Privacy.Epsilon ?? spent, plan.Delta),
        };
    }

    private List<DpPlanProfile> Profiles(double epsilon, double delta)
    {
        var privacy = Privacy with { Epsilon = epsilon, NoiseMultiplier = null, Delta = delta };
        var cap = Math.Max(BatchStep, (int)(DpPlanThresholds.MaxSamplingRate * Units * _pac) / BatchStep * BatchStep);
        int Batch(int factor) => Math.Max(BatchStep, Math.Min((int)Math.Min((long)BatchSize * factor, int.MaxValue), cap) / BatchStep * BatchStep);
        var c = CultureInfo.InvariantCulture;
        (string Name, int Epochs, int Batch, string Description)[] choices =
        [
            ("fast", Math.Max(1, Epochs / 6), Batch(1), "a sixth of the epochs at the batch size given: a sixth of the work, and less noise per step (σ falls with the number of steps), but the model sees the data least often"),
            ("balanced", Math.Max(1, Epochs / 2), Batch(2), "half the epochs at twice the batch size: half the work in a quarter of the steps, with less noise on each averaged gradient (σ/B) than the configuration given"),
            ("quality", Epochs, Batch(4), string.Create(c, $"all the epochs at four times the batch size (batches capped at {DpPlanThresholds.MaxSamplingRate:P0} of the {Unit}): the full work and the least noise on each averaged gradient; the longest training")),
        ];
        return choices.Select(choice =>
        {
            var (plan, warnings, problem) = Check(choice.Epochs, choice.Batch, privacy);
            return new DpPlanProfile
            {
                Name = choice.Name,
                Description = choice.Description,
                Epochs = choice.Epochs,
                BatchSize = choice.Batch,
                Epsilon = plan?.Epsilon,
                NoiseMultiplier = plan?.NoiseMultiplier,
                Steps = plan?.Steps,
                SamplingRate = plan?.SamplingRate,
                NoiseToSignal = plan is null ? null : NoisePerBatch(plan),
                Warnings = warnings,
                Infeasible = problem is null ? null : problem.Message + (problem.Hint is { } hint ? " " + hint : ""),
            };
        }).ToList();
    }

    /// <summary>The plan for <paramref name="epochs"/> epochs of <paramref name="batchSize"/> rows, its warnings, or what makes it infeasible.</summary>
    private (DpSgdPlan? Plan, List<DpPlanWarning> Warnings, SynthDataException? Problem) Check(int epochs, int batchSize, DpSgdOptions privacy)
    {
        var warnings = new List<DpPlanWarning>();
        var c = CultureInfo.InvariantCulture;
        if (Units < 1)
            return (null, warnings, new SettingException(CtganKind.Pac,
                n => $"DP-CTGAN cuts the rows into pac groups, and {_rows} rows do not fill one group of {n.Assignment(CtganKind.Pac, _pac.ToString(c))}.",
                n => $"lower {n.Setting(CtganKind.Pac)} or give more rows."));
        var batchUnits = batchSize / _pac;
        if (batchUnits > Units)
        {
            var suggested = Math.Max(BatchStep, (int)(DpPlanThresholds.MaxSamplingRate * _rows) / BatchStep * BatchStep);
            return (null, warnings, new SettingException(NeuralSettingTable.BatchSize,
                n => $"{n.Assignment(NeuralSettingTable.BatchSize, batchSize.ToString(c))} is larger than the {Units} {Unit} trained on: every step would read every {(_pac > 1 ? "group" : "row")} (sampling rate 1), which forgoes the amplification by subsampling the accounting counts on.",
                n => $"choose {n.Setting(NeuralSettingTable.BatchSize)} at most {Units * _pac}, better at most {DpPlanThresholds.MaxSamplingRate:P0} of the rows, e.g. {n.Assignment(NeuralSettingTable.BatchSize, suggested.ToString(c))}."));
        }
        DpSgdPlan plan;
        try
        {
            plan = _planFor(epochs, batchSize, privacy);
        }
        catch (SynthDataException e)
        {
            return (null, warnings, e);
        }
        var noise = NoisePerBatch(plan);
        if (noise >= DpPlanThresholds.NoLearningNoisePerBatch)
        {
            var fix = Alternative(epochs, batchSize, privacy);
            return (null, warnings, new SettingException(NeuralSettingTable.BatchSize,
                _ => string.Create(c, $"the noise multiplier σ = {plan.NoiseMultiplier:G4} is {noise:G3} times the expected batch of {plan.ExpectedBatchSize:G4} {Unit}: the noise on each coordinate of a step's averaged gradient (σ·C/B) would be at least the norm C of the whole clipped signal, so nothing is learned (the planner refuses σ/B ≥ {DpPlanThresholds.NoLearningNoisePerBatch})."),
                n => (fix is { } f
                        ? $"e.g. {n.Assignment(NeuralSettingTable.BatchSize, f.Batch.ToString(c))} with {n.Assignment(NeuralSettingTable.Epochs, f.Epochs.ToString(c))} gives σ/B = {f.Noise.ToString("G3", c)}; otherwise "
                        : "")
                    + $"raise {n.Setting(NeuralSettingTable.BatchSize)} or ε, or lower {n.Setting(NeuralSettingTable.Epochs)}."));
        }
        if (plan.SamplingRate > DpPlanThresholds.MaxSamplingRate)
            warnings.Add(new("sampling-rate", string.Create(c,
                $"sampling rate q = {plan.SamplingRate:G4} is above {DpPlanThresholds.MaxSamplingRate:P0}: subsampling amplifies privacy little at such rates; a smaller batch (at most {(int)(DpPlanThresholds.MaxSamplingRate * Units) * _pac} rows) or more {(_pac > 1 ? "rows" : "data")} would help")));
        if (plan.NoiseMultiplier < DpPlanThresholds.MinNoiseMultiplier)
            warnings.Add(new("noise-multiplier", string.Create(c,
                $"noise multiplier σ = {plan.NoiseMultiplier:G4} is below {DpPlanThresholds.MinNoiseMultiplier}: ε grows steeply with every step at such low noise; fewer epochs or a lower ε target keep σ up")));
        if (plan.Epsilon > DpPlanThresholds.MaxEpsilon)
            warnings.Add(new("epsilon", string.Create(c,
                $"ε = {plan.Epsilon:G4} is above {DpPlanThresholds.MaxEpsilon}: the guarantee bounds the odds of telling neighbouring tables apart only by e^{plan.Epsilon:0.#}; more noise, fewer epochs or a smaller batch lower it")));
        if (noise > DpPlanThresholds.SlowLearningNoisePerBatch)
            warnings.Add(new("noise-per-batch", string.Create(c,
                $"σ/B = {noise:G3}: the noise on each coordinate of a step's averaged gradient is above {DpPlanThresholds.SlowLearningNoisePerBatch} of the clipping norm, so learning will be slow; larger batches or fewer epochs help")));
        return (plan, warnings, null);
    }

    /// <summary>A nearby configuration with σ/B below the refusal line: the batch doubled, then the epochs halved.</summary>
    private (int Epochs, int Batch, double Noise)? Alternative(int epochs, int batchSize, DpSgdOptions privacy)
    {
        var candidates = new List<(int Epochs, int Batch)>();
        for (var batch = (long)batchSize * 2; batch / _pac <= Units; batch *= 2) candidates.Add((epochs, (int)(batch / BatchStep * BatchStep)));
        for (var e = epochs / 2; e >= 1; e /= 2) candidates.Add((e, batchSize));
        foreach (var (e, batch) in candidates)
        {
            try
            {
                var plan = _planFor(e, batch, privacy);
                if (NoisePerBatch(plan) < DpPlanThresholds.NoLearningNoisePerBatch) return (e, batch, NoisePerBatch(plan));
            }
            catch (SynthDataException)
            {
                // That candidate cannot reach ε either; try the next.
            }
        }
        return null;
    }

    /// <summary>σ over the expected batch: the noise on each coordinate of the averaged gradient, in units of C.</summary>
    private static double NoisePerBatch(DpSgdPlan plan) => plan.ExpectedBatchSize > 0 ? plan.NoiseMultiplier / plan.ExpectedBatchSize : double.PositiveInfinity;
}
