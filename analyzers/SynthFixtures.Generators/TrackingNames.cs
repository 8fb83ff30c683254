namespace SynthFixtures.Generators;

/// <summary>Names of the pipeline steps, for <c>WithTrackingName</c> and the caching tests.</summary>
internal static class TrackingNames
{
    public const string Parse = "SynthFixtures.Parse";
    public const string Specs = "SynthFixtures.Specs";
    public const string Diagnostics = "SynthFixtures.Diagnostics";
    public const string Schemas = "SynthFixtures.Schemas";
    public const string Bound = "SynthFixtures.Bound";
    public const string BindingDiagnostics = "SynthFixtures.BindingDiagnostics";
    public const string PrivacyCap = "SynthFixtures.PrivacyCap";
}
