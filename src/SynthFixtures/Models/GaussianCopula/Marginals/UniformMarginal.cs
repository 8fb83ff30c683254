namespace SynthFixtures.Models.GaussianCopula.Marginals;

/// <summary>Uniform distribution on [<see cref="Lower"/>, <see cref="Upper"/>].</summary>
public sealed class UniformMarginal : ContinuousMarginal
{
    private readonly double _width;

    /// <summary>Creates a uniform marginal.</summary>
    /// <exception cref="ArgumentException">A bound is not finite or <paramref name="lower"/> ≥ <paramref name="upper"/>.</exception>
    public UniformMarginal(double lower, double upper)
    {
        if (Validate(lower, upper) is { } error) throw new ArgumentException(error);
        Lower = lower;
        Upper = upper;
        _width = upper - lower;
    }

    /// <summary>The lower end of the support.</summary>
    public double Lower { get; }

    /// <summary>The upper end of the support.</summary>
    public double Upper { get; }

    /// <inheritdoc />
    public override MarginalFamily Family => MarginalFamily.Uniform;

    /// <inheritdoc />
    public override double LowerBound => Lower;

    /// <inheritdoc />
    public override double UpperBound => Upper;

    /// <inheritdoc />
    public override double Cdf(double x)
    {
        if (x <= Lower) return 0;
        if (x >= Upper) return 1;
        return double.IsNaN(x) ? double.NaN : (x - Lower) / _width;
    }

    /// <inheritdoc />
    public override double InverseCdf(double p)
    {
        var x = Lower + ClampProbability(p) * _width;
        return x > Upper ? Upper : x;
    }

    /// <inheritdoc />
    public override MarginalSpec ToSpec() => new(Family, [Lower, Upper]);

    /// <summary>
    /// Fits the bounds as the unbiased estimates min − r/(n − 1) and max + r/(n − 1), where r = max − min: for a uniform
    /// sample the expected gap between each extreme and its bound is (upper − lower)/(n + 1) = E[r]/(n − 1).
    /// Constant data gives a tiny interval around the value.
    /// </summary>
    /// <param name="sortedValues">At least 2 finite values in ascending order.</param>
    public static UniformMarginal Fit(ReadOnlySpan<double> sortedValues)
    {
        CheckSorted(sortedValues, nameof(sortedValues));
        double min = sortedValues[0], max = sortedValues[^1];
        if (max == min)
        {
            var w = DegenerateHalfWidth(min);
            return new UniformMarginal(min - w, min + w);
        }
        var pad = (max - min) / (sortedValues.Length - 1);
        return new UniformMarginal(min - pad, max + pad);
    }

    internal static string? Validate(double lower, double upper) =>
        !double.IsFinite(lower) || !double.IsFinite(upper) ? "the bounds must be finite"
        : !(lower < upper) ? $"lower ({lower}) must be less than upper ({upper})"
        : !double.IsFinite(upper - lower) ? "the bounds are too far apart"
        : null;
}
