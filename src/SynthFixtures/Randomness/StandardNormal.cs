using System.Runtime.CompilerServices;
using MathNet.Numerics;

namespace SynthFixtures.Randomness;

/// <summary>
/// The standard normal CDF Φ and its inverse, the two functions every copula value passes through. Kept in one
/// place so the fitter and the sampler agree to the last bit, and so a faster implementation can replace them once.
/// </summary>
public static class StandardNormal
{
    /// <summary>Probabilities are kept inside [ε, 1 − ε] before Φ⁻¹ so no column maps to ±∞.</summary>
    public const double Epsilon = 1e-9;

    /// <summary>Φ(z).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Cdf(double z) => 0.5 * SpecialFunctions.Erfc(-z * 0.70710678118654752440);

    /// <summary>Φ⁻¹(p) with p clipped to [ε, 1 − ε].</summary>
    public static double InverseCdf(double p) =>
        -1.41421356237309504880 * SpecialFunctions.ErfcInv(2.0 * Math.Clamp(p, Epsilon, 1 - Epsilon));

    /// <summary>A draw from N(0,1) truncated to [<paramref name="lower"/>, <paramref name="upper"/>] (z-scale) by inverse-CDF sampling.</summary>
    public static double SampleTruncated(SynthRandom random, double lower, double upper)
    {
        var pl = Cdf(lower);
        var pu = Cdf(upper);
        // Far in the upper tail Φ saturates at 1; use the mirrored side where precision is kept.
        if (pl > 0.5)
            return -SampleTruncated(random, -upper, -lower);
        var p = pl + (pu - pl) * random.NextOpenDouble();
        return Math.Clamp(InverseCdf(p), lower, upper);
    }
}
