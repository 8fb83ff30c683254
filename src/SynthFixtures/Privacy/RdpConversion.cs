namespace SynthFixtures.Privacy;

/// <summary>
/// From Rényi DP to (ε, δ)-DP with the bound of Balle, Barthe, Gaboardi, Hsu and Sato 2020 ("Hypothesis testing
/// interpretations and Rényi differential privacy", Theorem 21; the same conversion as Canonne, Kamath and Steinke
/// 2020, Proposition 12, and Opacus' <c>get_privacy_spent</c>):
/// ε(α) = rdp(α) − (log δ + log α)/(α − 1) + log((α − 1)/α), minimised over the tracked orders.
/// </summary>
public static class RdpConversion
{
    /// <summary>
    /// The tightest ε over <paramref name="orders"/> for the RDP curve <paramref name="rdp"/> (same length, same order)
    /// at <paramref name="delta"/>. Infinite RDP values are skipped; when every order is infinite the result is ε = +∞
    /// with no order. ε never goes below 0 (a bound below 0 also proves ε = 0). Ties go to the lower order.
    /// </summary>
    public static PrivacySpent ToEpsilon(IReadOnlyList<double> orders, IReadOnlyList<double> rdp, double delta)
    {
        PrivacyArguments.CheckDelta(delta);
        if (orders.Count != rdp.Count)
            throw new ArgumentException($"{orders.Count} orders but {rdp.Count} RDP values.", nameof(rdp));
        var logDelta = Math.Log(delta);
        var best = double.PositiveInfinity;
        double? bestOrder = null;
        for (var k = 0; k < orders.Count; k++)
        {
            var epsilon = EpsilonAt(orders[k], rdp[k], logDelta);
            if (epsilon < best) (best, bestOrder) = (epsilon, orders[k]);
        }
        return new PrivacySpent(Math.Max(0, best), delta, bestOrder);
    }

    /// <summary>ε(α) for one order: +∞ when the RDP is infinite or not a number.</summary>
    internal static double EpsilonAt(double order, double rdp, double logDelta)
    {
        if (double.IsNaN(rdp) || double.IsPositiveInfinity(rdp)) return double.PositiveInfinity;
        return rdp - (logDelta + Math.Log(order)) / (order - 1) + Math.Log((order - 1) / order);
    }
}
