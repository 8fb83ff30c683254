using MathNet.Numerics.LinearAlgebra;
using SynthFixtures.Randomness;

namespace SynthFixtures.Models.GaussianCopula;

/// <summary>
/// Draws z ~ N(0, R) given that some dimensions lie in intervals (a fixed value is an interval of width zero).
/// The conditioned block C is drawn from its truncated normal by Gibbs sampling (exact in one step when only one
/// dimension is an interval); the free block F then comes in closed form:
/// z_F | z_C ~ N(R_FC R_CC⁻¹ z_C, R_FF − R_FC R_CC⁻¹ R_CF). With nothing conditioned this is plain Cholesky sampling.
/// </summary>
internal sealed class ConditionalGaussian
{
    private const int GibbsSweeps = 20;
    private readonly int _dimensions;
    private readonly int[] _conditioned;
    private readonly int[] _free;
    private readonly double[] _lower;            // per conditioned dimension
    private readonly double[] _upper;
    private readonly double[,] _regression;      // |F| × |C|: R_FC R_CC⁻¹
    private readonly double[,] _freeCholesky;    // |F| × |F|
    private readonly double[,] _gibbsWeights;    // |C| × |C|: −P_cj / P_cc
    private readonly double[] _gibbsStdDev;      // 1 / √P_cc

    public ConditionalGaussian(double[,] correlation, IReadOnlyDictionary<int, (double Lower, double Upper)> intervals)
        : this(correlation, intervals.Keys.Order().ToArray())
    {
        _lower = _conditioned.Select(c => intervals[c].Lower).ToArray();
        _upper = _conditioned.Select(c => intervals[c].Upper).ToArray();
    }

    /// <summary>
    /// The factorisation for conditioning on the dimensions <paramref name="conditioned"/> (ascending), with the
    /// intervals given per draw (<see cref="Sample(SynthRandom, Span{double}, Span{double}, ReadOnlySpan{double}, ReadOnlySpan{double})"/>):
    /// one factorisation serves every row that fixes the same dimensions.
    /// </summary>
    public ConditionalGaussian(double[,] correlation, int[] conditioned)
    {
        _dimensions = correlation.GetLength(0);
        _conditioned = conditioned;
        for (var c = 1; c < conditioned.Length; c++)
            if (conditioned[c] <= conditioned[c - 1]) throw new ArgumentException("The conditioned dimensions must be ascending and distinct.", nameof(conditioned));
        _free = Enumerable.Range(0, _dimensions).Except(_conditioned).ToArray();
        _lower = [];
        _upper = [];

        var r = Matrix<double>.Build.DenseOfArray(correlation);
        var nc = _conditioned.Length;
        var nf = _free.Length;
        _regression = new double[nf, nc];
        _gibbsWeights = new double[nc, nc];
        _gibbsStdDev = new double[nc];
        Matrix<double> freeCovariance;
        if (nc == 0)
        {
            freeCovariance = r;
        }
        else
        {
            var rcc = Sub(r, _conditioned, _conditioned);
            var precision = rcc.Inverse();
            var rfc = Sub(r, _free, _conditioned);
            var regression = rfc * precision;
            freeCovariance = Sub(r, _free, _free) - regression * rfc.Transpose();
            for (var i = 0; i < nf; i++)
                for (var j = 0; j < nc; j++) _regression[i, j] = regression[i, j];
            for (var c = 0; c < nc; c++)
            {
                _gibbsStdDev[c] = 1 / Math.Sqrt(precision[c, c]);
                for (var j = 0; j < nc; j++) _gibbsWeights[c, j] = j == c ? 0 : -precision[c, j] / precision[c, c];
            }
        }
        _freeCholesky = nf == 0 ? new double[0, 0] : CorrelationEstimator.Cholesky(Symmetrize(freeCovariance).ToArray());
    }

    /// <summary>Fills <paramref name="z"/> (length = dimensions) with one draw under the intervals given at construction.</summary>
    public void Sample(SynthRandom random, Span<double> z, Span<double> scratch) => Sample(random, z, scratch, _lower, _upper);

    /// <summary>
    /// Fills <paramref name="z"/> (length = dimensions) with one draw given that conditioned dimension c (in ascending
    /// order) lies in [<paramref name="lower"/>[c], <paramref name="upper"/>[c]] (equal bounds: a fixed value).
    /// </summary>
    public void Sample(SynthRandom random, Span<double> z, Span<double> scratch, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        var nc = _conditioned.Length;
        if (lower.Length != nc || upper.Length != nc) throw new ArgumentException($"One interval per conditioned dimension ({nc}) is required.");
        var zc = scratch[..nc];
        if (nc > 0) SampleConditioned(random, zc, lower, upper);
        for (var c = 0; c < nc; c++) z[_conditioned[c]] = zc[c];

        var nf = _free.Length;
        var noise = scratch.Slice(nc, nf);
        for (var i = 0; i < nf; i++) noise[i] = random.NextNormal();
        for (var i = 0; i < nf; i++)
        {
            var value = 0.0;
            for (var j = 0; j < nc; j++) value += _regression[i, j] * zc[j];
            for (var k = 0; k <= i; k++) value += _freeCholesky[i, k] * noise[k];
            z[_free[i]] = value;
        }
    }

    /// <summary>Scratch space <see cref="Sample(SynthRandom, Span{double}, Span{double}, ReadOnlySpan{double}, ReadOnlySpan{double})"/> needs.</summary>
    public int ScratchLength => _dimensions;

    private void SampleConditioned(SynthRandom random, Span<double> zc, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        var nc = zc.Length;
        var intervalCount = 0;
        // Start every interval from its own truncated marginal; points are simply set.
        for (var c = 0; c < nc; c++)
        {
            if (upper[c] > lower[c])
            {
                zc[c] = StandardNormal.SampleTruncated(random, lower[c], upper[c]);
                intervalCount++;
            }
            else zc[c] = lower[c];
        }
        if (intervalCount == 0) return;
        // One interval among points is exact after one conditional draw; several need the chain to mix.
        var sweeps = intervalCount == 1 ? 1 : GibbsSweeps;
        for (var sweep = 0; sweep < sweeps; sweep++)
        {
            for (var c = 0; c < nc; c++)
            {
                if (!(upper[c] > lower[c])) continue;
                var mean = 0.0;
                for (var j = 0; j < nc; j++) mean += _gibbsWeights[c, j] * zc[j];
                var sd = _gibbsStdDev[c];
                zc[c] = mean + sd * StandardNormal.SampleTruncated(random, (lower[c] - mean) / sd, (upper[c] - mean) / sd);
            }
        }
    }

    private static Matrix<double> Sub(Matrix<double> m, int[] rows, int[] columns)
    {
        var result = Matrix<double>.Build.Dense(rows.Length, columns.Length);
        for (var i = 0; i < rows.Length; i++)
            for (var j = 0; j < columns.Length; j++) result[i, j] = m[rows[i], columns[j]];
        return result;
    }

    private static Matrix<double> Symmetrize(Matrix<double> m) => (m + m.Transpose()) * 0.5;
}
