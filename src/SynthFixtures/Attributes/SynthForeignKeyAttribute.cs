namespace SynthFixtures;

/// <summary>
/// This property holds the key of a <paramref name="principal"/> object generated in the same <see cref="SynthGraph"/>,
/// so references never dangle. The principal must be a <c>[Synthesize]</c> type with a key property of this type.
/// </summary>
/// <param name="principal">The referenced type.</param>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class SynthForeignKeyAttribute(Type principal) : Attribute
{
    /// <summary>The referenced type.</summary>
    public Type Principal { get; } = principal;
}
