namespace SynthFixtures.Metadata.Rules;

/// <summary>
/// One rule as written in the metadata JSON, every field optional so a wrong one is reported at its position:
/// exactly one of <c>fixedCombination</c>, <c>inequality</c>, <c>derived</c> or <c>identifier</c>, and for an
/// identifier optionally its <c>prefix</c>, <c>digits</c> and <c>checkDigit</c>.
/// </summary>
internal sealed class RuleDocument
{
    public List<string?>? FixedCombination { get; set; }
    public string? Inequality { get; set; }
    public string? Derived { get; set; }
    public string? Identifier { get; set; }
    public string? Prefix { get; set; }
    public int? Digits { get; set; }
    public string? CheckDigit { get; set; }

    /// <summary>The document of <paramref name="rule"/>, as <see cref="MetadataJson"/> writes it.</summary>
    public static RuleDocument Of(TableRule rule) => rule switch
    {
        FixedCombinationRule combination => new RuleDocument { FixedCombination = [.. combination.Columns] },
        InequalityRule inequality => new RuleDocument { Inequality = inequality.Text },
        DerivedColumnRule derived => new RuleDocument { Derived = derived.Text },
        IdentifierFormatRule identifier => new RuleDocument
        {
            Identifier = identifier.Column, Prefix = identifier.Prefix, Digits = identifier.Digits,
            CheckDigit = identifier.Check is { } check ? MetadataJson.JsonName(check) : null,
        },
        _ => throw new ArgumentException($"Unknown rule {rule.GetType().Name}.", nameof(rule)),
    };
}
