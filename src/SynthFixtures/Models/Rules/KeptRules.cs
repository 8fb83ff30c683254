using SynthFixtures.Metadata;
using SynthFixtures.Sampling.Generated;

namespace SynthFixtures.Models.Rules;

/// <summary>
/// How a model keeps its metadata's rules: which of the inner model's columns stand for which rule, and what was fixed
/// when the rules were fitted. Stored in the model file (header field <c>rules</c>), so sampling rebuilds the rows in
/// pure C# whatever the model kind.
/// </summary>
internal sealed record KeptRules
{
    /// <summary>The metadata of the rows produced (the user's columns and rules).</summary>
    public required TableMetadata Metadata { get; init; }

    /// <summary>One entry per fixed combination rule, in rule order.</summary>
    public required IReadOnlyList<KeptCombination> Combinations { get; init; }

    /// <summary>One entry per inequality rule, in rule order.</summary>
    public required IReadOnlyList<KeptInequality> Inequalities { get; init; }

    /// <summary>The recipe of each identifier rule's column, in rule order.</summary>
    public required IReadOnlyList<GeneratedColumnSpec> Identifiers { get; init; }

    /// <summary>The source's missing-value token of each column a rule writes, when it had one (e.g. <c>" ?"</c>).</summary>
    public required IReadOnlyDictionary<string, string> MissingTokens { get; init; }
}

/// <summary>A fixed combination learned as one categorical column of the inner model.</summary>
/// <param name="Rule">Index of the rule in the metadata's rules.</param>
/// <param name="JointColumn">The inner model's column holding the combination (members joined by U+001F, a missing member as U+0018).</param>
internal sealed record KeptCombination(int Rule, string JointColumn);

/// <summary>An inequality learned as the logarithm of the difference, in place of the greater column.</summary>
/// <param name="Rule">Index of the rule in the metadata's rules.</param>
/// <param name="DifferenceColumn">The inner model's column holding log(greater − lesser + <paramref name="Offset"/>) where both are present.</param>
/// <param name="FallbackColumn">The inner model's column holding the greater value where the lesser is missing; <c>null</c>: none.</param>
/// <param name="Offset">0 for a strict inequality (the difference is positive); the greater column's resolution for ≥, so a zero difference has a logarithm.</param>
internal sealed record KeptInequality(int Rule, string DifferenceColumn, string? FallbackColumn, double Offset);
