namespace SynthFixtures.Modeling.DpPlanning;

/// <summary>
/// A recommended configuration at the plan's ε: <c>fast</c>, <c>balanced</c> or <c>quality</c>, with what it spends
/// and the noise it leaves, or why it does not work.
/// </summary>
public sealed record DpPlanProfile
{
    /// <summary><c>fast</c>, <c>balanced</c> or <c>quality</c>.</summary>
    public required string Name { get; init; }

    /// <summary>What the profile trades, in words.</summary>
    public required string Description { get; init; }

    /// <summary>Epochs (DP-SGD), or <c>null</c>.</summary>
    public int? Epochs { get; init; }

    /// <summary>Batch size in rows (DP-SGD), or <c>null</c>.</summary>
    public int? BatchSize { get; init; }

    /// <summary>Bins per numeric column (dp-marginals), or <c>null</c>.</summary>
    public int? Bins { get; init; }

    /// <summary>The ε it spends (the plan's ε, to the calibration's tolerance), or <c>null</c> when infeasible.</summary>
    public double? Epsilon { get; init; }

    /// <summary>σ (DP-SGD), or <c>null</c>.</summary>
    public double? NoiseMultiplier { get; init; }

    /// <summary>Noisy steps (DP-SGD), or <c>null</c>.</summary>
    public int? Steps { get; init; }

    /// <summary>q (DP-SGD), or <c>null</c>.</summary>
    public double? SamplingRate { get; init; }

    /// <summary>
    /// How much noise each unit of signal carries: σ / expected batch for DP-SGD (per coordinate of the averaged
    /// gradient, in units of C), the one-way noise σ over the average cell count for dp-marginals.
    /// </summary>
    public double? NoiseToSignal { get; init; }

    /// <summary>The warnings this configuration would raise.</summary>
    public IReadOnlyList<DpPlanWarning> Warnings { get; init; } = [];

    /// <summary>Why this configuration cannot be used, or <c>null</c>.</summary>
    public string? Infeasible { get; init; }
}
