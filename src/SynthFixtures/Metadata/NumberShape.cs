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
    /// How many of a column's values are numbers: integers (with their range) or decimals (with their places), which are
    /// not (<see cref="NumberSurvey.Bad"/>, the first few kept for the evidence), and whether any is a zero-padded code.
    /// </summary>
    public static NumberSurvey Survey(ValueCounts counts)
    {
        var survey = new NumberSurvey { Min = long.MaxValue, Max = long.MinValue, AllIntegers = true };
        foreach (var (value, count) in counts.Values)
        {
            if (IsInteger(value, out var number))
            {
                survey.Numbers += count;
                survey.Min = Math.Min(survey.Min, number);
                survey.Max = Math.Max(survey.Max, number);
            }
            else if (IsDecimal(value, out var places))
            {
                survey.Numbers += count;
                survey.AllIntegers = false;
                survey.Places = Math.Max(survey.Places, places);
            }
            else
            {
                survey.Bad += count;
                if (IsZeroPadded(value)) survey.HasZeroPaddedCode = true;
                if (survey.Examples.Count < 3) survey.Examples.Add(value);
            }
        }
        return survey;
    }

    // 007 or 007.5: digits with a leading zero, which a number would lose.
    internal static bool IsZeroPadded(string value)
    {
        var span = value.AsSpan().TrimStart("+-");
        return span.Length > 1 && span[0] == '0' && char.IsAsciiDigit(span[1]) && !span.ContainsAnyExcept("0123456789.");
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

/// <summary>What <see cref="NumberShape.Survey"/> found in a column's values (counts weighted by occurrences).</summary>
internal sealed class NumberSurvey
{
    /// <summary>Values that are integers or decimal numbers.</summary>
    public int Numbers { get; set; }

    /// <summary>Values that are not numbers (words, NaN, infinities, out-of-range numbers).</summary>
    public int Bad { get; set; }

    /// <summary>Whether every number is an integer.</summary>
    public bool AllIntegers { get; set; }

    /// <summary>Smallest and largest integer seen.</summary>
    public long Min { get; set; }

    /// <inheritdoc cref="Min"/>
    public long Max { get; set; }

    /// <summary>Most decimal places seen.</summary>
    public int Places { get; set; }

    /// <summary>Whether a value is digits with a leading zero (a code such as 007).</summary>
    public bool HasZeroPaddedCode { get; set; }

    /// <summary>Up to three values that are not numbers, for the evidence.</summary>
    public List<string> Examples { get; } = [];
}
