using SynthFixtures.Models.DpMarginals;

namespace SynthFixtures.Modeling;

/// <summary>The differentially private marginal model (MST) as a model kind: its settings table over <see cref="DpMarginalsOptions"/>.</summary>
public static class DpMarginalsKind
{
    /// <summary>The target ε (shared by every DP kind).</summary>
    public static readonly SettingSpec Epsilon = PrivacySettingTable.Epsilon;

    /// <summary>The δ (shared by every DP kind).</summary>
    public static readonly SettingSpec Delta = PrivacySettingTable.Delta;

    /// <summary>About how many bins a numeric column is cut into.</summary>
    public static readonly SettingSpec Bins = new("bins", "Bins", SettingType.WholeNumber,
        "About how many bins a numeric column is cut into (a spike such as 0 takes a bin of its own, so a few more may result); the bins come from noisy counts.", "32", 2, 1024);

    /// <summary>What an unset δ means.</summary>
    internal const string DeltaDefault = "1/(rows·√rows), the row count taken as public";

    /// <summary>The kind.</summary>
    public static ModelKind<DpMarginalsOptions> Instance { get; } = new(
        "dp-marginals",
        "Differentially private marginal model (MST: noisy one-way and two-way marginals on a privately selected tree, plus a second parent per column from noisy three-way marginals), pure C#.",
        trainsWithTorch: false,
        [
            Epsilon.Bind<DpMarginalsOptions, double>(o => o.Epsilon, (o, v) => o with { Epsilon = v }),
            Delta.Bind<DpMarginalsOptions, double?>(o => o.Delta, (o, v) => o with { Delta = v }, DeltaDefault),
            Bins.Bind<DpMarginalsOptions, int>(o => o.Bins, (o, v) => o with { Bins = v }),
        ],
        (o, seed) => o with { Seed = seed },
        o => o.Validate());
}
