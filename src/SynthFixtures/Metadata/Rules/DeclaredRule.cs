namespace SynthFixtures.Metadata.Rules;

/// <summary>
/// A rule declared outside the metadata file, in source code (an attribute on a model-bound type), with the place
/// that declared it, so a rule the metadata cannot take or the data breaks is reported there.
/// </summary>
/// <param name="Rule">The rule over the metadata's columns.</param>
/// <param name="Declaration">How the source declared it, e.g. <c>[GreaterThan(nameof(Admitted))] on Stay.Discharged</c>.</param>
/// <param name="File">The source file.</param>
/// <param name="Line">1-based line of the declaration.</param>
/// <param name="Column">1-based character of the declaration.</param>
public sealed record DeclaredRule(TableRule Rule, string Declaration, string File, int Line, int Column);
