namespace SynthFixtures.Modeling.Neural;

/// <summary>The DP-SGD settings the DP neural kinds share (<see cref="DpTvaeKind"/>, <see cref="DpCtganKind"/>), written once.</summary>
public static class DpSettingTable
{
    /// <summary>Target ε (shared by every DP kind).</summary>
    public static readonly SettingSpec Epsilon = PrivacySettingTable.Epsilon;

    /// <summary>δ (shared by every DP kind).</summary>
    public static readonly SettingSpec Delta = PrivacySettingTable.Delta;

    /// <summary>σ instead of ε.</summary>
    public static readonly SettingSpec NoiseMultiplier = new("noise-multiplier", "NoiseMultiplier", SettingType.Number,
        "Noise standard deviation over the clipping norm, instead of a target epsilon (the epsilon it spends is recorded).", "1.1", 0, null, ExclusiveBounds: true);

    /// <summary>C.</summary>
    public static readonly SettingSpec MaxGradNorm = new("max-grad-norm", "MaxGradNorm", SettingType.Number,
        "Each example's gradient is clipped to this L2 norm before noise is added.", "1", 0, null, ExclusiveBounds: true);

    /// <summary>What an unset δ means.</summary>
    internal const string DeltaDefault = "1/(n·√n), n rows (dp-ctgan: pac groups)";

    /// <summary>The four settings on an options record with a <see cref="DpSgdOptions"/> part.</summary>
    internal static IEnumerable<ModelSetting<T>> On<T>(Func<T, DpSgdOptions> get, Func<T, DpSgdOptions, T> set) where T : new()
    {
        ModelSetting<DpSgdOptions>[] settings =
        [
            Epsilon.Bind<DpSgdOptions, double?>(o => o.Epsilon, (o, v) => o with { Epsilon = v }),
            Delta.Bind<DpSgdOptions, double?>(o => o.Delta, (o, v) => o with { Delta = v }, DeltaDefault),
            NoiseMultiplier.Bind<DpSgdOptions, double?>(o => o.NoiseMultiplier, (o, v) => o with { NoiseMultiplier = v }),
            MaxGradNorm.Bind<DpSgdOptions, double>(o => o.MaxGradNorm, (o, v) => o with { MaxGradNorm = v }),
        ];
        return settings.Select(s => s.Within(get, set));
    }

    /// <summary><paramref name="settings"/> without early stopping (it scores held-out rows outside the budget), as part of <typeparamref name="T"/>.</summary>
    internal static IEnumerable<ModelSetting<T>> NetworkWithoutEarlyStopping<T, TNetwork>(IEnumerable<ModelSetting<TNetwork>> settings,
        Func<T, TNetwork> get, Func<T, TNetwork, T> set) where T : new() where TNetwork : new() =>
        settings.Where(s => s.Spec != NeuralSettingTable.EarlyStopping && s.Spec.Requires != NeuralSettingTable.EarlyStopping.Name)
            .Select(s => s.Within(get, set));
}
