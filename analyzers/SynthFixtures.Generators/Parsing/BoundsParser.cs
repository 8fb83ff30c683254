using System;
using System.Globalization;
using SynthFixtures.Generators.Model;

namespace SynthFixtures.Generators.Parsing;

/// <summary>
/// Turns a range attribute's bounds (numbers or invariant text) into inclusive bounds in the kind's drawing units,
/// rounding inward (a minimum of 1.5 on an int becomes 2), and explains what is wrong when it cannot.
/// </summary>
internal static class BoundsParser
{
    public static DomainBounds? Parse(ValueKind kind, object? minimum, object? maximum, out string? error)
    {
        error = null;
        if (kind.IsFloating())
        {
            if (!TryDouble(minimum, out var dmin) || !TryDouble(maximum, out var dmax))
                return Fail(out error, "the bounds must be numbers");
            var limits = KindInfo.Limits(kind);
            if (dmin > dmax) return Fail(out error, $"the minimum {Show(dmin)} is greater than the maximum {Show(dmax)}");
            if (dmin < limits.DoubleMin || dmax > limits.DoubleMax) return Fail(out error, $"the bounds lie outside the range of {kind.ToString().ToLowerInvariant()}");
            return KindInfo.Doubles(dmin, dmax);
        }
        if (!kind.IsIntegerDomain()) return Fail(out error, $"a range cannot apply to a {kind.ToString().ToLowerInvariant()} property");
        if (!TryUnits(kind, minimum, roundUp: true, out var min, out error) || !TryUnits(kind, maximum, roundUp: false, out var max, out error))
            return null;
        if (min > max) return Fail(out error, $"the minimum {Show(minimum)} is greater than the maximum {Show(maximum)}" + (IsNumeric(minimum) ? "" : " (after rounding to whole units)"));
        var bounds = KindInfo.Limits(kind);
        if (min < bounds.LongMin || max > bounds.LongMax)
            return Fail(out error, $"the bounds [{Show(minimum)}, {Show(maximum)}] lie outside what {KindName(kind)} can hold");
        return KindInfo.Longs(min, max);
    }

    private static DomainBounds? Fail(out string error, string message)
    {
        error = message;
        return null;
    }

    private static bool TryUnits(ValueKind kind, object? value, bool roundUp, out long units, out string? error)
    {
        units = 0;
        error = null;
        switch (kind)
        {
            case ValueKind.Byte:
            case ValueKind.Int16:
            case ValueKind.Int32:
            case ValueKind.Int64:
                if (value is string text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out units)) return true;
                if (TryDouble(value, out var d) && !double.IsInfinity(d) && Math.Abs(d) < 9.2e18)
                {
                    units = value is long or int ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : (long)(roundUp ? Math.Ceiling(d) : Math.Floor(d));
                    return true;
                }
                error = $"'{Show(value)}' is not an integer";
                return false;
            case ValueKind.Decimal:
                if (TryDecimal(value, out var m) && Math.Abs(m) < 900_000_000_000_000m)
                {
                    var cents = m * 100;
                    units = (long)(roundUp ? Math.Ceiling(cents) : Math.Floor(cents));
                    return true;
                }
                error = $"'{Show(value)}' is not a decimal number";
                return false;
        }
        if (value is not string s)
        {
            error = $"bounds of a {KindName(kind)} are text such as {Example(kind)}, not numbers";
            return false;
        }
        long ticks;
        switch (kind)
        {
            case ValueKind.DateTime:
            case ValueKind.DateOnly:
                if (!DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var dt)) return BadText(s, kind, out error);
                ticks = dt.Ticks;
                break;
            case ValueKind.DateTimeOffset:
                if (!DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto)) return BadText(s, kind, out error);
                ticks = dto.UtcTicks;
                break;
            default:
                if (!TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out var ts)) return BadText(s, kind, out error);
                if (kind == ValueKind.TimeOnly && (ts < TimeSpan.Zero || ts >= TimeSpan.FromDays(1)))
                {
                    error = $"'{s}' is not a time of day";
                    return false;
                }
                ticks = ts.Ticks;
                break;
        }
        var unit = KindInfo.UnitTicks(kind);
        units = ticks / unit;
        if (roundUp && ticks % unit > 0) units++;
        if (!roundUp && ticks % unit < 0) units--;
        return true;
    }

    private static bool BadText(string text, ValueKind kind, out string error)
    {
        error = $"'{text}' is not a {KindName(kind)} (write it like {Example(kind)})";
        return false;
    }

    private static string KindName(ValueKind kind) => kind switch
    {
        ValueKind.DateOnly => "DateOnly",
        ValueKind.TimeOnly => "TimeOnly",
        ValueKind.DateTimeOffset => "DateTimeOffset",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Example(ValueKind kind) => kind switch
    {
        ValueKind.DateTime or ValueKind.DateTimeOffset => "\"2020-01-31T08:00:00\"",
        ValueKind.DateOnly => "\"2020-01-31\"",
        ValueKind.TimeOnly => "\"08:30\"",
        _ => "\"1.00:00:00\"",
    };

    private static bool IsNumeric(object? value) => value is not string;

    private static bool TryDouble(object? value, out double result)
    {
        switch (value)
        {
            case string s: return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out result);
            case null: result = 0; return false;
            case IConvertible: result = Convert.ToDouble(value, CultureInfo.InvariantCulture); return !double.IsNaN(result);
            default: result = 0; return false;
        }
    }

    private static bool TryDecimal(object? value, out decimal result)
    {
        result = 0;
        switch (value)
        {
            case string s: return decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out result);
            case long or int: result = Convert.ToDecimal(value, CultureInfo.InvariantCulture); return true;
            case double d when !double.IsNaN(d) && !double.IsInfinity(d) && Math.Abs(d) < 7.9e27: result = (decimal)d; return true;
            default: return false;
        }
    }

    private static string Show(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    private static string Show(object? value) => value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString() ?? "null";
}
