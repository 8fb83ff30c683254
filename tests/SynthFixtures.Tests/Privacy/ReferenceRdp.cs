namespace SynthFixtures.Tests.Privacy;

/// <summary>
/// An independent, slow RDP of the Poisson-subsampled Gaussian mechanism: the Rényi divergence between the mixture
/// (1 − q)N(0, σ²) + qN(1, σ²) and N(0, σ²), integrated numerically from its definition rather than from the series
/// the accountant sums.
/// </summary>
/// <remarks>
/// With u(z) = (2z − 1)/(2σ²) the log likelihood ratio of N(1, σ²) to N(0, σ²) and x = q(eᵘ − 1) ≥ −q,
/// A_α = E_{N(0,σ²)}[(1 + x)^α]. Since E[x] = 0, A_α − 1 = E[(1 + x)^α − 1 − αx], whose integrand is non-negative
/// (convexity), so a tiny A_α − 1 is integrated with its relative accuracy instead of as a difference from 1.
/// The trapezoid rule on the whole line converges geometrically for this analytic integrand: its error is about
/// exp(−2π·d/h) for a step h and a singularity at distance d from the real axis; the nearest ones are at
/// Im z = ±πσ² (where 1 + x = 0) and the Gaussian's scale is σ, so h = min(σ, σ²)/20 leaves an error near e⁻³⁹⁰.
/// The range runs 40σ beyond the integrand's mass (which lies between 0 and α) on both sides.
/// </remarks>
public static class ReferenceRdp
{
    public static double Rdp(double q, double sigma, double alpha)
    {
        var step = Math.Min(sigma, sigma * sigma) / 20;
        var from = -40 * sigma - 1;
        var to = alpha + 40 * sigma + 1;
        var count = (int)Math.Ceiling((to - from) / step);
        var logValues = new double[count + 1];
        var max = double.NegativeInfinity;
        for (var k = 0; k <= count; k++)
        {
            var z = from + k * step;
            logValues[k] = -z * z / (2 * sigma * sigma) - Math.Log(sigma * Math.Sqrt(2 * Math.PI)) + LogExcess(q, sigma, alpha, z);
            max = Math.Max(max, logValues[k]);
        }
        // The ends carry weight ½ in the trapezoid rule, but they are e⁻⁸⁰⁰ below the peak: every point weighs 1.
        double sum = 0;
        foreach (var value in logValues) sum += Math.Exp(value - max);
        var logAMinusOne = max + Math.Log(sum * step);
        var logA = logAMinusOne > 30 ? logAMinusOne + Math.Exp(-logAMinusOne) : Log1P(Math.Exp(logAMinusOne));
        return logA / (alpha - 1);
    }

    /// <summary>log g(x) with g(x) = (1 + x)^α − 1 − αx at x = q(e^{u(z)} − 1); −∞ where g is 0.</summary>
    private static double LogExcess(double q, double sigma, double alpha, double z)
    {
        var u = (2 * z - 1) / (2 * sigma * sigma);
        var x = q * ExpM1(u);
        if (Math.Abs(x) < 1e-3)
        {
            // Σ_{k≥2} C(α, k) xᵏ: the leading term α(α − 1)x²/2 dominates, so the sum keeps relative accuracy.
            double sum = 0, coefficient = alpha * (alpha - 1) / 2, power = x * x;
            for (var k = 2; k < 60; k++)
            {
                var term = coefficient * power;
                sum += term;
                if (Math.Abs(term) < 1e-20 * Math.Abs(sum)) break;
                coefficient *= (alpha - k) / (k + 1);
                power *= x;
            }
            return sum > 0 ? Math.Log(sum) : double.NegativeInfinity;
        }
        // Far right, eᵘ overflows: 1 + x = q·eᵘ·(1 + (1 − q)e⁻ᵘ/q) and 1 + αx = αq·eᵘ·(1 + (1 − αq)e⁻ᵘ/(αq)).
        var far = u > 30;
        var logOnePlusX = far ? u + Math.Log(q) + Log1P((1 - q) * Math.Exp(-u) / q) : Log1P(x);
        var logPower = alpha * logOnePlusX;
        if (logPower > 1)
        {
            // (1 + x)^α (1 − (1 + αx)(1 + x)^−α), and 1 + αx < (1 + x)^α here (Bernoulli's inequality).
            var logOnePlusAlphaX = far ? u + Math.Log(alpha * q) + Log1P((1 - alpha * q) * Math.Exp(-u) / (alpha * q)) : Math.Log(1 + alpha * x);
            return logPower + Log1P(-Math.Exp(logOnePlusAlphaX - logPower));
        }
        var g = ExpM1(logPower) - alpha * x;
        return g > 0 ? Math.Log(g) : double.NegativeInfinity;
    }

    private static double Log1P(double x)
    {
        var u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    private static double ExpM1(double x)
    {
        var u = Math.Exp(x);
        if (u == 1) return x;
        if (double.IsPositiveInfinity(u)) return u;
        var uMinusOne = u - 1;
        return uMinusOne == -1 ? -1 : uMinusOne * x / Math.Log(u);
    }
}
