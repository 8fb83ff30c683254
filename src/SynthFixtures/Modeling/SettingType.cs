namespace SynthFixtures.Modeling;

/// <summary>How a setting's value is written, which decides how it is parsed and how the CLI offers it.</summary>
public enum SettingType
{
    /// <summary>A whole number, e.g. <c>300</c>.</summary>
    WholeNumber,

    /// <summary>A number in the invariant culture, e.g. <c>2e-4</c> or <c>0.1</c>.</summary>
    Number,

    /// <summary>On or off: <c>true</c> or <c>false</c> (the CLI offers it as a flag).</summary>
    Switch,

    /// <summary>Layer widths separated by commas, e.g. <c>256,256</c>.</summary>
    Widths,

    /// <summary>One word from a fixed list (<see cref="SettingSpec.Choices"/>), e.g. <c>learned</c>.</summary>
    Choice,

    /// <summary>Column names separated by commas, e.g. <c>Review Text,Title</c> (a name holding a comma cannot be given this way).</summary>
    Names,
}
