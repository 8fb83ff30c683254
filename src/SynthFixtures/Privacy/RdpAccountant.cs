using System.Collections.Immutable;

namespace SynthFixtures.Privacy;

/// <summary>
/// A Rényi DP accountant for compositions of Poisson-subsampled Gaussian mechanisms: an immutable record of what ran
/// (<see cref="With(double, double, int)"/> returns a new accountant) and its RDP at every tracked order, the sum of
/// the mechanisms' RDP (Mironov 2017, Proposition 1). <see cref="Spent"/> turns it into (ε, δ).
/// </summary>
/// <example>
/// <code>
/// var spent = RdpAccountant.Empty.With(samplingRate: 256.0 / 60000, noiseMultiplier: 1.1, steps: 60 * 235).Spent(1e-5);
/// </code>
/// </example>
public sealed class RdpAccountant
{
    private readonly ImmutableArray<double> _rdp;

    private RdpAccountant(ImmutableArray<double> orders, ImmutableArray<SampledGaussianMechanism> mechanisms, ImmutableArray<double> rdp)
    {
        Orders = orders;
        Mechanisms = mechanisms;
        _rdp = rdp;
    }

    /// <summary>An accountant over <see cref="RdpOrders.Default"/> that has recorded nothing.</summary>
    public static RdpAccountant Empty { get; } = Over(RdpOrders.Default);

    /// <summary>An accountant over a custom set of orders (each finite and above 1) that has recorded nothing.</summary>
    public static RdpAccountant Over(IEnumerable<double> orders)
    {
        var checkedOrders = RdpOrders.Checked(orders);
        return new RdpAccountant(checkedOrders, [], [.. new double[checkedOrders.Length]]);
    }

    /// <summary>The orders tracked.</summary>
    public ImmutableArray<double> Orders { get; }

    /// <summary>The mechanisms recorded, in the order they were added.</summary>
    public ImmutableArray<SampledGaussianMechanism> Mechanisms { get; }

    /// <summary>The composed RDP at each of <see cref="Orders"/> (same positions); +∞ where a mechanism has no noise.</summary>
    public ImmutableArray<double> Rdp => _rdp;

    /// <summary>
    /// This accountant plus <paramref name="steps"/> runs of the subsampled Gaussian mechanism with sampling rate
    /// <paramref name="samplingRate"/> and noise multiplier <paramref name="noiseMultiplier"/>.
    /// </summary>
    public RdpAccountant With(double samplingRate, double noiseMultiplier, int steps) =>
        With(new SampledGaussianMechanism(samplingRate, noiseMultiplier, steps));

    /// <summary>This accountant plus one more recorded mechanism.</summary>
    public RdpAccountant With(SampledGaussianMechanism mechanism)
    {
        ArgumentNullException.ThrowIfNull(mechanism);
        PrivacyArguments.CheckSteps(mechanism.Steps);
        var rdp = new double[Orders.Length];
        for (var k = 0; k < rdp.Length; k++)
        {
            var perStep = SampledGaussianRdp.Rdp(mechanism.SamplingRate, mechanism.NoiseMultiplier, Orders[k]);
            // Zero steps spend nothing, even without noise (∞ · 0 would be NaN).
            rdp[k] = _rdp[k] + (mechanism.Steps == 0 ? 0 : perStep * mechanism.Steps);
        }
        return new RdpAccountant(Orders, Mechanisms.Add(mechanism), [.. rdp]);
    }

    /// <summary>The (ε, δ) guarantee of everything recorded, at the best tracked order (see <see cref="RdpConversion"/>).</summary>
    /// <param name="delta">δ, strictly between 0 and 1.</param>
    public PrivacySpent Spent(double delta) => RdpConversion.ToEpsilon(Orders, _rdp, delta);
}
