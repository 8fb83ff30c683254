namespace SynthFixtures;

/// <summary>
/// Generated strings have between <see cref="MinimumLength"/> and <see cref="MaximumLength"/> characters (inclusive).
/// <c>StringLength</c>, <c>MinLength</c>, <c>MaxLength</c> and <c>Length</c> from DataAnnotations are honoured the same way.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class SynthStringLengthAttribute : Attribute
{
    /// <summary>Length bounds, inclusive.</summary>
    public SynthStringLengthAttribute(int minimumLength, int maximumLength) =>
        (MinimumLength, MaximumLength) = (minimumLength, maximumLength);

    /// <summary>Fewest characters.</summary>
    public int MinimumLength { get; }

    /// <summary>Most characters.</summary>
    public int MaximumLength { get; }
}
