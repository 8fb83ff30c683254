using System.Globalization;
using SynthFixtures.Privacy;
using Xunit.Abstractions;

namespace SynthFixtures.Tests.Privacy;

/// <summary>
/// End to end: ε for DP-SGD-shaped runs from the accountant next to ε from the independent integral
/// (<see cref="ReferenceRdp"/>, composed and converted here without the accountant), printed as a table.
/// </summary>
public class AccountantTableTests(ITestOutputHelper output)
{
    private static readonly (double Q, double Sigma, int Steps, double Delta)[] Runs =
    [
        (0.01, 1.0, 1000, 1e-5),
        (256.0 / 60000, 1.1, 60 * 235, 1e-5),     // Abadi et al. 2016's MNIST setting: 60 epochs of lots of 256
        (500.0 / 32561, 1.0, 300 * 65, 1e-5),     // adult, batch 500, 300 epochs
        (0.001, 0.8, 1000, 1e-6),
        (0.05, 0.6, 500, 1e-7),
        (0.1, 2.0, 100, 1e-5),
        (1.0, 5.0, 10, 1e-5),                     // full batches: the plain Gaussian mechanism
        (1e-4, 3.0, 4, 1e-5),
    ];

    [Fact]
    public void Epsilon_agrees_with_the_independent_integral_over_the_default_orders()
    {
        var lines = new List<string>
        {
            "| q | σ | steps | δ | ε (accountant) | α | ε (integral) | α | relative difference |",
            "|---|---|---|---|---|---|---|---|---|",
        };
        foreach (var (q, sigma, steps, delta) in Runs)
        {
            var fast = NoiseCalibration.EpsilonFor(q, sigma, steps, delta);
            var (slow, slowOrder) = RdpOrders.Default
                .Select(alpha => (Epsilon: steps * ReferenceRdp.Rdp(q, sigma, alpha) - (Math.Log(delta) + Math.Log(alpha)) / (alpha - 1)
                    + Math.Log((alpha - 1) / alpha), Order: alpha))
                .MinBy(pair => pair.Epsilon);
            var relative = Math.Abs(fast.Epsilon - slow) / slow;
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {q:G6} | {sigma} | {steps} | {delta:G3} | {fast.Epsilon:F10} | {fast.Order} | {slow:F10} | {slowOrder} | {relative:E2} |"));
            Assert.True(relative <= 1e-6, lines[^1]);
            Assert.Equal(slowOrder, fast.Order);
        }
        foreach (var line in lines) output.WriteLine(line);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        NoiseCalibration.EpsilonFor(500.0 / 32561, 1.0, 300 * 65, 1e-5);
        output.WriteLine($"One ε over the {RdpOrders.Default.Length} default orders: {clock.Elapsed.TotalMilliseconds:F1} ms");
    }
}
