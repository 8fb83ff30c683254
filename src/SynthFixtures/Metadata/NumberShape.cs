using System.Globalization;

namespace SynthFixtures.Metadata;

/// <summary>Whether a column's values are all integers or all decimal numbers, as the models can hold them exactly.</summary>
internal static class NumberShape
{
    // A double holds every integer up to 2^53 exactly; beyond 15 digits, values (card numbers, long codes) are text.
    private const int MaxDigits = 15;

    /// <summary>Whether every value is an integer, and if so their range.</summary>
    public static bool AllIntegers(ValueCounts counts, out long min, out long max)
    {
        min = long.MaxValue;
        max = long.MinValue;
        foreach (var (value, _) in counts.Values)
        {
            if (!IsInteger(value, out var number)) return false;
            min = Math.Min(min, number);
            max = Math.Max(max, number);
        }
        return counts.Distinct > 0;
    }

    /// <summary>Whether every value is a finite decimal number; <paramref name="places"/> is the most decimal places seen (≤ 15).</summary>
    public static bool AllDecimals(ValueCounts counts, out int places)
    {
        places = 0;
        foreach (var (value, _) in counts.Values)
        {
            if (!IsDecimal(value, out var valuePlaces)) return false;
            places = Math.Max(places, valuePlaces);
        }
        return counts.Distinct > 0;
    }

    /// <summary>
    /// An optional sign and 1–15 digits, without leading zeros: <c>007</c> is a code whose zeros an integer would lose.
    /// </summary>
    public static bool IsInteger(string value, out long number)
    {
        number = 0;
        var digits = value.AsSpan();
        if (digits.Length > 0 && digits[0] is '-' or '+') digits = digits[1..];
        if (digits.Length is 0 or > MaxDigits || (digits.Length > 1 && digits[0] == '0')) return false;
        foreach (var c in digits)
            if (!char.IsAsciiDigit(c)) return false;
        return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>A finite number in invariant notation (<c>-122.23</c>, <c>1.5e-3</c>) with at most 15 integer digits and no leading zero.</summary>
    public static bool IsDecimal(string value, out int places)
    {
        places = 0;
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
            return false;
        var span = value.AsSpan().TrimStart("+-");
        var exponentAt = span.IndexOfAny('e', 'E');
        var mantissa = exponentAt < 0 ? span : span[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(span[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.');
        var integerDigits = point < 0 ? mantissa.Length : point;
        if (integerDigits > 1 && mantissa[0] == '0') return false; // 007 or 007.5: a code, not a number
        if (integerDigits + Math.Max(0, exponent) > MaxDigits) return false;
        var fractionDigits = point < 0 ? 0 : mantissa.Length - point - 1;
        places = Math.Clamp(fractionDigits - exponent, 0, 15);
        return true;
    }
}
