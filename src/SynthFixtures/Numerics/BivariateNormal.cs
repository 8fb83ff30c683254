using MathNet.Numerics.Integration;
using SynthFixtures.Randomness;

namespace SynthFixtures.Numerics;

/// <summary>
/// Probabilities of the standard bivariate normal with correlation ρ: the joint CDF and rectangle probabilities, by
/// Drezner and Wesolowsky's integral of the density over ρ with Gauss–Legendre quadrature, as refined by Genz (2004,
/// "Numerical computation of rectangular bivariate and trivariate normal and t probabilities"): about 1e-15 absolute
/// accuracy. A latent-correlation fit needs it for pairs of values known only to lie in intervals (categories, point masses).
/// </summary>
internal static class BivariateNormal
{
    // More nodes as |ρ| grows, where the integrand gets steeper.
    private static readonly GaussLegendreRule Small = new(-1, 1, 6);
    private static readonly GaussLegendreRule Medium = new(-1, 1, 12);
    private static readonly GaussLegendreRule Large = new(-1, 1, 20);

    /// <summary>P(X ≤ <paramref name="x"/>, Y ≤ <paramref name="y"/>) for standard normals with correlation <paramref name="rho"/>; infinite bounds allowed.</summary>
    public static double Cdf(double x, double y, double rho)
    {
        if (double.IsNegativeInfinity(x) || double.IsNegativeInfinity(y)) return 0;
        if (double.IsPositiveInfinity(x)) return StandardNormal.Cdf(y);
        if (double.IsPositiveInfinity(y)) return StandardNormal.Cdf(x);
        return Math.Clamp(UpperTail(-x, -y, rho), 0, 1);
    }

    /// <summary>P(<paramref name="x1"/> &lt; X ≤ <paramref name="x2"/>, <paramref name="y1"/> &lt; Y ≤ <paramref name="y2"/>).</summary>
    public static double Rectangle(double x1, double x2, double y1, double y2, double rho) =>
        Math.Max(0, Cdf(x2, y2, rho) - Cdf(x1, y2, rho) - Cdf(x2, y1, rho) + Cdf(x1, y1, rho));

    /// <summary>P(X &gt; h, Y &gt; k) for finite h, k (Genz's BVNU).</summary>
    private static double UpperTail(double h, double k, double r)
    {
        var rule = Math.Abs(r) < 0.3 ? Small : Math.Abs(r) < 0.75 ? Medium : Large;
        var nodes = rule.Abscissas;
        var weights = rule.Weights;
        var hk = h * k;
        double bvn = 0;
        if (Math.Abs(r) < 0.925)
        {
            var hs = (h * h + k * k) / 2;
            var asr = Math.Asin(r);
            for (var i = 0; i < nodes.Length; i++)
            {
                var sn = Math.Sin(asr * (1 + nodes[i]) / 2);
                bvn += weights[i] * Math.Exp((sn * hk - hs) / (1 - sn * sn));
            }
            return bvn * asr / (4 * Math.PI) + StandardNormal.Cdf(-h) * StandardNormal.Cdf(-k);
        }
        if (r < 0)
        {
            k = -k;
            hk = -hk;
        }
        if (Math.Abs(r) < 1)
        {
            var asq = (1 - r) * (1 + r);
            var a = Math.Sqrt(asq);
            var bs = (h - k) * (h - k);
            var c = (4 - hk) / 8;
            var d = (12 - hk) / 16;
            bvn = a * Math.Exp(-(bs / asq + hk) / 2) * (1 - c * (bs - asq) * (1 - d * bs / 5) / 3 + c * d * asq * asq / 5);
            if (hk > -160)
            {
                var b = Math.Sqrt(bs);
                bvn -= Math.Exp(-hk / 2) * Math.Sqrt(2 * Math.PI) * StandardNormal.Cdf(-b / a) * b * (1 - c * bs * (1 - d * bs / 5) / 3);
            }
            a /= 2;
            for (var i = 0; i < nodes.Length; i++)
            {
                var xs = a * (nodes[i] + 1);
                xs *= xs;
                var rs = Math.Sqrt(1 - xs);
                var exponent = -(bs / xs + hk) / 2;
                if (exponent > -100)
                    bvn += a * weights[i] * Math.Exp(exponent) * (Math.Exp(-hk * (1 - rs) / (2 * (1 + rs))) / rs - (1 + c * xs * (1 + d * xs)));
            }
            bvn = -bvn / (2 * Math.PI);
        }
        if (r > 0) return bvn + StandardNormal.Cdf(-Math.Max(h, k));
        bvn = -bvn;
        if (k > h) bvn += h < 0 ? StandardNormal.Cdf(k) - StandardNormal.Cdf(h) : StandardNormal.Cdf(-h) - StandardNormal.Cdf(-k);
        return bvn;
    }
}
