namespace SynthFixtures;

/// <summary>How a <see cref="SynthKeyAttribute"/> property gets its unique values.</summary>
public enum KeyKind
{
    /// <summary>Sequential for integer and string keys, random (seeded) for <see cref="Guid"/> keys.</summary>
    Auto,

    /// <summary><c>Start</c>, <c>Start + 1</c>, … (strings hold the decimal text).</summary>
    Sequential,

    /// <summary>A seeded random GUID (strings hold its "D" text).</summary>
    Guid,
}

/// <summary>
/// The type's key: unique within one generation run and the target of <see cref="SynthForeignKeyAttribute"/>.
/// Same meaning as <c>System.ComponentModel.DataAnnotations.KeyAttribute</c>, which is honoured too.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class SynthKeyAttribute : Attribute
{
    /// <summary>How values are made.</summary>
    public KeyKind Kind { get; set; }

    /// <summary>First value of a sequential key.</summary>
    public long Start { get; set; } = 1;
}
