using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace SynthFixtures.Models.GaussianCopula.Marginals;

/// <summary>
/// A normal distribution with parameters <see cref="Mean"/> and <see cref="StdDev"/> (of the untruncated normal),
/// truncated to [<see cref="Lower"/>, <see cref="Upper"/>].
/// </summary>
public sealed class TruncatedNormalMarginal : ContinuousMarginal
{
    private static readonly double Sqrt2 = Math.Sqrt(2);

    // When the interval lies in the upper tail (α ≥ 0) the CDF is computed from upper-tail probabilities Φ(−z),
    // which keep their relative precision there; otherwise from Φ(z).
    private readonly bool _upperTail;
    private readonly double _baseProbability; // Φ(α), or Φ(−α) in upper-tail mode
    private readonly double _mass;            // Φ(β) − Φ(α)
    private readonly double _invSigmaSqrt2;

    /// <summary>Creates a truncated normal marginal.</summary>
    /// <exception cref="ArgumentException">A parameter is not finite, <paramref name="stdDev"/> ≤ 0, <paramref name="lower"/> ≥
    /// <paramref name="upper"/>, or the interval is so far in the normal's tail that it holds no representable probability.</exception>
    public TruncatedNormalMarginal(double mean, double stdDev, double lower, double upper)
    {
        if (Validate(mean, stdDev, lower, upper) is { } error) throw new ArgumentException(error);
        Mean = mean;
        StdDev = stdDev;
        Lower = lower;
        Upper = upper;
        _invSigmaSqrt2 = 1 / (stdDev * Sqrt2);
        (_upperTail, _baseProbability, _mass) = Normalizer((lower - mean) / stdDev, (upper - mean) / stdDev);
    }

    /// <summary>The mean μ of the normal before truncation.</summary>
    public double Mean { get; }

    /// <summary>The standard deviation σ of the normal before truncation.</summary>
    public double StdDev { get; }

    /// <summary>The lower truncation point.</summary>
    public double Lower { get; }

    /// <summary>The upper truncation point.</summary>
    public double Upper { get; }

    /// <inheritdoc />
    public override MarginalFamily Family => MarginalFamily.TruncatedNormal;

    /// <inheritdoc />
    public override double LowerBound => Lower;

    /// <inheritdoc />
    public override double UpperBound => Upper;

    /// <inheritdoc />
    public override double Cdf(double x)
    {
        if (x <= Lower) return 0;
        if (x >= Upper) return 1;
        if (double.IsNaN(x)) return double.NaN;
        var u = _upperTail
            ? (_baseProbability - 0.5 * SpecialFunctions.Erfc((x - Mean) * _invSigmaSqrt2)) / _mass
            : (0.5 * SpecialFunctions.Erfc((Mean - x) * _invSigmaSqrt2) - _baseProbability) / _mass;
        return u < 0 ? 0 : u > 1 ? 1 : u;
    }

    /// <inheritdoc />
    public override double InverseCdf(double p)
    {
        if (double.IsNaN(p)) return double.NaN;
        p = ClampProbability(p);
        double x;
        if (_upperTail)
        {
            var q = _baseProbability - p * _mass; // Φ(−z)
            x = Mean + StdDev * Sqrt2 * SpecialFunctions.ErfcInv(2 * q);
        }
        else
        {
            var u = _baseProbability + p * _mass; // Φ(z)
            x = Mean - StdDev * Sqrt2 * SpecialFunctions.ErfcInv(2 * u);
        }
        return x > Lower ? x < Upper ? x : Upper : Lower;
    }

    /// <inheritdoc />
    public override MarginalSpec ToSpec() => new(Family, [Mean, StdDev, Lower, Upper]);

    /// <summary>
    /// Fits a normal truncated to the observed range [min, max] by maximum likelihood over μ and σ. The likelihood depends on
    /// the data only through its mean and variance, so the optimiser (Nelder–Mead, on μ and ln σ in standardised units,
    /// started at the sample mean and standard deviation) costs nothing per value. σ is kept below e⁷ sample standard
    /// deviations and μ within 50 of the sample mean: beyond that the fit is indistinguishable from a uniform or an
    /// exponential tail.
    /// </summary>
    /// <param name="sortedValues">At least 2 finite values in ascending order, not all equal.</param>
    /// <exception cref="ArgumentException">The values are constant, unsorted or not finite.</exception>
    /// <exception cref="ArithmeticException">The optimiser did not converge.</exception>
    public static TruncatedNormalMarginal Fit(ReadOnlySpan<double> sortedValues)
    {
        CheckSorted(sortedValues, nameof(sortedValues));
        double min = sortedValues[0], max = sortedValues[^1];
        if (max == min) throw new ArgumentException("A truncated normal cannot be fitted to constant values.", nameof(sortedValues));
        var n = sortedValues.Length;
        var (mean, std) = MeanStd(sortedValues);
        // Standardised data: mean 0, mean of squares (n − 1)/n.
        var meanSquare = (n - 1.0) / n;
        double a = (min - mean) / std, b = (max - mean) / std;

        double Objective(Vector<double> v)
        {
            double mu = v[0], logSigma = v[1];
            if (Math.Abs(mu) > 50 || logSigma < -12 || logSigma > 7) return 1e10 + Math.Abs(mu) + Math.Abs(logSigma);
            var sigma = Math.Exp(logSigma);
            var (_, _, mass) = Normalizer((a - mu) / sigma, (b - mu) / sigma);
            if (!(mass > 0)) return 1e10;
            return logSigma + (meanSquare + mu * mu) / (2 * sigma * sigma) + Math.Log(mass);
        }

        var result = NelderMeadSimplex.Minimum(ObjectiveFunction.Value(Objective),
            Vector<double>.Build.Dense([0.0, 0.0]), Vector<double>.Build.Dense([0.25, 0.25]), 1e-12, 4000);
        var point = result.MinimizingPoint;
        var fittedMean = mean + std * point[0];
        var fittedStd = std * Math.Exp(point[1]);
        return new TruncatedNormalMarginal(fittedMean, fittedStd, min, max);
    }

    internal static string? Validate(double mean, double stdDev, double lower, double upper)
    {
        if (!double.IsFinite(mean) || !double.IsFinite(stdDev) || !double.IsFinite(lower) || !double.IsFinite(upper))
            return "all parameters must be finite";
        if (!(stdDev > 0)) return $"the standard deviation must be positive, got {stdDev}";
        if (!(lower < upper)) return $"lower ({lower}) must be less than upper ({upper})";
        var (_, _, mass) = Normalizer((lower - mean) / stdDev, (upper - mean) / stdDev);
        return mass > 1e-300 && double.IsFinite(mass)
            ? null
            : $"the interval [{lower}, {upper}] holds no representable probability under Normal({mean}, {stdDev})";
    }

    /// <summary>Φ(β) − Φ(α) computed from whichever tail keeps precision.</summary>
    private static (bool UpperTail, double Base, double Mass) Normalizer(double alpha, double beta)
    {
        if (alpha >= 0)
        {
            var qa = 0.5 * SpecialFunctions.Erfc(alpha / Sqrt2);
            var qb = 0.5 * SpecialFunctions.Erfc(beta / Sqrt2);
            return (true, qa, qa - qb);
        }
        var pa = 0.5 * SpecialFunctions.Erfc(-alpha / Sqrt2);
        var pb = 0.5 * SpecialFunctions.Erfc(-beta / Sqrt2);
        return (false, pa, pb - pa);
    }
}
