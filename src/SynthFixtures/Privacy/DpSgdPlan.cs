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

    /// <summary>The plan for <paramref name="epochs"/> epochs of expected batch size <paramref name="batchSize"/> over <paramref name="units"/> units.</summary>
    /// <param name="units">Rows (or pac groups) trained on.</param>
    /// <param name="batchSize">Expected units per step (capped at <paramref name="units"/>).</param>
    /// <param name="epochs">Epochs.</param>
    /// <param name="epsilon">Target ε, or <c>null</c> when <paramref name="noiseMultiplier"/> is given.</param>
    /// <param name="noiseMultiplier">σ, or <c>null</c> when <paramref name="epsilon"/> is given.</param>
    /// <param name="delta">δ, or <c>null</c> for 1/(n·√n).</param>
    /// <param name="maxGradNorm">C.</param>
    /// <param name="releasesPerStep">Noisy gradients per batch step (CTGAN's discriminator steps per generator step).</param>
    /// <param name="unitName">What a unit is, for messages: <c>rows</c> or <c>pac groups</c>.</param>
    /// <exception cref="SynthDataException">δ is not below 1/n, or the target ε cannot be reached.</exception>
    public static DpSgdPlan For(int units, int batchSize, int epochs, double? epsilon, double? noiseMultiplier, double? delta, double maxGradNorm,
        int releasesPerStep = 1, string unitName = "rows")
    {
        if (units < 1) throw new SynthDataException("DP-SGD needs at least one row to train on.");
        if (epsilon is null == noiseMultiplier is null) throw new ArgumentException("Give exactly one of a target ε and a noise multiplier.");
        var chosenDelta = delta ?? 1.0 / (units * Math.Sqrt(units));
        if (chosenDelta >= 1.0 / units)
            throw new SynthDataException(
                $"δ = {Show(chosenDelta)} is not below 1/n = {Show(1.0 / units)} for n = {units} {unitName} trained on: such a δ allows releasing a whole record.",
                hint: $"Leave δ unset (1/(n·√n) = {Show(1.0 / (units * Math.Sqrt(units)))}) or choose a smaller one.");
        var rate = Math.Min(batchSize, units) / (double)units;
        var steps = checked(epochs * StepsPerEpoch(units, batchSize) * releasesPerStep);
        var sigma = noiseMultiplier ?? NoiseCalibration.NoiseMultiplierFor(epsilon!.Value, rate, steps, chosenDelta);
        var spent = NoiseCalibration.EpsilonFor(rate, sigma, steps, chosenDelta);
        return new DpSgdPlan(spent.Epsilon, chosenDelta, sigma, maxGradNorm, rate, steps, units);
    }

    private static string Show(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
