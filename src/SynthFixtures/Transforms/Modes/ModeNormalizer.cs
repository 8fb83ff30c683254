using SynthFixtures.Randomness;

namespace SynthFixtures.Transforms.Modes;

/// <summary>
/// CTGAN's mode-specific normalisation of one continuous column. A value x is encoded as its mode k, drawn from the
/// posterior p(k | x) ∝ w_k N(x; μ_k, σ_k), and the scalar α = (x − μ_k)/(4σ_k) clipped to ±0.99; decoding clips α
/// to ±1 and returns 4σ_kα + μ_k. The modes come from a variational Dirichlet-process Gaussian mixture
/// (<see cref="Fit"/>), so a multi-modal column becomes one near-Gaussian α per mode instead of one badly scaled number.
/// </summary>
public sealed class ModeNormalizer
{
    /// <summary>How far from its mode's mean a value is encoded, in standard deviations, at α = 1.</summary>
    public const double Scale = 4.0;

    private const double EncodeClip = 0.99;
    private readonly double[] _logWeightOverSd;   // ln w_k − ln σ_k: the posterior's per-mode constant
    private readonly double[] _inverseSd;

    /// <summary>Creates a normaliser from fitted (or loaded) parameters.</summary>
    /// <exception cref="ArgumentException">The parameters are inconsistent.</exception>
    public ModeNormalizer(ModeNormalizerParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        Parameters = parameters;
        var k = parameters.Weights.Length;
        _logWeightOverSd = new double[k];
        _inverseSd = new double[k];
        for (var c = 0; c < k; c++)
        {
            var sd = parameters.StandardDeviations[c];
            _inverseSd[c] = sd > 0 ? 1 / sd : 0;
            _logWeightOverSd[c] = Math.Log(parameters.Weights[c]) - (sd > 0 ? Math.Log(sd) : 0);
        }
    }

    /// <summary>The fitted modes.</summary>
    public ModeNormalizerParameters Parameters { get; }

    /// <summary>Number of modes: the width of the one-hot that accompanies α.</summary>
    public int Modes => Parameters.Weights.Length;

    /// <summary>
    /// Fits the modes of <paramref name="values"/> (NaN values are ignored). A column with a single distinct value (or
    /// none) gets one component of standard deviation 0, so it encodes to α = 0 and decodes to that value exactly; a
    /// mode that is mostly one repeated number becomes that number exactly (<see cref="PointMassModes"/>).
    /// </summary>
    /// <param name="values">The column's numbers; datetimes as seconds (see <see cref="ColumnValues"/>).</param>
    /// <param name="random">The column's own stream: used to subsample and to seed k-means++.</param>
    /// <param name="options">Mixture settings; CTGAN's defaults when <c>null</c>.</param>
    public static ModeNormalizer Fit(ReadOnlySpan<double> values, SynthRandom random, ModeNormalizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        options ??= new ModeNormalizerOptions();
        options.Validate();
        var finite = new List<double>(values.Length);
        foreach (var v in values)
            if (double.IsFinite(v)) finite.Add(v);
        if (finite.Count == 0) return Constant(0);
        var first = finite[0];
        if (finite.TrueForAll(v => v == first)) return Constant(first);
        var sample = Subsample(finite, options.MaxFitRows, random);
        return new ModeNormalizer(PointMassModes.Sharpen(DirichletProcessMixture.Fit(sample, random, options), sample));
    }

    /// <summary>The posterior probability of each mode for <paramref name="value"/>, written to <paramref name="destination"/> (length <see cref="Modes"/>).</summary>
    public void Posterior(double value, Span<double> destination)
    {
        if (destination.Length != Modes) throw new ArgumentException($"Expected {Modes} entries.", nameof(destination));
        var max = double.NegativeInfinity;
        for (var c = 0; c < destination.Length; c++)
        {
            var u = (value - Parameters.Means[c]) * _inverseSd[c];
            destination[c] = _logWeightOverSd[c] - 0.5 * u * u;
            max = Math.Max(max, destination[c]);
        }
        var sum = 0.0;
        for (var c = 0; c < destination.Length; c++) sum += destination[c] = Math.Exp(destination[c] - max);
        for (var c = 0; c < destination.Length; c++) destination[c] /= sum;
    }

    /// <summary>Encodes one finite value: its mode drawn from the posterior, and α for that mode.</summary>
    public int Encode(double value, SynthRandom random, out double alpha)
    {
        ArgumentNullException.ThrowIfNull(random);
        var mode = 0;
        if (Modes > 1)
        {
            Span<double> posterior = stackalloc double[Modes];
            Posterior(value, posterior);
            var u = random.NextDouble();
            mode = Modes - 1;   // rounding can leave the running sum just below u
            for (var c = 0; c < posterior.Length; c++)
            {
                u -= posterior[c];
                if (u < 0) { mode = c; break; }
            }
        }
        alpha = Math.Clamp((value - Parameters.Means[mode]) * _inverseSd[mode] / Scale, -EncodeClip, EncodeClip);
        return mode;
    }

    /// <summary>Decodes α (clipped to ±1) in <paramref name="mode"/> back to a value.</summary>
    public double Decode(double alpha, int mode)
    {
        if ((uint)mode >= (uint)Modes) throw new ArgumentOutOfRangeException(nameof(mode), mode, $"There are {Modes} modes.");
        return Scale * Parameters.StandardDeviations[mode] * Math.Clamp(alpha, -1, 1) + Parameters.Means[mode];
    }

    private static ModeNormalizer Constant(double value) => new(new ModeNormalizerParameters
    {
        Weights = [1.0], Means = [value], StandardDeviations = [0.0],
    });

    /// <summary>A seeded uniform subsample without replacement (partial Fisher–Yates), or all values when few enough.</summary>
    private static double[] Subsample(List<double> values, int max, SynthRandom random)
    {
        var all = values.ToArray();
        if (all.Length <= max) return all;
        for (var i = 0; i < max; i++)
        {
            var j = i + random.NextInt(all.Length - i);
            (all[i], all[j]) = (all[j], all[i]);
        }
        return all[..max];
    }
}
