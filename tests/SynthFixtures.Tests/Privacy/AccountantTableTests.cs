using System.Globalization;
using SynthFixtures.Privacy;
using Xunit.Abstractions;

namespace SynthFixtures.Tests.Privacy;

/// <summary>
/// End to end: ε from the accountant next to ε from the independent integral (<see cref="ReferenceRdp"/>, composed and
/// converted here without the accountant), for DP-SGD-shaped runs and the published examples, printed as the table
/// docs/differential-privacy.md shows.
/// </summary>
public class AccountantTableTests(ITestOutputHelper output)
{
    /// <summary>One row: mechanisms composed (each q, σ, steps), δ, the orders, and a published ε and order if there is one.</summary>
    private sealed record Case((double Q, double Sigma, int Steps)[] Mechanisms, double Delta, double[]? Orders = null,
        (double Epsilon, double Order)? Published = null, string Note = "");

    private static readonly Case[] Cases =
    [
        new([(0.01, 1.0, 1000)], 1e-5),
        new([(256.0 / 60000, 1.1, 60 * 235)], 1e-5, Note: "Abadi et al. 2016's MNIST setting: 60 epochs of lots of 256"),
        new([(500.0 / 32561, 1.0, 300 * 65)], 1e-5, Note: "adult, batch 500, 300 epochs"),
        new([(50.0 / 3256, 1.0, 300 * 66)], 1e-5, Note: "DP-CTGAN on adult: 3 256 pac groups of 10, batch 500, 300 epochs (dp-plan's --json example)"),
        new([(0.001, 0.8, 1000)], 1e-6),
        new([(0.05, 0.6, 500)], 1e-7),
        new([(0.1, 2.0, 100)], 1e-5),
        new([(1.0, 5.0, 10)], 1e-5, Note: "full batches: the plain Gaussian mechanism"),
        new([(1e-4, 3.0, 4)], 1e-5),
        new([(1e-5, 1.0, 10), (1e-4, 3.0, 4)], 1e-5, [.. RdpOrders.Integers(2, 32)], (0.336, 23),
            "Opacus' RDP module example: two mechanisms composed, orders 2 … 32"),
        new([(0.01, 1.0, 300)], 1e-5, [2, 5, 10, 20, 100], (2.39, 5), "Opacus' compute_dp_sgd_privacy example"),
    ];

    [Fact]
    public void Epsilon_agrees_with_the_independent_integral_and_the_published_values()
    {
        var lines = new List<string>
        {
            "| mechanisms (q, σ, steps) | δ | orders | ε (accountant) | α | ε (integral) | α | relative difference | published |",
            "|---|---|---|---|---|---|---|---|---|",
        };
        foreach (var run in Cases)
        {
            var orders = run.Orders ?? [.. RdpOrders.Default];
            var fast = run.Mechanisms.Aggregate(RdpAccountant.Over(orders), (accountant, m) => accountant.With(m.Q, m.Sigma, m.Steps)).Spent(run.Delta);
            var (slow, slowOrder) = orders
                .Select(alpha => (Epsilon: run.Mechanisms.Sum(m => m.Steps * ReferenceRdp.Rdp(m.Q, m.Sigma, alpha))
                    - (Math.Log(run.Delta) + Math.Log(alpha)) / (alpha - 1) + Math.Log((alpha - 1) / alpha), Order: alpha))
                .MinBy(pair => pair.Epsilon);
            var relative = Math.Abs(fast.Epsilon - slow) / slow;
            var mechanisms = string.Join(" + ", run.Mechanisms.Select(m => string.Create(CultureInfo.InvariantCulture, $"({m.Q:G6}, {m.Sigma}, {m.Steps})")));
            var orderText = run.Orders is null ? "default" : run.Orders.Length <= 5 ? string.Join(", ", run.Orders) : $"{run.Orders[0]} … {run.Orders[^1]}";
            var published = run.Published is { } p ? string.Create(CultureInfo.InvariantCulture, $"{p.Epsilon} at α = {p.Order}") : "";
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {mechanisms} | {run.Delta:G3} | {orderText} | {fast.Epsilon:F10} | {fast.Order} | {slow:F10} | {slowOrder} | {relative:E2} | {published} |"));
            Assert.True(relative <= 1e-6, lines[^1]);
            Assert.Equal(slowOrder, fast.Order);
            if (run.Published is { } expected)
            {
                Assert.Equal(expected.Epsilon, fast.Epsilon, 0.005);
                Assert.Equal(expected.Order, fast.Order);
            }
        }
        foreach (var line in lines) output.WriteLine(line);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        NoiseCalibration.EpsilonFor(500.0 / 32561, 1.0, 300 * 65, 1e-5);
        output.WriteLine($"One ε over the {RdpOrders.Default.Length} default orders: {clock.Elapsed.TotalMilliseconds:F1} ms");
    }
}
