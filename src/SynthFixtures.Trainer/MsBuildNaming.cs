using SynthFixtures.Modeling;

namespace SynthFixtures.Trainer;

/// <summary>Names settings as the <c>&lt;SynthModel&gt;</c> item metadata that set them: <c>BatchSize="500"</c>.</summary>
internal sealed class MsBuildNaming : SettingNaming
{
    public static MsBuildNaming Instance { get; } = new();

    public override string Setting(SettingSpec spec) => spec.MsBuildName;

    public override string Assignment(SettingSpec spec, string value) => $"{spec.MsBuildName}=\"{value}\"";

    public override string TurnOn(SettingSpec spec) => $"set {spec.MsBuildName}=\"true\"";

    public override string Kind(string kind) => $"Model=\"{kind}\"";
}
