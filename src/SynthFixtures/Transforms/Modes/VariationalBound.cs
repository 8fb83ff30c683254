using MathNet.Numerics;

namespace SynthFixtures.Transforms.Modes;

/// <summary>
/// The evidence lower bound of the 1-D DP Gaussian mixture (Bishop, PRML 10.70–10.77 with D = 1, and the Beta sticks
/// of Blei and Jordan, 2006), used to accept or refuse merging two components. Priors as in
/// <see cref="DirichletProcessMixture"/>: m₀ = 0, β₀ = 1, ν₀ = 1, W₀ = 1 on standardised values.
/// </summary>
internal static class VariationalBound
{
    private const double Beta0 = 1.0, Nu0 = 1.0, W0 = 1.0;
    private static readonly double LogTwoPi = Math.Log(2 * Math.PI);

    /// <summary>The bound for q, given Σₙ wₙ Σₖ rₙₖ ln rₙₖ (the responsibilities' negative entropy).</summary>
    public static double Compute(MixturePosterior q, double gamma, double negativeEntropyOfZ)
    {
        var bound = -negativeEntropyOfZ;
        var logStickRest = 0.0;
        for (var c = 0; c < q.Count; c++)
        {
            var digammaAb = SpecialFunctions.DiGamma(q.A[c] + q.B[c]);
            var eLogV = SpecialFunctions.DiGamma(q.A[c]) - digammaAb;
            var eLog1MinusV = SpecialFunctions.DiGamma(q.B[c]) - digammaAb;
            var eLogPi = eLogV + logStickRest;
            logStickRest += eLog1MinusV;
            var eLogLambda = SpecialFunctions.DiGamma(q.Nu[c] / 2) + Math.Log(2 * q.W[c]);
            var d = q.Xbar[c] - q.M[c];

            // E[ln p(X | Z, μ, Λ)] (10.71) and E[ln p(Z | π)] (10.72)
            bound += 0.5 * q.N[c] * (eLogLambda - 1 / q.BetaK[c] - q.Nu[c] * q.S[c] * q.W[c] - q.Nu[c] * d * d * q.W[c] - LogTwoPi);
            bound += q.N[c] * eLogPi;
            // E[ln p(v)] for Beta(1, γ), minus E[ln q(v)] for Beta(a, b)
            bound += Math.Log(gamma) + (gamma - 1) * eLog1MinusV;
            bound -= SpecialFunctions.GammaLn(q.A[c] + q.B[c]) - SpecialFunctions.GammaLn(q.A[c]) - SpecialFunctions.GammaLn(q.B[c])
                     + (q.A[c] - 1) * eLogV + (q.B[c] - 1) * eLog1MinusV;
            // E[ln p(μ, Λ)] (10.74)
            bound += 0.5 * (Math.Log(Beta0) - LogTwoPi + eLogLambda - Beta0 / q.BetaK[c] - Beta0 * q.Nu[c] * q.W[c] * q.M[c] * q.M[c])
                     + LogWishartNormaliser(W0, Nu0) + (Nu0 - 2) / 2 * eLogLambda - 0.5 * q.Nu[c] * q.W[c] / W0;
            // − E[ln q(μ, Λ)] (10.77), with the 1-D Wishart (Gamma) entropy (B.82)
            var entropyLambda = -LogWishartNormaliser(q.W[c], q.Nu[c]) - (q.Nu[c] - 2) / 2 * eLogLambda + q.Nu[c] / 2;
            bound -= 0.5 * eLogLambda + 0.5 * (Math.Log(q.BetaK[c]) - LogTwoPi) - 0.5 - entropyLambda;
        }
        return bound;
    }

    /// <summary>ln B(W, ν) of the 1-D Wishart (B.79): −(ν/2) ln W − (ν/2) ln 2 − ln Γ(ν/2).</summary>
    private static double LogWishartNormaliser(double w, double nu) =>
        -nu / 2 * Math.Log(w) - nu / 2 * Math.Log(2) - SpecialFunctions.GammaLn(nu / 2);
}
