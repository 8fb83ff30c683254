using MathNet.Numerics;

namespace SynthFixtures.Models.GaussianCopula.Marginals;

/// <summary>
/// Gamma distribution with shape k (<see cref="Shape"/>), scale θ (<see cref="Scale"/>), shifted to start at
/// <see cref="Location"/>: X = Location + Gamma(k, θ).
/// </summary>
public sealed class GammaMarginal : ContinuousMarginal
{
    /// <summary>The largest shape accepted (beyond it the gamma is a normal for every practical purpose).</summary>
    public const double MaxShape = 1e6;

    private readonly double _invScale;
    private readonly double _logNormalizer; // ln Γ(k) + ln θ
    private QuantileTable? _table;

    /// <summary>Creates a gamma marginal.</summary>
    /// <exception cref="ArgumentException">A parameter is not finite, shape or scale ≤ 0, or shape &gt; <see cref="MaxShape"/>.</exception>
    public GammaMarginal(double shape, double scale, double location = 0)
    {
        if (Validate(shape, scale, location) is { } error) throw new ArgumentException(error);
        Shape = shape;
        Scale = scale;
        Location = location;
        _invScale = 1 / scale;
        _logNormalizer = SpecialFunctions.GammaLn(shape) + Math.Log(scale);
    }

    /// <summary>The shape k.</summary>
    public double Shape { get; }

    /// <summary>The scale θ (mean = Location + kθ).</summary>
    public double Scale { get; }

    /// <summary>The location: the lower end of the support.</summary>
    public double Location { get; }

    /// <inheritdoc />
    public override MarginalFamily Family => MarginalFamily.Gamma;

    /// <inheritdoc />
    public override double LowerBound => Location;

    /// <inheritdoc />
    public override double UpperBound => double.PositiveInfinity;

    /// <inheritdoc />
    public override double Cdf(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        var z = (x - Location) * _invScale;
        if (z <= 0) return 0;
        if (double.IsPositiveInfinity(z)) return 1;
        return SpecialFunctions.GammaLowerRegularized(Shape, z);
    }

    /// <summary>The density at <paramref name="x"/>.</summary>
    internal double Pdf(double x)
    {
        var z = (x - Location) * _invScale;
        if (z < 0) return 0;
        if (z == 0) return Shape < 1 ? double.PositiveInfinity : Shape == 1 ? _invScale : 0;
        return Math.Exp((Shape - 1) * Math.Log(z) - z - _logNormalizer);
    }

    /// <summary>Tabulated on first use (a few milliseconds, see <see cref="QuantileTable"/>), then an interpolation.</summary>
    public override double InverseCdf(double p)
    {
        var table = Volatile.Read(ref _table);
        if (table is null)
        {
            Interlocked.CompareExchange(ref _table,
                QuantileTable.Build(Cdf, Pdf, Location, double.PositiveInfinity, Scale * Math.Sqrt(Shape)), null);
            table = _table;
        }
        var x = table.Evaluate(p);
        return x < Location ? Location : x;
    }

    /// <inheritdoc />
    public override MarginalSpec ToSpec() => new(Family, [Shape, Scale, Location]);

    /// <summary>
    /// Fits by maximum likelihood. The location is 0 when every value is positive, otherwise min − (max − min)/n, just below
    /// the smallest value. The shape k solves ln k − ψ(k) = ln(mean) − mean(ln x) (x shifted by the location), by Newton's
    /// method from Minka's closed-form start (ψ′ by a central difference of MathNet's digamma); the scale is mean/k.
    /// </summary>
    /// <param name="sortedValues">At least 2 finite values in ascending order, not all equal.</param>
    /// <exception cref="ArgumentException">The values are constant, unsorted or not finite, or the fitted shape exceeds <see cref="MaxShape"/>.</exception>
    public static GammaMarginal Fit(ReadOnlySpan<double> sortedValues)
    {
        CheckSorted(sortedValues, nameof(sortedValues));
        double min = sortedValues[0], max = sortedValues[^1];
        if (max == min) throw new ArgumentException("A gamma cannot be fitted to constant values.", nameof(sortedValues));
        var n = sortedValues.Length;
        var location = min > 0 ? 0 : min - (max - min) / n;
        double sum = 0, sumLog = 0;
        foreach (var v in sortedValues)
        {
            var z = v - location;
            sum += z;
            sumLog += Math.Log(z);
        }
        var mean = sum / n;
        var s = Math.Log(mean) - sumLog / n;
        if (!(s > 0) || !double.IsFinite(s))
            throw new ArgumentException("The values are too concentrated for a gamma fit (ln mean − mean ln ≤ 0).", nameof(sortedValues));
        var k = (3 - s + Math.Sqrt((s - 3) * (s - 3) + 24 * s)) / (12 * s);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var g = Math.Log(k) - SpecialFunctions.DiGamma(k) - s;
            const double h = 1e-5;
            var trigamma = (SpecialFunctions.DiGamma(k * (1 + h)) - SpecialFunctions.DiGamma(k * (1 - h))) / (2 * h * k);
            var slope = 1 / k - trigamma; // < 0
            var next = k - g / slope;
            if (!(next > 0)) next = k / 2;
            var done = Math.Abs(next - k) <= 1e-12 * k;
            k = next;
            if (done) break;
        }
        if (!double.IsFinite(k) || k > MaxShape)
            throw new ArgumentException($"The fitted gamma shape ({k}) is out of range.", nameof(sortedValues));
        return new GammaMarginal(k, mean / k, location);
    }

    internal static string? Validate(double shape, double scale, double location) =>
        !double.IsFinite(shape) || !double.IsFinite(scale) || !double.IsFinite(location) ? "all parameters must be finite"
        : !(shape > 0) || shape > MaxShape ? $"the shape must be in (0, {MaxShape}], got {shape}"
        : !(scale > 0) ? $"the scale must be positive, got {scale}"
        : null;
}
