namespace SynthFixtures.Modeling;

/// <summary>
/// How a caller's users write settings and model kinds, so one <see cref="SettingException"/> reads right everywhere:
/// in words for a library user (<c>the batch size</c>), as flags on the command line (<c>--batch-size</c>), as item
/// metadata in a project file (<c>BatchSize</c>).
/// </summary>
public class SettingNaming
{
    /// <summary>Plain words: <c>the batch size</c>, <c>tvae</c>, <c>the batch size 500</c>.</summary>
    public static SettingNaming Words { get; } = new();

    /// <summary>A setting as a noun phrase (<c>the batch size</c>).</summary>
    public virtual string Setting(SettingSpec spec) => $"the {spec.Label}";

    /// <summary>A setting given a value (<c>a batch size of 500</c>).</summary>
    public virtual string Assignment(SettingSpec spec, string value) => $"{spec.Label} {value}";

    /// <summary>How to turn a switch on (<c>turn early stopping on</c>).</summary>
    public virtual string TurnOn(SettingSpec spec) => $"turn {spec.Label} on";

    /// <summary>A model kind (<c>tvae</c>).</summary>
    public virtual string Kind(string kind) => kind;
}
