namespace SynthFixtures.Modeling;

/// <summary>
/// The settings every differentially private kind shares (dp-marginals, dp-tvae, dp-ctgan), written once so that
/// <c>--epsilon</c> and <c>Epsilon="…"</c> mean one thing whatever the kind.
/// </summary>
public static class PrivacySettingTable
{
    /// <summary>The target ε.</summary>
    public static readonly SettingSpec Epsilon = new("epsilon", "Epsilon", SettingType.Number,
        "The ε of the (ε, δ) differential-privacy guarantee; smaller is more private and noisier (dp-tvae/dp-ctgan: give this or the noise multiplier).",
        "1", 0, null, ExclusiveBounds: true);

    /// <summary>The δ of the guarantee.</summary>
    public static readonly SettingSpec Delta = new("delta", "Delta", SettingType.Number,
        "The δ of the guarantee; refused at 1/n or above (n: rows; dp-ctgan: pac groups).", "1e-9", 0, 1, ExclusiveBounds: true);
}
