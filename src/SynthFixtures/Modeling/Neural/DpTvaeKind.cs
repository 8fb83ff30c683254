namespace SynthFixtures.Modeling.Neural;

/// <summary>DP-TVAE as a model kind: TVAE's settings (without early stopping) and DP-SGD's, over <see cref="DpTvaeOptions"/>.</summary>
public static class DpTvaeKind
{
    /// <summary>The kind.</summary>
    public static ModelKind<DpTvaeOptions> Instance { get; } = new(
        "dp-tvae",
        "TVAE trained with DP-SGD (per-example clipping and Gaussian noise, Poisson batches) to a target epsilon.",
        trainsWithTorch: true,
        [
            .. DpSettingTable.NetworkWithoutEarlyStopping<DpTvaeOptions, TvaeOptions>(TvaeKind.Instance.Settings, o => o.Network, (o, n) => o with { Network = n }),
            .. DpSettingTable.On<DpTvaeOptions>(o => o.Privacy, (o, p) => o with { Privacy = p }),
        ],
        (o, seed) => o with { Network = o.Network with { Seed = seed } },
        o => o.Validate());
}
