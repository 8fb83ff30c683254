using System.Collections.ObjectModel;
using MathNet.Numerics;

namespace SynthFixtures.Models.GaussianCopula.Marginals;

/// <summary>
/// A Gaussian kernel density estimate, kept as a tabulated CDF: a grid of at most <see cref="MaxTablePoints"/> x values
/// and the KDE's CDF at each, linear in between. The table is a smoothed histogram (values binned onto a fine regular grid,
/// then convolved with the kernel), so it never contains the training values themselves, only the observed minimum and
/// maximum as the ends of the support. The estimate lives on [min, max], with the kernels reflected at both ends (the
/// standard boundary correction: mass that would spill past an extreme is folded back, neither dropped nor piled onto the
/// bound), so samples stay within the observed range and values near the extremes keep their weight.
/// </summary>
public sealed class KdeMarginal : ContinuousMarginal
{
    /// <summary>The most grid points a KDE table has (and the most a model file may give it).</summary>
    public const int MaxTablePoints = 512;

    /// <summary>Points of the fine grid the values are binned onto (2,044 intervals = 511 × 4).</summary>
    internal const int FineGridPoints = 2045;

    private const int Buckets = 1024;

    private readonly double[] _x;
    private readonly double[] _f;
    private readonly int[] _bucketStart; // for p in [k/B, (k+1)/B): the largest i with _f[i] < k/B (0 if none)

    /// <summary>Creates a KDE marginal from a tabulated CDF.</summary>
    /// <param name="gridX">Strictly increasing finite x values (2 to <see cref="MaxTablePoints"/>).</param>
    /// <param name="gridCdf">The CDF at each x: non-decreasing, in [0, 1], first 0 and last 1.</param>
    /// <exception cref="ArgumentException">The table breaks one of those rules.</exception>
    public KdeMarginal(IReadOnlyList<double> gridX, IReadOnlyList<double> gridCdf)
        : this(gridX?.ToArray() ?? throw new ArgumentNullException(nameof(gridX)),
            gridCdf?.ToArray() ?? throw new ArgumentNullException(nameof(gridCdf)), copy: false)
    {
    }

    internal KdeMarginal(double[] x, double[] f, bool copy)
    {
        if (Validate(x, f) is { } error) throw new ArgumentException(error);
        _x = copy ? (double[])x.Clone() : x;
        _f = copy ? (double[])f.Clone() : f;
        _bucketStart = new int[Buckets + 1];
        var i = 0;
        for (var k = 0; k <= Buckets; k++)
        {
            var level = (double)k / Buckets;
            while (i + 1 < _f.Length && _f[i + 1] < level) i++;
            _bucketStart[k] = i;
        }
        GridX = new ReadOnlyCollection<double>(_x);
        GridCdf = new ReadOnlyCollection<double>(_f);
    }

    /// <summary>The table's x values, strictly increasing; the first and last are the support.</summary>
    public IReadOnlyList<double> GridX { get; }

    /// <summary>The CDF at each of <see cref="GridX"/>: non-decreasing from 0 to 1.</summary>
    public IReadOnlyList<double> GridCdf { get; }

    /// <summary>The bandwidth the table was computed with, when this instance came from <see cref="Fit"/> (NaN when loaded from a spec).</summary>
    public double Bandwidth { get; private init; } = double.NaN;

    /// <inheritdoc />
    public override MarginalFamily Family => MarginalFamily.GaussianKde;

    /// <inheritdoc />
    public override double LowerBound => _x[0];

    /// <inheritdoc />
    public override double UpperBound => _x[^1];

    /// <inheritdoc />
    public override double Cdf(double x)
    {
        var xs = _x;
        if (x <= xs[0]) return 0;
        if (x >= xs[^1]) return 1;
        if (double.IsNaN(x)) return double.NaN;
        int lo = 0, hi = xs.Length - 1; // xs[lo] < x < xs[hi]
        while (hi - lo > 1)
        {
            var mid = (lo + hi) >>> 1;
            if (xs[mid] <= x) lo = mid;
            else hi = mid;
        }
        return _f[lo] + (x - xs[lo]) / (xs[hi] - xs[lo]) * (_f[hi] - _f[lo]);
    }

    /// <inheritdoc />
    public override double InverseCdf(double p)
    {
        if (double.IsNaN(p)) return double.NaN;
        p = ClampProbability(p);
        var fs = _f;
        // fs[lo] < p ≤ fs[hi] (fs[0] = 0 < p ≤ 1 = fs[^1]); the bucket index narrows the search to a few points.
        var k = (int)(p * Buckets);
        var lo = _bucketStart[k];
        var hi = k < Buckets ? Math.Min(fs.Length - 1, _bucketStart[k + 1] + 1) : fs.Length - 1;
        while (hi - lo > 1)
        {
            var mid = (lo + hi) >>> 1;
            if (fs[mid] < p) lo = mid;
            else hi = mid;
        }
        var x = _x[lo] + (p - fs[lo]) / (fs[hi] - fs[lo]) * (_x[hi] - _x[lo]);
        return x < _x[lo] ? _x[lo] : x > _x[hi] ? _x[hi] : x;
    }

    /// <inheritdoc />
    public override MarginalSpec ToSpec() => new(Family, [.. _x, .. _f]);

    /// <summary>
    /// Fits a Gaussian KDE with Silverman's bandwidth h = 0.9 · min(s, IQR/1.34) · n^(−1/5) (s alone when the IQR is 0;
    /// constant data gives a two-point table over a tiny interval). Fast: values are linearly binned onto a
    /// <see cref="FineGridPoints"/>-point grid over [min, max] and reflected about both ends, the CDF at every grid point is the
    /// binned weights convolved with the tabulated normal CDF Φ(d·Δ/h) (truncated at ±5h, exact beyond; single reflections,
    /// then renormalised to [min, max], which matters only when h is comparable to the range), then at most <see cref="MaxTablePoints"/> grid
    /// points are kept, spaced evenly in combined x-and-probability arc length so both flat and steep parts are resolved.
    /// </summary>
    /// <param name="sortedValues">At least 2 finite values in ascending order.</param>
    public static KdeMarginal Fit(ReadOnlySpan<double> sortedValues)
    {
        CheckSorted(sortedValues, nameof(sortedValues));
        var n = sortedValues.Length;
        double min = sortedValues[0], max = sortedValues[^1];
        if (max == min)
        {
            var w = DegenerateHalfWidth(min);
            return new KdeMarginal([min - w, min + w], [0.0, 1.0], copy: false) { Bandwidth = w };
        }

        var (_, std) = MeanStd(sortedValues);
        var iqr = Quantile(sortedValues, 0.75) - Quantile(sortedValues, 0.25);
        var spread = iqr > 0 ? Math.Min(std, iqr / 1.34) : std;
        var h = 0.9 * spread * Math.Pow(n, -0.2);

        const int g = FineGridPoints;
        var delta = (max - min) / (g - 1);
        if (!(h > 0)) h = delta;

        // Linear binning.
        var weights = new double[g];
        var invDelta = 1 / delta;
        foreach (var v in sortedValues)
        {
            var pos = (v - min) * invDelta;
            var i = (int)pos;
            if (i >= g - 1) i = g - 2;
            var frac = pos - i;
            weights[i] += 1 - frac;
            weights[i + 1] += frac;
        }

        // Kernel CDF at lattice offsets: kernel[d + reach] = Φ(d·Δ/h) for |d| ≤ reach; 0 below, 1 above.
        var reach = (int)Math.Min(3 * (g - 1), Math.Ceiling(5 * h / delta)); // 3(g − 1) spans the whole extended grid
        var kernel = new double[2 * reach + 1];
        var c = delta / (h * Math.Sqrt(2));
        for (var d = -reach; d <= reach; d++) kernel[d + reach] = 0.5 * SpecialFunctions.Erfc(-d * c);

        // Boundary correction by reflection: the weights mirrored about both ends of [min, max] (index −i and
        // 2(g − 1) − i for bin i) join the convolution, so the kernel mass of values near an end is folded back into
        // the support instead of lost (a plain truncation would halve the density at the observed extremes).
        var offset = g - 1;
        var extended = new double[3 * g - 2]; // extended[k + offset] is the weight at grid index k ∈ [−(g − 1), 2(g − 1)]
        for (var i = 0; i < g; i++)
        {
            // A bin exactly on an end is its own mirror image, so its weight counts twice, as the reflected kernel does.
            extended[i + offset] += weights[i];
            extended[offset - i] += weights[i];
            extended[2 * (g - 1) - i + offset] += weights[i];
        }
        var prefix = new double[extended.Length + 1]; // prefix[k] = total weight of extended bins < k
        for (var k = 0; k < extended.Length; k++) prefix[k + 1] = prefix[k] + extended[k];

        var cdf = new double[g];
        for (var j = 0; j < g; j++)
        {
            var first = Math.Max(0, j - reach + offset);
            var last = Math.Min(extended.Length - 1, j + reach + offset);
            var sum = prefix[first]; // bins further left than the reach: Φ = 1
            for (var k = first; k <= last; k++) sum += extended[k] * kernel[j + offset - k + reach];
            cdf[j] = sum;
        }

        // Restrict to [min, max] and renormalise, enforcing monotonicity against rounding.
        var f0 = cdf[0];
        var scale = 1 / (cdf[g - 1] - f0);
        var running = 0.0;
        for (var j = 0; j < g; j++)
        {
            var u = (cdf[j] - f0) * scale;
            running = u > running ? u : running;
            cdf[j] = running > 1 ? 1 : running;
        }
        cdf[0] = 0;
        cdf[g - 1] = 1;

        // Keep ≤ MaxTablePoints grid points, evenly spaced in arc length s = x/(max − min) + F (total 2).
        var keepX = new List<double>(MaxTablePoints);
        var keepF = new List<double>(MaxTablePoints);
        var stepLength = 2.0 / (MaxTablePoints - 1);
        var nextTarget = 0.0;
        var arc = 0.0;
        for (var j = 0; j < g; j++)
        {
            if (j > 0) arc += 1.0 / (g - 1) + (cdf[j] - cdf[j - 1]);
            if (arc >= nextTarget || j == g - 1)
            {
                keepX.Add(j == g - 1 ? max : min + j * delta);
                keepF.Add(cdf[j]);
                while (nextTarget <= arc) nextTarget += stepLength;
            }
        }
        if (keepX.Count > MaxTablePoints)
        {
            // Rounding can add one point at the very end; drop the one before the last.
            keepX.RemoveAt(keepX.Count - 2);
            keepF.RemoveAt(keepF.Count - 2);
        }
        return new KdeMarginal(keepX.ToArray(), keepF.ToArray(), copy: false) { Bandwidth = h };
    }

    private static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        var pos = q * (sorted.Length - 1);
        var i = (int)pos;
        return i >= sorted.Length - 1 ? sorted[^1] : sorted[i] + (pos - i) * (sorted[i + 1] - sorted[i]);
    }

    internal static string? Validate(double[] x, double[] f)
    {
        if (x.Length != f.Length) return $"the grid has {x.Length} x values but {f.Length} CDF values";
        if (x.Length < 2 || x.Length > MaxTablePoints) return $"the table must have 2 to {MaxTablePoints} points, got {x.Length}";
        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsFinite(x[i]) || !double.IsFinite(f[i])) return $"point {i} is not finite";
            if (i > 0 && !(x[i] > x[i - 1])) return $"the x grid must be strictly increasing (point {i}: {x[i]} after {x[i - 1]})";
            if (i > 0 && !(f[i] >= f[i - 1])) return $"the CDF must be non-decreasing (point {i}: {f[i]} after {f[i - 1]})";
        }
        if (f[0] != 0 || f[^1] != 1) return $"the CDF must start at 0 and end at 1, got {f[0]} and {f[^1]}";
        return double.IsFinite(x[^1] - x[0]) ? null : "the grid is too wide";
    }
}
