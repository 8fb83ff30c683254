namespace SynthFixtures;

/// <summary>
/// This property is strictly greater than another property of the same type (when both have values). Satisfied by
/// construction: the other property is drawn first and this one inside what is left of its range. Between two
/// properties of a model-bound type, the build has the model keep it (an inequality rule, docs/steering.md).
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class GreaterThanAttribute : Attribute
{
    /// <summary>Names the other property; use <c>nameof</c>.</summary>
    public GreaterThanAttribute(string otherProperty) => OtherProperty = otherProperty;

    /// <summary>The property this one must exceed.</summary>
    public string OtherProperty { get; }
}

/// <summary>This property is strictly less than another property of the same type (when both have values); see <see cref="GreaterThanAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class LessThanAttribute : Attribute
{
    /// <summary>Names the other property; use <c>nameof</c>.</summary>
    public LessThanAttribute(string otherProperty) => OtherProperty = otherProperty;

    /// <summary>The property this one must stay below.</summary>
    public string OtherProperty { get; }
}
