namespace SynthFixtures.Metadata.Rules;

/// <summary>The check digits an identifier can end in: computing one for a number, and checking a whole identifier's digits.</summary>
public static class CheckDigits
{
    /// <summary>The check character for <paramref name="digits"/> (ASCII digits only).</summary>
    public static char Compute(CheckDigit kind, ReadOnlySpan<char> digits) => kind switch
    {
        CheckDigit.Luhn => Luhn(digits),
        CheckDigit.Mod11 => Mod11(digits),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No check digit to compute."),
    };

    /// <summary>Whether <paramref name="number"/>'s last character is the check character of the digits before it.</summary>
    public static bool IsValid(CheckDigit kind, ReadOnlySpan<char> number)
    {
        if (kind == CheckDigit.None) return true;
        if (number.Length < 2) return false;
        var body = number[..^1];
        foreach (var c in body) if (!char.IsAsciiDigit(c)) return false;
        return char.ToUpperInvariant(number[^1]) == Compute(kind, body);
    }

    private static char Luhn(ReadOnlySpan<char> digits)
    {
        // Doubling starts at the rightmost digit of the body, since the check digit will sit to its right.
        var sum = 0;
        var doubled = true;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubled) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
            doubled = !doubled;
        }
        return (char)('0' + (10 - sum % 10) % 10);
    }

    private static char Mod11(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (int i = digits.Length - 1, weight = 2; i >= 0; i--, weight++) sum += (digits[i] - '0') * weight;
        var check = (11 - sum % 11) % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }
}
