namespace SynthFixtures;

/// <summary>
/// On a property of a model-bound type (<c>[Synthesize(From = "data/orders.csv")]</c>): its column equals an expression
/// over other properties' columns, a sum of products with constants allowed (<c>"Price * Quantity + Fee"</c>,
/// <c>"Net + Tax"</c>). The build reads the attribute before it trains the model, which then keeps the rule by
/// construction: the column is computed after sampling, never learned (docs/steering.md, "As attributes on bound types").
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class DerivedAttribute : Attribute
{
    /// <summary>The expression, naming properties of the same type (<c>nameof</c> pieces concatenated are read too).</summary>
    public DerivedAttribute(string expression) => Expression = expression;

    /// <summary>The expression this property equals.</summary>
    public string Expression { get; }
}

/// <summary>
/// On a string property of a model-bound type: its column is an identifier made of a fixed prefix, a zero-padded number
/// and possibly a check digit. Parts left out are learned from the data. The model generates the column in that format.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class IdentifierFormatAttribute : Attribute
{
    /// <summary>Text before the number; <c>null</c>: learned from the data.</summary>
    public string? Prefix { get; set; }

    /// <summary>Digits of the number, check digit included (1 to 18); 0: learned from the data.</summary>
    public int Digits { get; set; }

    /// <summary><c>"luhn"</c>, <c>"mod11"</c> or <c>"none"</c>; <c>null</c>: learned from the data.</summary>
    public string? CheckDigit { get; set; }
}

/// <summary>
/// On a model-bound type: the named properties' columns take only value combinations seen in the data (city, state,
/// country). The model learns the combination as one column, so no other combination can appear.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = true)]
public sealed class FixedCombinationAttribute : Attribute
{
    /// <summary>Two or more properties of this type; use <c>nameof</c>.</summary>
    public FixedCombinationAttribute(params string[] properties) => Properties = properties;

    /// <summary>The properties combined.</summary>
    public IReadOnlyList<string> Properties { get; }
}
