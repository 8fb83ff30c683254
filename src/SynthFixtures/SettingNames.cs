namespace SynthFixtures;

/// <summary>
/// The names by which a <see cref="SynthDataException"/> points at a setting (<see cref="SynthDataException.Settings"/>).
/// Each is the name of the request property that carries the setting (the evaluation request's, for instance), so a
/// library user finds it where they set it, and the CLI or the build maps it to its own option or metadata name.
/// </summary>
public static class SettingNames
{
    /// <summary>The share of the real rows split off as a holdout.</summary>
    public const string HoldoutFraction = "HoldoutFraction";

    /// <summary>A holdout table: real rows the model never saw.</summary>
    public const string Holdout = "Holdout";

    /// <summary>The column machine-learning utility predicts.</summary>
    public const string Target = "Target";

    /// <summary>Whether the detection metric runs without a target.</summary>
    public const string Detection = "Detection";

    /// <summary>The minimum scores an evaluation must reach (a threshold gate).</summary>
    public const string Thresholds = "Thresholds";

    /// <summary>How free-text columns are evaluated; an error names it for the column the consistency classifier predicts (<c>Text.ConsistencyLabel</c>).</summary>
    public const string Text = "Text";
}
