namespace SynthFixtures.Generators.Model;

/// <summary>What a property holds, as far as generation cares. Kinds up to <see cref="TimeSpan"/> are drawn as integers.</summary>
internal enum ValueKind
{
    Byte,
    Int16,
    Int32,
    Int64,
    /// <summary>Drawn in cents.</summary>
    Decimal,
    /// <summary>Drawn in whole seconds since 0001-01-01.</summary>
    DateTime,
    /// <summary>Drawn in whole UTC seconds, offset zero.</summary>
    DateTimeOffset,
    /// <summary>Drawn as a day number.</summary>
    DateOnly,
    /// <summary>Drawn in whole seconds since midnight.</summary>
    TimeOnly,
    /// <summary>Drawn in whole seconds.</summary>
    TimeSpan,
    Double,
    Single,
    Boolean,
    String,
    Enum,
    Guid,
    /// <summary>Another [Synthesize] type.</summary>
    Nested,
}

internal static class ValueKinds
{
    public static bool IsIntegerDomain(this ValueKind kind) => kind <= ValueKind.TimeSpan;

    public static bool IsFloating(this ValueKind kind) => kind is ValueKind.Double or ValueKind.Single;

    public static bool IsOrderable(this ValueKind kind) => kind.IsIntegerDomain() || kind.IsFloating();
}
