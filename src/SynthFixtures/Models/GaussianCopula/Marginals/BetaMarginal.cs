using MathNet.Numerics;

namespace SynthFixtures.Models.GaussianCopula.Marginals;

/// <summary>
/// Beta distribution with shapes α (<see cref="Alpha"/>) and β (<see cref="Beta"/>), rescaled from [0, 1] to
/// [<see cref="Lower"/>, <see cref="Upper"/>].
/// </summary>
public sealed class BetaMarginal : ContinuousMarginal
{
    /// <summary>The largest shape parameter accepted.</summary>
    public const double MaxShape = 1e6;

    private readonly double _width;
    private readonly double _logBeta; // ln B(α, β)
    private QuantileTable? _table;

    /// <summary>Creates a beta marginal.</summary>
    /// <exception cref="ArgumentException">A parameter is not finite, a shape is ≤ 0 or &gt; <see cref="MaxShape"/>, or
    /// <paramref name="lower"/> ≥ <paramref name="upper"/>.</exception>
    public BetaMarginal(double alpha, double beta, double lower, double upper)
    {
        if (Validate(alpha, beta, lower, upper) is { } error) throw new ArgumentException(error);
        Alpha = alpha;
        Beta = beta;
        Lower = lower;
        Upper = upper;
        _width = upper - lower;
        _logBeta = SpecialFunctions.BetaLn(alpha, beta);
    }

    /// <summary>The first shape parameter α.</summary>
    public double Alpha { get; }

    /// <summary>The second shape parameter β.</summary>
    public double Beta { get; }

    /// <summary>The lower end of the support.</summary>
    public double Lower { get; }

    /// <summary>The upper end of the support.</summary>
    public double Upper { get; }

    /// <inheritdoc />
    public override MarginalFamily Family => MarginalFamily.Beta;

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
        return SpecialFunctions.BetaRegularized(Alpha, Beta, (x - Lower) / _width);
    }

    /// <summary>The density at <paramref name="x"/>.</summary>
    internal double Pdf(double x)
    {
        var y = (x - Lower) / _width;
        if (y < 0 || y > 1) return 0;
        if (y == 0) return Alpha < 1 ? double.PositiveInfinity : Alpha == 1 ? Beta / _width : 0;
        if (y == 1) return Beta < 1 ? double.PositiveInfinity : Beta == 1 ? Alpha / _width : 0;
        return Math.Exp((Alpha - 1) * Math.Log(y) + (Beta - 1) * Math.Log(1 - y) - _logBeta) / _width;
    }

    /// <summary>Tabulated on first use (a few milliseconds, see <see cref="QuantileTable"/>), then an interpolation.</summary>
    public override double InverseCdf(double p)
    {
        var table = Volatile.Read(ref _table);
        if (table is null)
        {
            Interlocked.CompareExchange(ref _table, QuantileTable.Build(Cdf, Pdf, Lower, Upper, _width), null);
            table = _table;
        }
        var x = table.Evaluate(p);
        return x < Lower ? Lower : x > Upper ? Upper : x;
    }

    /// <inheritdoc />
    public override MarginalSpec ToSpec() => new(Family, [Alpha, Beta, Lower, Upper]);

    /// <summary>
    /// Fits by the method of moments on the support [min − r/(n − 1), max + r/(n − 1)], r = max − min (the padding that
    /// is unbiased for uniform data). Known bias: when the true density fades out towards an end (e.g. Beta(2, 5) near 1),
    /// the observed extremes sit well inside the true support, so the fitted support is too narrow and α, β come out
    /// smaller than the truth (the shape is matched on the narrower interval instead). The fitted distribution still
    /// matches the data's mean and variance exactly.
    /// </summary>
    /// <param name="sortedValues">At least 2 finite values in ascending order, not all equal.</param>
    /// <exception cref="ArgumentException">The values are constant, unsorted or not finite, or the moments admit no beta.</exception>
    public static BetaMarginal Fit(ReadOnlySpan<double> sortedValues)
    {
        CheckSorted(sortedValues, nameof(sortedValues));
        double min = sortedValues[0], max = sortedValues[^1];
        if (max == min) throw new ArgumentException("A beta cannot be fitted to constant values.", nameof(sortedValues));
        var pad = (max - min) / (sortedValues.Length - 1);
        double lower = min - pad, upper = max + pad, width = upper - lower;
        var (mean, std) = MeanStd(sortedValues);
        var m = (mean - lower) / width;
        var v = std * std / (width * width);
        var common = m * (1 - m) / v - 1;
        if (!(common > 0) || !double.IsFinite(common))
            throw new ArgumentException("The variance is too large for a beta on the observed range.", nameof(sortedValues));
        var alpha = m * common;
        var beta = (1 - m) * common;
        if (alpha > MaxShape || beta > MaxShape)
            throw new ArgumentException($"The fitted beta shapes ({alpha}, {beta}) are out of range.", nameof(sortedValues));
        return new BetaMarginal(alpha, beta, lower, upper);
    }

    internal static string? Validate(double alpha, double beta, double lower, double upper)
    {
        if (!double.IsFinite(alpha) || !double.IsFinite(beta) || !double.IsFinite(lower) || !double.IsFinite(upper))
            return "all parameters must be finite";
        if (!(alpha > 0) || alpha > MaxShape || !(beta > 0) || beta > MaxShape)
            return $"alpha and beta must be in (0, {MaxShape}], got {alpha} and {beta}";
        if (!(lower < upper)) return $"lower ({lower}) must be less than upper ({upper})";
        return double.IsFinite(upper - lower) ? null : "the bounds are too far apart";
    }
}
