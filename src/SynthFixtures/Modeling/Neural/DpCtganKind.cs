namespace SynthFixtures.Modeling.Neural;

/// <summary>DP-CTGAN as a model kind: CTGAN's settings (without early stopping) and DP-SGD's, over <see cref="DpCtganOptions"/>.</summary>
public static class DpCtganKind
{
    /// <summary>The kind.</summary>
    public static ModelKind<DpCtganOptions> Instance { get; } = new(
        "dp-ctgan",
        "CTGAN whose discriminator is trained with DP-SGD (per-pac-group clipping and Gaussian noise, Poisson batches) to a target epsilon.",
        trainsWithTorch: true,
        [
            .. DpSettingTable.NetworkWithoutEarlyStopping<DpCtganOptions, CtganOptions>(CtganKind.Instance.Settings, o => o.Network, (o, n) => o with { Network = n }),
            .. DpSettingTable.On<DpCtganOptions>(o => o.Privacy, (o, p) => o with { Privacy = p }),
        ],
        (o, seed) => o with { Network = o.Network with { Seed = seed } },
        o =>
        {
            CtganKind.CheckBatchAgainstPac(o.Network);
            o.Validate();
        });
}
