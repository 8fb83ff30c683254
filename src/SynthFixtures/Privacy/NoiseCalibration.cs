using System.Globalization;

namespace SynthFixtures.Privacy;

/// <summary>
/// Between a target ε and the noise that reaches it, for DP-SGD style training: T steps of the Poisson-subsampled
/// Gaussian mechanism at rate q, accounted in Rényi DP (<see cref="RdpAccountant"/>) and converted at δ.
/// </summary>
public static class NoiseCalibration
{
    /// <summary>The default absolute tolerance on ε of <see cref="NoiseMultiplierFor"/>.</summary>
    public const double DefaultEpsilonTolerance = 1e-4;

    /// <summary>The (ε, δ) that <paramref name="steps"/> steps at rate q and noise multiplier σ spend.</summary>
    /// <param name="samplingRate">q in [0, 1].</param>
    /// <param name="noiseMultiplier">σ ≥ 0 (0: no privacy, ε = +∞).</param>
    /// <param name="steps">Number of steps, ≥ 0.</param>
    /// <param name="delta">δ strictly between 0 and 1.</param>
    /// <param name="orders">The Rényi orders to optimise over; <see cref="RdpOrders.Default"/> when omitted.</param>
    public static PrivacySpent EpsilonFor(double samplingRate, double noiseMultiplier, int steps, double delta,
        IEnumerable<double>? orders = null) =>
        Accountant(orders).With(samplingRate, noiseMultiplier, steps).Spent(delta);

    /// <summary>
    /// The smallest noise multiplier σ (to the tolerance) whose <paramref name="steps"/> steps at rate q spend at most
    /// <paramref name="targetEpsilon"/> at δ: the result σ* satisfies target − tolerance ≤ ε(σ*) ≤ target, found by
    /// bisection (ε falls as σ grows). 0 when the steps read no rows (q = 0 or no steps).
    /// </summary>
    /// <exception cref="SynthDataException">
    /// The target cannot be reached: even unlimited noise leaves the conversion's own cost, which depends only on δ and
    /// the orders (about 0.1 at δ = 10⁻⁵ with orders up to 63).
    /// </exception>
    /// <param name="targetEpsilon">ε of the whole composition.</param>
    /// <param name="samplingRate">q in [0, 1].</param>
    /// <param name="steps">Number of steps, ≥ 0.</param>
    /// <param name="delta">δ of the conversion, strictly between 0 and 1.</param>
    /// <param name="orders">The Rényi orders to optimise over; <see cref="RdpOrders.Default"/> when omitted (ignored with <paramref name="spentBefore"/>, whose orders are used).</param>
    /// <param name="epsilonTolerance">How far below the target ε(σ*) may fall.</param>
    /// <param name="spentBefore">
    /// What other mechanisms composed with these steps already spend (e.g. a DP-SGD model's preprocessing
    /// measurements): the target is then the ε of everything together, and the floor includes their cost.
    /// </param>
    public static double NoiseMultiplierFor(double targetEpsilon, double samplingRate, int steps, double delta,
        IEnumerable<double>? orders = null, double epsilonTolerance = DefaultEpsilonTolerance, RdpAccountant? spentBefore = null)
    {
        PrivacyArguments.CheckEpsilon(targetEpsilon);
        PrivacyArguments.CheckSamplingRate(samplingRate);
        PrivacyArguments.CheckSteps(steps);
        PrivacyArguments.CheckDelta(delta);
        if (!(epsilonTolerance > 0 && epsilonTolerance < targetEpsilon))
            throw PrivacyArguments.Invalid(
                $"The ε tolerance must lie between 0 and the target ε {Show(targetEpsilon)}; got {Show(epsilonTolerance)}.", null);
        var accountant = spentBefore ?? Accountant(orders);

        var floor = accountant.Spent(delta);
        if (targetEpsilon <= floor.Epsilon)
            throw PrivacyArguments.Invalid(
                $"ε = {Show(targetEpsilon)} cannot be reached at δ = {Show(delta)}: even unlimited noise leaves ε = {floor.Epsilon:0.####} " +
                (spentBefore is null ? $"(the (ε, δ) conversion's own cost over Rényi orders up to {accountant.Orders.Max():0.#})." : "(what the mechanisms before these steps spend, with the conversion's own cost)."),
                $"Raise ε above {floor.Epsilon:0.####}, or raise δ (staying well below 1/rows).");
        if (samplingRate == 0 || steps == 0) return 0;

        double EpsilonAt(double sigma) => accountant.With(samplingRate, sigma, steps).Spent(delta).Epsilon;
        double low = 0, high = 1;
        var highEpsilon = EpsilonAt(high);
        while (highEpsilon > targetEpsilon)
        {
            low = high;
            high *= 2;
            if (high > MaxNoiseMultiplier)
                throw PrivacyArguments.Invalid(
                    $"ε = {Show(targetEpsilon)} at δ = {Show(delta)} over {steps} steps at sampling rate {Show(samplingRate)} " +
                    $"needs a noise multiplier above {MaxNoiseMultiplier:0e0}: the target sits too close to the conversion's own cost ({floor.Epsilon:0.####}).",
                    "Raise ε, take fewer steps or a smaller sampling rate.");
            highEpsilon = EpsilonAt(high);
        }
        while (highEpsilon < targetEpsilon - epsilonTolerance && high - low > 1e-12 * high)
        {
            var middle = 0.5 * (low + high);
            var middleEpsilon = EpsilonAt(middle);
            if (middleEpsilon > targetEpsilon) low = middle;
            else (high, highEpsilon) = (middle, middleEpsilon);
        }
        return high;
    }

    /// <summary>
    /// The noise standard deviation that lets <paramref name="measurements"/> equal Gaussian measurements (each of L2
    /// sensitivity <paramref name="sensitivity"/>) spend together at most (ε, δ) in zCDP with the tight conversion:
    /// ρ = <see cref="ZcdpBudget.ForTarget"/>(ε, δ) shared equally, σ = Δ/√(2ρ/measurements).
    /// </summary>
    public static double GaussianNoiseForZcdp(double targetEpsilon, double delta, int measurements, double sensitivity = 1)
    {
        if (measurements < 1)
            throw PrivacyArguments.Invalid($"The number of measurements must be at least 1; got {measurements}.", null);
        var rho = ZcdpBudget.ForTarget(targetEpsilon, delta).Rho;
        return ZcdpBudget.GaussianNoiseFor(rho / measurements, sensitivity);
    }

    private static RdpAccountant Accountant(IEnumerable<double>? orders) =>
        orders is null ? RdpAccountant.Empty : RdpAccountant.Over(orders);

    private static string Show(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>Beyond this the search gives up: no practical training adds noise 10⁶ times its clipping norm.</summary>
    private const double MaxNoiseMultiplier = 1e6;
}
