using System.Collections.Immutable;

namespace SynthFixtures.Privacy;

/// <summary>The Rényi orders α an accountant tracks; the (ε, δ) bound is the best over them.</summary>
public static class RdpOrders
{
    /// <summary>
    /// Opacus' default orders: 1.1 to 10.9 in steps of 0.1, then the integers 12 to 63 (151 orders). Low orders serve
    /// large budgets, high orders small ones; a bound reached at either end could improve with a wider set.
    /// </summary>
    public static ImmutableArray<double> Default { get; } =
        [.. Enumerable.Range(1, 99).Select(k => 1 + k / 10.0), .. Enumerable.Range(12, 52).Select(k => (double)k)];

    /// <summary>The integers <paramref name="from"/> to <paramref name="to"/>, e.g. TF Privacy's classic 2 … 32.</summary>
    public static ImmutableArray<double> Integers(int from, int to)
    {
        if (from < 2 || to < from)
            throw PrivacyArguments.Invalid($"Integer Rényi orders need 2 ≤ from ≤ to; got {from} … {to}.", null);
        return [.. Enumerable.Range(from, to - from + 1).Select(k => (double)k)];
    }

    /// <summary>Checks a custom order set: not empty, every order finite and above 1, no repeats.</summary>
    internal static ImmutableArray<double> Checked(IEnumerable<double> orders)
    {
        var list = orders.ToImmutableArray();
        if (list.IsEmpty) throw PrivacyArguments.Invalid("The set of Rényi orders is empty.", "Use RdpOrders.Default.");
        foreach (var order in list) PrivacyArguments.CheckOrder(order);
        if (list.Distinct().Count() != list.Length)
            throw PrivacyArguments.Invalid("The set of Rényi orders repeats an order.", "List each order once.");
        return list;
    }
}
