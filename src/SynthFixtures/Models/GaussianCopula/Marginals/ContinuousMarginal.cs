namespace SynthFixtures.Models.GaussianCopula.Marginals;

/// <summary>
/// A fitted one-dimensional continuous distribution: the marginal of one numeric column in the GaussianCopula.
/// The copula maps a value to a normal score through <see cref="Cdf"/> and back through <see cref="InverseCdf"/>;
/// the latter is called for every sampled cell, so every family keeps it cheap (closed form or a precomputed table).
/// Instances are immutable and safe to share between threads.
/// </summary>
public abstract class ContinuousMarginal
{
    /// <summary>
    /// The smallest probability <see cref="InverseCdf"/> distinguishes; probabilities closer to 0 or 1 than this are
    /// treated as this far from them, so the result is always finite and inside the support.
    /// </summary>
    public const double ProbabilityFloor = 1e-300;

    private protected ContinuousMarginal()
    {
    }

    /// <summary>The distribution family.</summary>
    public abstract MarginalFamily Family { get; }

    /// <summary>The lower end of the support (may be <see cref="double.NegativeInfinity"/>).</summary>
    public abstract double LowerBound { get; }

    /// <summary>The upper end of the support (may be <see cref="double.PositiveInfinity"/>).</summary>
    public abstract double UpperBound { get; }

    /// <summary>P(X ≤ <paramref name="x"/>): 0 below the support, 1 above it, NaN for NaN.</summary>
    public abstract double Cdf(double x);

    /// <summary>
    /// The quantile function: the x with <see cref="Cdf"/>(x) = <paramref name="p"/>, for p in (0, 1). Non-decreasing in p,
    /// always finite and inside [<see cref="LowerBound"/>, <see cref="UpperBound"/>]; p at or beyond 0 or 1 is pulled in
    /// (see <see cref="ProbabilityFloor"/>; the tabulated families stop at 1e-12 from either end); NaN gives NaN.
    /// </summary>
    public abstract double InverseCdf(double p);

    /// <summary>The distribution as plain numbers for a model file (see <see cref="MarginalSpec"/> for the layout).</summary>
    public abstract MarginalSpec ToSpec();

    /// <summary>
    /// Rebuilds a marginal from its spec, validating every number: the spec may come from a model file that was corrupted
    /// or edited, so nothing is trusted.
    /// </summary>
    /// <exception cref="SynthDataException">The family is unknown, the parameter count is wrong, a parameter is not finite,
    /// or the parameters do not describe a distribution (e.g. a standard deviation ≤ 0, lower ≥ upper, a CDF table that
    /// decreases).</exception>
    public static ContinuousMarginal FromSpec(MarginalSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var p = spec.Parameters;
        if (p is null) throw Invalid(spec.Family, "it has no parameters");
        return spec.Family switch
        {
            MarginalFamily.Uniform => Build(spec.Family, p, 2, "[lower, upper]",
                q => UniformMarginal.Validate(q[0], q[1]), q => new UniformMarginal(q[0], q[1])),
            MarginalFamily.Normal => Build(spec.Family, p, 2, "[mean, stdDev]",
                q => NormalMarginal.Validate(q[0], q[1]), q => new NormalMarginal(q[0], q[1])),
            MarginalFamily.TruncatedNormal => Build(spec.Family, p, 4, "[mean, stdDev, lower, upper]",
                q => TruncatedNormalMarginal.Validate(q[0], q[1], q[2], q[3]), q => new TruncatedNormalMarginal(q[0], q[1], q[2], q[3])),
            MarginalFamily.Gamma => Build(spec.Family, p, 3, "[shape, scale, location]",
                q => GammaMarginal.Validate(q[0], q[1], q[2]), q => new GammaMarginal(q[0], q[1], q[2])),
            MarginalFamily.Beta => Build(spec.Family, p, 4, "[alpha, beta, lower, upper]",
                q => BetaMarginal.Validate(q[0], q[1], q[2], q[3]), q => new BetaMarginal(q[0], q[1], q[2], q[3])),
            MarginalFamily.GaussianKde => BuildKde(p),
            _ => throw new SynthDataException($"Unknown marginal family {(int)spec.Family}.",
                hint: "The model file may be corrupt or written by a newer SynthFixtures; retrain the model."),
        };
    }

    private static ContinuousMarginal Build(MarginalFamily family, IReadOnlyList<double> p, int count, string layout,
        Func<double[], string?> validate, Func<double[], ContinuousMarginal> create)
    {
        if (p.Count != count)
            throw Invalid(family, $"it has {p.Count} parameters, expected {count} {layout}");
        var values = p.ToArray();
        for (var i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                throw Invalid(family, $"parameter {i} of {layout} is {values[i]}, not a finite number");
        if (validate(values) is { } error) throw Invalid(family, error);
        return create(values);
    }

    private static KdeMarginal BuildKde(IReadOnlyList<double> p)
    {
        if (p.Count % 2 != 0 || p.Count < 4 || p.Count > 2 * KdeMarginal.MaxTablePoints)
            throw Invalid(MarginalFamily.GaussianKde,
                $"it has {p.Count} parameters, expected an even count from 4 to {2 * KdeMarginal.MaxTablePoints} (a grid of x values, then their CDF values)");
        var m = p.Count / 2;
        var x = new double[m];
        var f = new double[m];
        for (var i = 0; i < m; i++)
        {
            x[i] = p[i];
            f[i] = p[m + i];
        }
        if (KdeMarginal.Validate(x, f) is { } error) throw Invalid(MarginalFamily.GaussianKde, error);
        return new KdeMarginal(x, f, copy: false);
    }

    private static SynthDataException Invalid(MarginalFamily family, string problem) =>
        new($"The {family} marginal in the model is invalid: {problem}.",
            hint: "The model file may be corrupt or edited by hand; retrain the model.");

    /// <summary>Throws <see cref="ArgumentException"/> unless the span is at least 2 finite values in ascending order.</summary>
    internal static void CheckSorted(ReadOnlySpan<double> sortedValues, string paramName)
    {
        if (sortedValues.Length < 2)
            throw new ArgumentException($"At least 2 values are needed to fit a marginal, got {sortedValues.Length}.", paramName);
        if (!double.IsFinite(sortedValues[0]))
            throw new ArgumentException("The values must be finite.", paramName);
        for (var i = 1; i < sortedValues.Length; i++)
        {
            var v = sortedValues[i];
            if (!(v >= sortedValues[i - 1]) || !double.IsFinite(v))
                throw new ArgumentException($"The values must be finite and sorted ascending (index {i} is {v} after {sortedValues[i - 1]}).", paramName);
        }
    }

    /// <summary>Half-width of the tiny interval a constant column is spread over, so its marginal stays a proper distribution.</summary>
    internal static double DegenerateHalfWidth(double value) => Math.Max(Math.Abs(value), 1.0) * 1e-9;

    /// <summary>Clamps a probability into [<see cref="ProbabilityFloor"/>, 1 − 2⁻⁵³] (NaN stays NaN).</summary>
    internal static double ClampProbability(double p)
    {
        if (p < ProbabilityFloor) return ProbabilityFloor;
        if (p > MaxProbability) return MaxProbability;
        return p;
    }

    private const double MaxProbability = 1 - 1.1102230246251565e-16;

    /// <summary>Mean and sample standard deviation (n − 1) of the values, computed about the first value for stability.</summary>
    internal static (double Mean, double StdDev) MeanStd(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        var shift = values[n / 2];
        double s1 = 0, s2 = 0;
        foreach (var v in values)
        {
            var d = v - shift;
            s1 += d;
            s2 += d * d;
        }
        var meanShift = s1 / n;
        var variance = Math.Max(0, (s2 - s1 * meanShift) / (n - 1));
        return (shift + meanShift, Math.Sqrt(variance));
    }
}
