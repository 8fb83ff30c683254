namespace SynthFixtures.Privacy;

/// <summary>Minimises the RDP-to-(ε, δ) bound of the line αρ over continuous orders α &gt; 1.</summary>
internal static class ZcdpConversion
{
    /// <summary>
    /// The best (α, ε): a scan over log(α − 1) from −10 to 20 in steps of 0.01 brackets the minimum, golden-section
    /// search inside the bracket refines it (the bound is smooth and has one minimum in α for ρ &gt; 0).
    /// </summary>
    public static (double Order, double Epsilon) Minimise(double rho, double logDelta)
    {
        double At(double t)
        {
            var order = 1 + Math.Exp(t);
            return RdpConversion.EpsilonAt(order, order * rho, logDelta);
        }

        const double from = -10, to = 20, step = 0.01;
        var bestT = from;
        var best = At(from);
        for (var t = from + step; t <= to; t += step)
        {
            var value = At(t);
            if (value < best) (best, bestT) = (value, t);
        }
        double low = bestT - step, high = bestT + step;
        var inverseGolden = (Math.Sqrt(5) - 1) / 2;
        var a = high - inverseGolden * (high - low);
        var b = low + inverseGolden * (high - low);
        double fa = At(a), fb = At(b);
        for (var iteration = 0; iteration < 100 && high - low > 1e-13; iteration++)
        {
            if (fa <= fb) { high = b; b = a; fb = fa; a = high - inverseGolden * (high - low); fa = At(a); }
            else { low = a; a = b; fa = fb; b = low + inverseGolden * (high - low); fb = At(b); }
        }
        var t0 = fa <= fb ? a : b;
        var refined = Math.Min(fa, fb);
        return refined <= best ? (1 + Math.Exp(t0), refined) : (1 + Math.Exp(bestT), best);
    }
}
