namespace SynthFixtures.Privacy;

/// <summary>
/// A zero-concentrated DP budget ρ (Bun and Steinke 2016), the currency of marginal-based models (MST, AIM): Gaussian
/// measurements and exponential-mechanism selections each cost a ρ, compositions add them, and the total converts to
/// (ε, δ). Immutable: every <c>With…</c> returns a new budget.
/// </summary>
public sealed record ZcdpBudget
{
    private ZcdpBudget(double rho) => Rho = rho;

    /// <summary>Nothing spent.</summary>
    public static ZcdpBudget Zero { get; } = new(0);

    /// <summary>A budget of <paramref name="rho"/> (finite, ≥ 0).</summary>
    public static ZcdpBudget FromRho(double rho)
    {
        PrivacyArguments.CheckRho(rho);
        return new ZcdpBudget(rho);
    }

    /// <summary>ρ, the total zCDP cost.</summary>
    public double Rho { get; }

    /// <summary>The zCDP cost of one Gaussian measurement: ρ = Δ²/(2σ²) (Bun and Steinke 2016, Proposition 1.6).</summary>
    /// <param name="noiseStandardDeviation">σ, the standard deviation of the added noise, &gt; 0.</param>
    /// <param name="sensitivity">Δ, the L2 sensitivity of the measured vector (1 for a count vector).</param>
    public static double GaussianRho(double noiseStandardDeviation, double sensitivity = 1)
    {
        PrivacyArguments.CheckSensitivity(sensitivity);
        if (!(noiseStandardDeviation > 0) || double.IsPositiveInfinity(noiseStandardDeviation))
            throw PrivacyArguments.Invalid(
                $"A Gaussian measurement needs a finite noise standard deviation above 0; got {PrivacyArguments.Show(noiseStandardDeviation)}.",
                "Without noise a measurement has no zCDP guarantee.");
        return sensitivity * sensitivity / (2 * noiseStandardDeviation * noiseStandardDeviation);
    }

    /// <summary>The noise standard deviation that makes one Gaussian measurement cost exactly <paramref name="rho"/>: σ = Δ/√(2ρ).</summary>
    public static double GaussianNoiseFor(double rho, double sensitivity = 1)
    {
        PrivacyArguments.CheckSensitivity(sensitivity);
        if (!(rho > 0) || double.IsPositiveInfinity(rho))
            throw PrivacyArguments.Invalid($"A Gaussian measurement needs a zCDP budget ρ above 0; got {PrivacyArguments.Show(rho)}.",
                "ρ = 0 would need infinite noise.");
        return sensitivity / Math.Sqrt(2 * rho);
    }

    /// <summary>
    /// The zCDP cost of one ε-DP exponential mechanism with a bounded-range score (as MST and AIM account for their
    /// selection steps): ρ = ε²/8 (Cesar and Rogers 2021, "Bounding, concentrating, and truncating: unifying privacy
    /// loss composition for data analytics", Lemma 3.2).
    /// </summary>
    public static double ExponentialMechanismRho(double epsilon)
    {
        PrivacyArguments.CheckEpsilon(epsilon);
        return epsilon * epsilon / 8;
    }

    /// <summary>The ε of an exponential mechanism that costs exactly <paramref name="rho"/>: ε = √(8ρ).</summary>
    public static double ExponentialMechanismEpsilonFor(double rho)
    {
        PrivacyArguments.CheckRho(rho);
        return Math.Sqrt(8 * rho);
    }

    /// <summary>This budget plus <paramref name="count"/> Gaussian measurements with noise σ at sensitivity Δ.</summary>
    public ZcdpBudget WithGaussian(double noiseStandardDeviation, double sensitivity = 1, int count = 1) =>
        Plus(Count(count) * GaussianRho(noiseStandardDeviation, sensitivity));

    /// <summary>This budget plus <paramref name="count"/> ε-DP exponential-mechanism selections (bounded range).</summary>
    public ZcdpBudget WithExponentialMechanism(double epsilon, int count = 1) =>
        Plus(Count(count) * ExponentialMechanismRho(epsilon));

    /// <summary>This budget plus another (zCDP composes by adding ρ).</summary>
    public ZcdpBudget Plus(ZcdpBudget other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Plus(other.Rho);
    }

    private ZcdpBudget Plus(double rho) => new(Rho + rho);

    private static int Count(int count) => count >= 0 ? count
        : throw PrivacyArguments.Invalid($"A number of measurements must be ≥ 0; got {count}.", null);

    /// <summary>
    /// The classic conversion ε = ρ + 2√(ρ log(1/δ)) (Bun and Steinke 2016, Proposition 1.3). Always at least
    /// <see cref="Spent"/>'s ε; kept for comparison with published figures that use it.
    /// </summary>
    public double ClassicEpsilon(double delta)
    {
        PrivacyArguments.CheckDelta(delta);
        return Rho + 2 * Math.Sqrt(Rho * Math.Log(1 / delta));
    }

    /// <summary>
    /// The tight conversion of Canonne, Kamath and Steinke 2020 ("The Discrete Gaussian for Differential Privacy",
    /// Proposition 12 / Corollary 13): ρ-zCDP is (α, αρ)-RDP for every α &gt; 1, and so (ε, δ)-DP with
    /// ε = min over α &gt; 1 of αρ − (log δ + log α)/(α − 1) + log((α − 1)/α), here minimised over continuous α.
    /// </summary>
    public PrivacySpent Spent(double delta)
    {
        PrivacyArguments.CheckDelta(delta);
        if (Rho == 0) return new PrivacySpent(0, delta, null);
        var (order, epsilon) = ZcdpConversion.Minimise(Rho, Math.Log(delta));
        return new PrivacySpent(Math.Max(0, epsilon), delta, order);
    }

    /// <summary>
    /// The largest ρ whose tight conversion (<see cref="Spent"/>) stays within (ε, δ): the budget a zCDP model may
    /// spend for a target ε. Found by bisection to a relative width of 10⁻¹², rounded down.
    /// </summary>
    public static ZcdpBudget ForTarget(double epsilon, double delta)
    {
        PrivacyArguments.CheckEpsilon(epsilon);
        PrivacyArguments.CheckDelta(delta);
        var logDelta = Math.Log(delta);
        double EpsilonOf(double rho) => ZcdpConversion.Minimise(rho, logDelta).Epsilon;
        double low = 0, high = epsilon;
        while (EpsilonOf(high) <= epsilon) { low = high; high *= 2; }
        while (high - low > 1e-12 * high)
        {
            var middle = 0.5 * (low + high);
            if (EpsilonOf(middle) <= epsilon) low = middle;
            else high = middle;
        }
        return new ZcdpBudget(low);
    }
}
