namespace SynthFixtures.Trainer.RuleAttributes;

/// <summary>The kinds of attribute that declare a rule a model keeps.</summary>
internal enum RuleAttributeKind
{
    /// <summary><c>[GreaterThan(nameof(Other))]</c> on a property.</summary>
    GreaterThan,
    /// <summary><c>[LessThan(nameof(Other))]</c> on a property.</summary>
    LessThan,
    /// <summary><c>[Derived("Price * Quantity")]</c> on a property.</summary>
    Derived,
    /// <summary><c>[IdentifierFormat(Prefix = "AC-", Digits = 8, CheckDigit = "luhn")]</c> on a property.</summary>
    IdentifierFormat,
    /// <summary><c>[FixedCombination(nameof(City), nameof(State))]</c> on the type.</summary>
    FixedCombination,
}

/// <summary>A place in a source file: 1-based line and character.</summary>
internal sealed record SourcePlace(string File, int Line, int Column);

/// <summary>
/// One rule attribute as written: its kind, the property it sits on (<c>null</c> on the type), its positional
/// arguments folded to constants (<c>null</c> where one is not a constant string), its named arguments as their
/// constant text, where it is, and where its first argument's text starts (for an error inside an expression).
/// </summary>
internal sealed record RuleAttributeSyntax(RuleAttributeKind Kind, string? Property, IReadOnlyList<string?> Arguments,
    IReadOnlyDictionary<string, string?> Named, string Text, SourcePlace Place, SourcePlace? FirstArgumentText);

/// <summary>A type bound to a learned model: its properties (with the column a <c>[Column]</c> attribute names, if any, and whether it reads a column at all) and its rule attributes.</summary>
internal sealed record BoundType(string Name, IReadOnlyList<BoundProperty> Properties, IReadOnlyList<RuleAttributeSyntax> Rules);

/// <summary>A property of a bound type.</summary>
/// <param name="Name">The property's name.</param>
/// <param name="ColumnAttribute">The column its <c>[Column("…")]</c> names, or <c>null</c>.</param>
/// <param name="ReadsColumn">Whether it reads a column of the model (not one whose values another attribute decides: a key, a fake, a pattern…).</param>
internal sealed record BoundProperty(string Name, string? ColumnAttribute, bool ReadsColumn);
