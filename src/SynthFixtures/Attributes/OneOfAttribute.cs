namespace SynthFixtures;

/// <summary>
/// Values drawn from a fixed list, uniformly or by <see cref="Weights"/>. Each value must convert to the property type
/// (checked at compile time); enum properties take member names or values.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class OneOfAttribute : Attribute
{
    /// <summary>The allowed values.</summary>
    public OneOfAttribute(params object[] values) => Values = values;

    /// <summary>The allowed values.</summary>
    public object[] Values { get; }

    /// <summary>Relative weights, one per value (need not sum to 1); uniform when absent.</summary>
    public double[]? Weights { get; set; }
}
