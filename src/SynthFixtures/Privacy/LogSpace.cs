using MathNet.Numerics;

namespace SynthFixtures.Privacy;

/// <summary>
/// Arithmetic on numbers kept as their logarithms, so the moments of the Rényi accountant (which range from
/// 1 + 10⁻¹² to e¹⁰⁰⁰⁰) neither underflow nor overflow. Zero is <see cref="double.NegativeInfinity"/>.
/// </summary>
internal static class LogSpace
{
    /// <summary>log(eˣ + eʸ).</summary>
    public static double Add(double x, double y)
    {
        var (low, high) = x < y ? (x, y) : (y, x);
        if (double.IsNegativeInfinity(low)) return high;
        return high + LogOnePlus(Math.Exp(low - high));
    }

    /// <summary>log(eˣ − eʸ) for x ≥ y; <see cref="double.NegativeInfinity"/> when they are equal.</summary>
    public static double Subtract(double x, double y)
    {
        if (x < y) throw new ArgumentException($"log-space subtraction would be negative: log {x} − log {y}.");
        if (double.IsNegativeInfinity(y)) return x;
        if (x == y) return double.NegativeInfinity;
        return x + LogOneMinusExp(y - x);
    }

    /// <summary>log(1 + x) accurate for small x (.NET's <c>double.LogP1</c> is computed as log(1 + x)).</summary>
    public static double LogOnePlus(double x)
    {
        // Goldberg's correction: the rounding of 1 + x cancels between log(u) and u − 1.
        var u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    /// <summary>log(1 − eᵗ) for t &lt; 0, accurate at both ends (Mächler's split at −log 2).</summary>
    public static double LogOneMinusExp(double t) => t > -0.6931471805599453
        ? Math.Log(-ExpMinusOne(t))
        : LogOnePlus(-Math.Exp(t));

    /// <summary>eˣ − 1 accurate for small x (.NET's <c>double.ExpM1</c> is computed as eˣ − 1).</summary>
    public static double ExpMinusOne(double x)
    {
        // Kahan's correction: the rounding of eˣ cancels between u − 1 and log(u).
        var u = Math.Exp(x);
        if (u == 1) return x;
        var uMinusOne = u - 1;
        return uMinusOne == -1 || double.IsPositiveInfinity(u) ? uMinusOne : uMinusOne * x / Math.Log(u);
    }

    /// <summary>log(eᵗ − 1) for t &gt; 0, without overflow for large t.</summary>
    public static double LogExpMinusOne(double t) => t > 30 ? t + LogOnePlus(-Math.Exp(-t)) : Math.Log(ExpMinusOne(t));

    /// <summary>log(1 + eʸ) (the soft-plus): turns log(A − 1) into log A without losing the small A − 1.</summary>
    public static double SoftPlus(double y) => y > 36 ? y + Math.Exp(-y) : LogOnePlus(Math.Exp(y));

    /// <summary>
    /// log erfc(x), accurate where erfc itself underflows (x beyond about 26) and where it is tiny: MathNet's erfc
    /// (relative accuracy near machine precision) up to <see cref="AsymptoticFrom"/>, the asymptotic series of the
    /// scaled erfc beyond it (its terms fall by a factor of at least (2k − 1)/(2x²) ≤ 1/4 for the first 25).
    /// </summary>
    public static double LogErfc(double x)
    {
        if (x < AsymptoticFrom) return Math.Log(SpecialFunctions.Erfc(x));
        // erfc(x) = e^(−x²) / (x √π) · Σₖ (−1)ᵏ (2k − 1)!! / (2x²)ᵏ
        var inverse = 1 / (2 * x * x);
        double sum = 1, term = 1;
        for (var k = 1; k < 40; k++)
        {
            term *= -(2 * k - 1) * inverse;
            sum += term;
            if (Math.Abs(term) < 1e-18) break;
        }
        return -x * x - Math.Log(x) - 0.5 * Math.Log(Math.PI) + Math.Log(sum);
    }

    /// <summary>
    /// log(½erfc(x)), the log of the standard normal's upper tail at x√2. For x &lt; 0 it is log(1 − ½erfc(−x)),
    /// so a value just below 0 keeps its relative accuracy (log ½ + log erfc(x) would cancel to an absolute error of
    /// 10⁻¹⁶, which is all there is of a number like 10⁻¹⁵).
    /// </summary>
    public static double LogHalfErfc(double x) => x < 0
        ? LogOnePlus(-0.5 * SpecialFunctions.Erfc(-x))
        : LogErfc(x) - 0.6931471805599453;

    /// <summary>Where <see cref="LogErfc"/> switches to the asymptotic series.</summary>
    internal const double AsymptoticFrom = 10;
}
