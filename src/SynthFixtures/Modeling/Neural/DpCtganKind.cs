namespace SynthFixtures.Modeling.Neural;

/// <summary>DP-CTGAN as a model kind: CTGAN's settings (without early stopping) and DP-SGD's, over <see cref="DpCtganOptions"/>.</summary>
public static class DpCtganKind
{
    /// <summary>Generator updates per discriminator update: free of budget, since the generator reads no real row.</summary>
    internal static readonly SettingSpec GeneratorSteps = new("generator-steps", "GeneratorSteps", SettingType.WholeNumber,
        "Generator updates per discriminator update (post-processing: costs no privacy budget).", "1", 1, 100);

    /// <summary>The drift penalty that keeps the critic's scores near zero (see <see cref="DpCtganOptions.DiscriminatorDrift"/>).</summary>
    internal static readonly SettingSpec DiscriminatorDrift = new("discriminator-drift", "DiscriminatorDrift", SettingType.Number,
        "Weight of a penalty on the squared discriminator scores, which keeps them from drifting apart under DP (part of each group's clipped gradient).", "0.1", 0, 100);

    /// <summary>The kind.</summary>
    public static ModelKind<DpCtganOptions> Instance { get; } = new(
        "dp-ctgan",
        "CTGAN whose discriminator is trained with DP-SGD (per-pac-group clipping and Gaussian noise, Poisson batches) to a target epsilon.",
        trainsWithTorch: true,
        [
            .. DpSettingTable.NetworkWithoutEarlyStopping<DpCtganOptions, CtganOptions>(CtganKind.Instance.Settings, o => o.Network, (o, n) => o with { Network = n }),
            .. DpSettingTable.On<DpCtganOptions>(o => o.Privacy, (o, p) => o with { Privacy = p }),
            GeneratorSteps.Bind<DpCtganOptions, int>(o => o.GeneratorSteps, (o, v) => o with { GeneratorSteps = v }),
            DiscriminatorDrift.Bind<DpCtganOptions, double>(o => o.DiscriminatorDrift, (o, v) => o with { DiscriminatorDrift = v }),
        ],
        (o, seed) => o with { Network = o.Network with { Seed = seed } },
        o =>
        {
            CtganKind.CheckBatchAgainstPac(o.Network);
            o.Validate();
        });
}
