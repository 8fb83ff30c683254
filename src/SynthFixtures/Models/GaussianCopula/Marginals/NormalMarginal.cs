using MathNet.Numerics;

namespace SynthFixtures.Models.GaussianCopula.Marginals;

/// <summary>Normal distribution with mean <see cref="Mean"/> and standard deviation <see cref="StdDev"/>.</summary>
public sealed class NormalMarginal : ContinuousMarginal
{
    private readonly double _invSigmaSqrt2;
    private readonly double _sigmaSqrt2;

    /// <summary>Creates a normal marginal.</summary>
    /// <exception cref="ArgumentException">A parameter is not finite or <paramref name="stdDev"/> ≤ 0.</exception>
    public NormalMarginal(double mean, double stdDev)
    {
        if (Validate(mean, stdDev) is { } error) throw new ArgumentException(error);
        Mean = mean;
        StdDev = stdDev;
        _sigmaSqrt2 = stdDev * Math.Sqrt(2);
        _invSigmaSqrt2 = 1 / _sigmaSqrt2;
    }

    /// <summary>The mean μ.</summary>
    public double Mean { get; }

    /// <summary>The standard deviation σ.</summary>
    public double StdDev { get; }

    /// <inheritdoc />
    public override MarginalFamily Family => MarginalFamily.Normal;

    /// <inheritdoc />
    public override double LowerBound => double.NegativeInfinity;

    /// <inheritdoc />
    public override double UpperBound => double.PositiveInfinity;

    /// <inheritdoc />
    public override double Cdf(double x) => 0.5 * SpecialFunctions.Erfc((Mean - x) * _invSigmaSqrt2);

    /// <inheritdoc />
    public override double InverseCdf(double p) => Mean - _sigmaSqrt2 * SpecialFunctions.ErfcInv(2 * ClampProbability(p));

    /// <inheritdoc />
    public override MarginalSpec ToSpec() => new(Family, [Mean, StdDev]);

    /// <summary>
    /// Fits the sample mean and the sample standard deviation (n − 1 denominator). Constant data gets a tiny standard deviation.
    /// </summary>
    /// <param name="sortedValues">At least 2 finite values in ascending order.</param>
    public static NormalMarginal Fit(ReadOnlySpan<double> sortedValues)
    {
        CheckSorted(sortedValues, nameof(sortedValues));
        var (mean, std) = MeanStd(sortedValues);
        if (!(std > 0)) std = DegenerateHalfWidth(mean);
        return new NormalMarginal(mean, std);
    }

    internal static string? Validate(double mean, double stdDev) =>
        !double.IsFinite(mean) || !double.IsFinite(stdDev) ? "mean and standard deviation must be finite"
        : !(stdDev > 0) ? $"the standard deviation must be positive, got {stdDev}"
        : null;
}
