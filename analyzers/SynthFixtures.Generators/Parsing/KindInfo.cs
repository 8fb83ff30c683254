using System;
using Microsoft.CodeAnalysis;
using SynthFixtures.Generators.Model;

namespace SynthFixtures.Generators.Parsing;

/// <summary>Maps property types to <see cref="ValueKind"/>s and knows each kind's limits and defaults, in drawing units.</summary>
internal static class KindInfo
{
    private const long TicksPerSecond = 10_000_000;
    private const long TicksPerDay = TicksPerSecond * 86_400;
    private static readonly long Year2000 = new DateTime(2000, 1, 1).Ticks;
    private static readonly long Year2031 = new DateTime(2031, 1, 1).Ticks;

    /// <summary>The kind of a non-nullable type, or null when unsupported (nested types are decided by the caller).</summary>
    public static ValueKind? Of(ITypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Enum) return ValueKind.Enum;
        switch (type.SpecialType)
        {
            case SpecialType.System_Byte: return ValueKind.Byte;
            case SpecialType.System_Int16: return ValueKind.Int16;
            case SpecialType.System_Int32: return ValueKind.Int32;
            case SpecialType.System_Int64: return ValueKind.Int64;
            case SpecialType.System_Decimal: return ValueKind.Decimal;
            case SpecialType.System_DateTime: return ValueKind.DateTime;
            case SpecialType.System_Double: return ValueKind.Double;
            case SpecialType.System_Single: return ValueKind.Single;
            case SpecialType.System_Boolean: return ValueKind.Boolean;
            case SpecialType.System_String: return ValueKind.String;
        }
        if (type.ContainingNamespace?.ToDisplayString() != "System") return null;
        return type.MetadataName switch
        {
            "DateTimeOffset" => ValueKind.DateTimeOffset,
            "DateOnly" => ValueKind.DateOnly,
            "TimeOnly" => ValueKind.TimeOnly,
            "TimeSpan" => ValueKind.TimeSpan,
            "Guid" => ValueKind.Guid,
            _ => null,
        };
    }

    /// <summary>Every value the kind can hold, in drawing units.</summary>
    public static DomainBounds Limits(ValueKind kind) => kind switch
    {
        ValueKind.Byte => Longs(byte.MinValue, byte.MaxValue),
        ValueKind.Int16 => Longs(short.MinValue, short.MaxValue),
        ValueKind.Int32 => Longs(int.MinValue, int.MaxValue),
        ValueKind.Int64 => Longs(long.MinValue, long.MaxValue),
        ValueKind.Decimal => Longs(-90_000_000_000_000_000, 90_000_000_000_000_000),
        ValueKind.DateTime or ValueKind.DateTimeOffset => Longs(0, DateTime.MaxValue.Ticks / TicksPerSecond),
        ValueKind.DateOnly => Longs(0, DateTime.MaxValue.Ticks / TicksPerDay),
        ValueKind.TimeOnly => Longs(0, 86_399),
        ValueKind.TimeSpan => Longs(TimeSpan.MinValue.Ticks / TicksPerSecond, TimeSpan.MaxValue.Ticks / TicksPerSecond),
        ValueKind.Single => Doubles(float.MinValue, float.MaxValue),
        _ => Doubles(double.MinValue, double.MaxValue),
    };

    /// <summary>The range drawn when the property has no range attribute.</summary>
    public static DomainBounds Default(ValueKind kind, DistributionSpec? distribution)
    {
        if (distribution is not null)
        {
            // Log-normal and exponential values are never negative; normal ones may be anything the type holds.
            var positive = distribution.Kind != 1;
            if (kind.IsFloating()) return Doubles(positive ? 0 : double.NegativeInfinity, double.PositiveInfinity);
            var limits = Limits(kind);
            return positive ? limits with { LongMin = Math.Max(0, limits.LongMin) } : limits;
        }
        return kind switch
        {
            ValueKind.Byte => Longs(0, 255),
            ValueKind.Int16 or ValueKind.Int32 or ValueKind.Int64 => Longs(0, 1000),
            ValueKind.Decimal => Longs(0, 100_000),
            ValueKind.DateTime or ValueKind.DateTimeOffset => Longs(Year2000 / TicksPerSecond, Year2031 / TicksPerSecond - 1),
            ValueKind.DateOnly => Longs(Year2000 / TicksPerDay, Year2031 / TicksPerDay - 1),
            ValueKind.TimeOnly => Longs(0, 86_399),
            ValueKind.TimeSpan => Longs(0, 86_400),
            _ => Doubles(0, 1000),
        };
    }

    public static DomainBounds Longs(long min, long max) => new(min, max, 0, 0);

    public static DomainBounds Doubles(double min, double max) => new(0, 0, min, max);

    /// <summary>Seconds and days in ticks, for the bounds parser.</summary>
    public static long UnitTicks(ValueKind kind) => kind == ValueKind.DateOnly ? TicksPerDay : TicksPerSecond;
}
