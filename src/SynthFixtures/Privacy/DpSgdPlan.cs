using System.Globalization;

namespace SynthFixtures.Privacy;

/// <summary>
/// What a DP-SGD training spends and how: Poisson batches at rate q for a number of steps, each clipped to C with
/// noise σ·C, and the (ε, δ) the accountant gives for that. The artifact records it.
/// </summary>
/// <param name="Epsilon">ε spent (for a target ε: at most the target, within the calibration's tolerance).</param>
/// <param name="Delta">δ.</param>
/// <param name="NoiseMultiplier">σ.</param>
/// <param name="MaxGradNorm">C.</param>
/// <param name="SamplingRate">q: each unit (a row, or a pac group) joins a step with this probability.</param>
/// <param name="Steps">Noisy steps over the whole training.</param>
/// <param name="Units">How many units the sampling draws from (rows, or pac groups).</param>
public sealed record DpSgdPlan(double Epsilon, double Delta, double NoiseMultiplier, double MaxGradNorm, double SamplingRate, int Steps, int Units)
{
    /// <summary>q·n, what each step's clipped sum is divided by.</summary>
    public double ExpectedBatchSize => SamplingRate * Units;

    /// <summary>Steps per epoch: ⌈n / expected batch⌉, so an epoch reads each unit once in expectation.</summary>
    public static int StepsPerEpoch(int units, int batchSize) => (int)Math.Ceiling(units / (double)Math.Min(batchSize, units));

    /// <summary>
    /// The Gaussian measurements made before training (preprocessing), each with its noise, ρ, δ and share of the
    /// privacy loss at the order the conversion chose; empty when the plan covers the network training only.
    /// </summary>
    public IReadOnlyList<PrivacyPlanStep> Preprocessing { get; init; } = [];

    /// <summary>The ε asked for, or <c>null</c> when the noise multiplier was given instead.</summary>
    public double? TargetEpsilon { get; init; }

    /// <summary>DP-SGD's share of the privacy loss at the order the conversion chose (1 without preprocessing).</summary>
    public double TrainingShare { get; init; } = 1;

    /// <summary>What the model reads outside the budget (the column metadata, the row count, ...), as the trainer states it.</summary>
    public IReadOnlyList<string> Public { get; init; } = [];

    /// <summary>The plan for <paramref name="epochs"/> epochs of expected batch size <paramref name="batchSize"/> over <paramref name="units"/> units.</summary>
    /// <param name="units">Rows (or pac groups) trained on.</param>
    /// <param name="batchSize">Expected units per step (capped at <paramref name="units"/>).</param>
    /// <param name="epochs">Epochs.</param>
    /// <param name="epsilon">Target ε of everything together, or <c>null</c> when <paramref name="noiseMultiplier"/> is given.</param>
    /// <param name="noiseMultiplier">σ, or <c>null</c> when <paramref name="epsilon"/> is given.</param>
    /// <param name="delta">δ of everything together, or <c>null</c> for 1/(n·√n).</param>
    /// <param name="maxGradNorm">C.</param>
    /// <param name="releasesPerStep">Noisy gradients per batch step (CTGAN's discriminator steps per generator step).</param>
    /// <param name="unitName">What a unit is, for messages: <c>rows</c> or <c>pac groups</c>.</param>
    /// <param name="preprocessing">
    /// Gaussian measurements made before training, composed with DP-SGD in the same RDP account: each costs its share of
    /// ρ(ε) (with a noise multiplier instead of ε: of the ρ that converts to what DP-SGD alone spends), and DP-SGD's
    /// noise is calibrated so that all of it together spends the target ε. A tenth of δ goes to their label thresholds
    /// (<see cref="DpSgdPreprocessing.LabelDeltaShare"/>) when any has them; the plan's δ is the whole.
    /// </param>
    /// <param name="rowsPerUnit">
    /// Rows in one unit (DP-CTGAN: pac). The preprocessing counts rows, so one unit moves a count vector by up to this
    /// much: its noise is scaled by it (the listed standard deviation is per count, the accounting per unit).
    /// </param>
    /// <exception cref="SynthDataException">δ is not below 1/n, or the target ε cannot be reached.</exception>
    public static DpSgdPlan For(int units, int batchSize, int epochs, double? epsilon, double? noiseMultiplier, double? delta, double maxGradNorm,
        int releasesPerStep = 1, string unitName = "rows", IReadOnlyList<DpSgdPreprocessing>? preprocessing = null, int rowsPerUnit = 1)
    {
        if (rowsPerUnit < 1) throw new ArgumentOutOfRangeException(nameof(rowsPerUnit), rowsPerUnit, "A unit holds at least one row.");
        if (units < 1) throw new SynthDataException("DP-SGD needs at least one row to train on.");
        if (epsilon is null == noiseMultiplier is null) throw new ArgumentException("Give exactly one of a target ε and a noise multiplier.");
        var chosenDelta = delta ?? 1.0 / (units * Math.Sqrt(units));
        if (chosenDelta >= 1.0 / units)
            throw new SynthDataException(
                $"δ = {Show(chosenDelta)} is not below 1/n = {Show(1.0 / units)} for n = {units} {unitName} trained on: such a δ allows releasing a whole record.",
                hint: $"Leave δ unset (1/(n·√n) = {Show(1.0 / (units * Math.Sqrt(units)))}) or choose a smaller one.");
        var rate = Math.Min(batchSize, units) / (double)units;
        var steps = checked(epochs * StepsPerEpoch(units, batchSize) * releasesPerStep);
        var before = preprocessing ?? [];
        var thresholded = before.Sum(p => p.ThresholdedMeasurements);
        var labelDelta = thresholded > 0 ? chosenDelta * DpSgdPreprocessing.LabelDeltaShare : 0;
        var conversionDelta = chosenDelta - labelDelta;

        var reference = epsilon ?? NoiseCalibration.EpsilonFor(rate, noiseMultiplier!.Value, steps, conversionDelta).Epsilon;
        var referenceRho = before.Count == 0 || double.IsPositiveInfinity(reference) ? 0 : ZcdpBudget.ForTarget(reference, conversionDelta).Rho;
        var accountant = RdpAccountant.Empty;
        var noise = new double[before.Count];
        for (var k = 0; k < before.Count; k++)
        {
            var step = before[k];
            if (!(step.Share > 0 && step.Share < 1) || step.Measurements < 1)
                throw new ArgumentException($"Preprocessing step '{step.Name}' needs a share in (0, 1) and at least one measurement.", nameof(preprocessing));
            noise[k] = ZcdpBudget.GaussianNoiseFor(step.Share * referenceRho / step.Measurements);
            // A Gaussian measurement of sensitivity 1 is the subsampled Gaussian at q = 1: RDP α/(2σ²).
            accountant = accountant.With(1, noise[k], step.Measurements);
        }
        var sigma = noiseMultiplier ?? NoiseCalibration.NoiseMultiplierFor(epsilon!.Value, rate, steps, conversionDelta, spentBefore: accountant);
        var spent = accountant.With(rate, sigma, steps).Spent(conversionDelta);

        // Shares of the privacy loss at the order the conversion chose (RDP adds per order).
        var order = spent.Order;
        double RdpAt(double q, double s, int count) => order is { } a ? SampledGaussianRdp.Rdp(q, s, a) * count : 0;
        var training = RdpAt(rate, sigma, steps);
        var total = training + before.Select((p, k) => RdpAt(1, noise[k], p.Measurements)).Sum();
        double ShareOf(double rdp) => total > 0 ? rdp / total : 0;
        var listed = before.Select((p, k) => new PrivacyPlanStep
        {
            Name = p.Name, Share = ShareOf(RdpAt(1, noise[k], p.Measurements)), Rho = p.Measurements * ZcdpBudget.GaussianRho(noise[k]),
            NoiseStandardDeviation = noise[k] * rowsPerUnit, Measurements = p.Measurements,
            Delta = thresholded > 0 ? labelDelta * p.ThresholdedMeasurements / thresholded : 0,
            Detail = rowsPerUnit == 1 ? p.Detail : p.Detail + $" (one unit is {rowsPerUnit} rows, so the noise and the label threshold are {rowsPerUnit} times a row's)",
        }).ToList();
        return new DpSgdPlan(spent.Epsilon, chosenDelta, sigma, maxGradNorm, rate, steps, units)
        {
            Preprocessing = listed, TargetEpsilon = epsilon, TrainingShare = before.Count == 0 ? 1 : ShareOf(training),
        };
    }

    /// <summary>
    /// The plan as the shared <see cref="PrivacyPlan"/> form: the preprocessing steps, then DP-SGD (its noise standard
    /// deviation is the noise multiplier σ, in units of the clipping norm, its measurements the noisy steps).
    /// </summary>
    /// <param name="model">The model kind.</param>
    /// <param name="neighbours">What neighbouring tables mean for this guarantee.</param>
    /// <param name="publicFacts">What the model reads outside the budget; <c>null</c>: <see cref="Public"/>.</param>
    public PrivacyPlan ToPrivacyPlan(string model, string neighbours, IReadOnlyList<string>? publicFacts = null) => new()
    {
        Model = model, Accounting = "RDP", Epsilon = Epsilon, Delta = Delta, TargetEpsilon = TargetEpsilon ?? Epsilon,
        Neighbours = neighbours, Public = publicFacts ?? Public,
        Steps =
        [
            .. Preprocessing,
            new PrivacyPlanStep
            {
                Name = "DP-SGD", Share = TrainingShare, NoiseStandardDeviation = NoiseMultiplier, Measurements = Steps, SamplingRate = SamplingRate,
                Detail = $"{Steps} noisy steps over {Units} units: each joins a step with probability {Show(SamplingRate)}, each unit's gradient is clipped to C = {Show(MaxGradNorm)}, and the sum gets Gaussian noise σ·C",
            },
        ],
    };

    private static string Show(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
