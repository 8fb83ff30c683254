namespace SynthFixtures;

/// <summary>A nullable property is null in this fraction of objects (0 ≤ rate ≤ 1); without it, nullable properties are never null.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class NullRateAttribute : Attribute
{
    /// <summary>The fraction of nulls.</summary>
    public NullRateAttribute(double rate) => Rate = rate;

    /// <summary>The fraction of nulls.</summary>
    public double Rate { get; }
}
