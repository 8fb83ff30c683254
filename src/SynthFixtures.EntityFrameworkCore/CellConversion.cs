using System.Globalization;

namespace SynthFixtures.EntityFrameworkCore;

/// <summary>
/// A generated cell (invariant text, as every <c>RelationalDataset</c> holds it) as a value of a property's CLR type.
/// </summary>
internal static class CellConversion
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Whether <paramref name="type"/> (or its nullable form's underlying type) is one <see cref="TryConvert"/> handles.</summary>
    public static bool Supports(Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        return plain.IsEnum || plain == typeof(string) || plain == typeof(bool) || plain == typeof(char)
            || plain == typeof(byte) || plain == typeof(sbyte) || plain == typeof(short) || plain == typeof(ushort)
            || plain == typeof(int) || plain == typeof(uint) || plain == typeof(long) || plain == typeof(ulong)
            || plain == typeof(float) || plain == typeof(double) || plain == typeof(decimal)
            || plain == typeof(DateTime) || plain == typeof(DateTimeOffset) || plain == typeof(DateOnly)
            || plain == typeof(TimeOnly) || plain == typeof(TimeSpan) || plain == typeof(Guid) || plain == typeof(byte[]);
    }

    /// <summary>Converts a non-null cell; <c>false</c> when the text is not a value of the type.</summary>
    public static bool TryConvert(string cell, Type type, out object? value)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        value = null;
        if (plain == typeof(string)) { value = cell; return true; }
        var text = cell.Trim();
        if (plain.IsEnum) return TryEnum(text, plain, out value);
        if (plain == typeof(bool)) return TryBool(text, out value);
        if (plain == typeof(char)) return Done(cell.Length == 1, cell.Length == 1 ? cell[0] : default, out value);
        if (plain == typeof(byte[])) return TryBase64(text, out value);
        if (IsInteger(plain)) return TryInteger(text, plain, out value);
        if (plain == typeof(decimal)) return Done(decimal.TryParse(text, NumberStyles.Float, Invariant, out var m), m, out value);
        if (plain == typeof(double)) return Done(double.TryParse(text, NumberStyles.Float, Invariant, out var d), d, out value);
        if (plain == typeof(float)) return Done(float.TryParse(text, NumberStyles.Float, Invariant, out var f), f, out value);
        if (plain == typeof(DateTime)) return Done(TryDateTime(text, out var dt), dt, out value);
        if (plain == typeof(DateTimeOffset))
            return Done(DateTimeOffset.TryParse(text, Invariant, DateTimeStyles.AssumeUniversal, out var dto), dto, out value);
        if (plain == typeof(DateOnly)) return TryDateOnly(text, out value);
        if (plain == typeof(TimeOnly)) return Done(TimeOnly.TryParse(text, Invariant, out var t), t, out value);
        if (plain == typeof(TimeSpan)) return Done(TimeSpan.TryParse(text, Invariant, out var ts), ts, out value);
        if (plain == typeof(Guid)) return Done(Guid.TryParse(text, out var g), g, out value);
        return false;
    }

    private static bool Done<T>(bool parsed, T parsedValue, out object? value)
    {
        value = parsed ? parsedValue : null;
        return parsed;
    }

    private static bool IsInteger(Type t) =>
        t == typeof(byte) || t == typeof(sbyte) || t == typeof(short) || t == typeof(ushort)
        || t == typeof(int) || t == typeof(uint) || t == typeof(long) || t == typeof(ulong);

    // A model may write a whole number as "12.0"; accepted when it is whole and in the type's range.
    private static bool TryInteger(string text, Type type, out object? value)
    {
        value = null;
        if (!decimal.TryParse(text, NumberStyles.Float, Invariant, out var number) || number != decimal.Truncate(number)) return false;
        try
        {
            value = Convert.ChangeType(number, type, Invariant);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static bool TryBool(string text, out object? value)
    {
        value = text.ToLowerInvariant() switch
        {
            "true" or "t" or "1" or "yes" or "y" => true,
            "false" or "f" or "0" or "no" or "n" => false,
            _ => null,
        };
        return value is not null;
    }

    private static bool TryEnum(string text, Type type, out object? value)
    {
        value = null;
        if (!Enum.TryParse(type, text, ignoreCase: true, out var parsed)) return false;
        // A number that names no member (7 for a three-member enum) is a bad cell, not a value.
        if (!type.IsDefined(typeof(FlagsAttribute), false) && !Enum.IsDefined(type, parsed)) return false;
        value = parsed;
        return true;
    }

    private static bool TryDateTime(string text, out DateTime value) =>
        DateTime.TryParse(text, Invariant, DateTimeStyles.RoundtripKind | DateTimeStyles.AllowWhiteSpaces, out value);

    // A date column generated as a timestamp at midnight ("2024-03-01 00:00:00") is still a date; any other time is not.
    private static bool TryDateOnly(string text, out object? value)
    {
        value = null;
        if (DateOnly.TryParse(text, Invariant, out var date)) value = date;
        else if (TryDateTime(text, out var dateTime) && dateTime.TimeOfDay == TimeSpan.Zero) value = DateOnly.FromDateTime(dateTime);
        return value is not null;
    }

    private static bool TryBase64(string text, out object? value)
    {
        var buffer = new byte[text.Length];
        value = Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
        return value is not null;
    }
}
