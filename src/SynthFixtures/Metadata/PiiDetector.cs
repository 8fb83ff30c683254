using System.Globalization;
using System.Text.RegularExpressions;

namespace SynthFixtures.Metadata;

/// <summary>
/// Recognises personal data by shape: e-mail addresses, phone numbers and payment card numbers. A column is flagged
/// when at least a given share (default 80 %) of its non-missing values have one shape; flagged columns are faked,
/// never learned.
/// </summary>
public static partial class PiiDetector
{
    /// <summary>Whether <paramref name="value"/> looks like an e-mail address (local part, <c>@</c>, a dotted domain).</summary>
    public static bool IsEmail(string value) => EmailPattern().IsMatch(value.Trim());

    /// <summary>
    /// Whether <paramref name="value"/> looks like a phone number: only digits, spaces and <c>+ - ( ) .</c>, 7 to 15 digits.
    /// Unless <paramref name="nameSuggestsPhone"/>, it must also be written like one — starting with <c>+</c>, holding
    /// parentheses, or split in at least three groups ending in four or more digits (<c>555-123-4567</c>) and not a date —
    /// so that plain numbers, dates and postal
    /// codes such as <c>94043-1351</c> are not taken for phone numbers.
    /// </summary>
    public static bool IsPhone(string value, bool nameSuggestsPhone = false)
    {
        var text = value.AsSpan().Trim();
        var digits = 0;
        var groups = 0;
        var lastGroup = 0;
        var inGroup = false;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
                if (!inGroup) (groups, lastGroup) = (groups + 1, 0);
                lastGroup++;
                inGroup = true;
            }
            else if (c is ' ' or '+' or '-' or '(' or ')' or '.') inGroup = false;
            else return false;
        }
        if (digits is < 7 or > 15) return false;
        if (nameSuggestsPhone || text.StartsWith('+') || text.Contains('(')) return true;
        // Three groups ending in a subscriber number of 4+ digits (555-123-4567), but not a date such as 01-31-2012.
        return groups >= 3 && lastGroup >= 4 && !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    /// <summary>
    /// Whether <paramref name="value"/> reads as a person's name: <paramref name="minWords"/> to 4 words, each starting with
    /// an upper-case letter and holding only letters, apostrophes, hyphens and dots (<c>Ana María O'Neil</c>, <c>J. Smith</c>).
    /// </summary>
    public static bool IsPersonName(string value, int minWords = 1)
    {
        var words = value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < minWords || words.Length > 4) return false;
        foreach (var word in words)
        {
            if (!char.IsUpper(word[0])) return false;
            foreach (var c in word)
                if (!(char.IsLetter(c) || c is '\'' or '-' or '.' or '’')) return false;
        }
        return true;
    }

    /// <summary>Whether <paramref name="value"/> is 13–19 digits (spaces and dashes allowed between them) passing the Luhn check.</summary>
    public static bool IsCardNumber(string value)
    {
        Span<char> digits = stackalloc char[19];
        var count = 0;
        foreach (var c in value.AsSpan().Trim())
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length) return false;
                digits[count++] = c;
            }
            else if (c is not (' ' or '-')) return false;
        }
        return count >= 13 && PassesLuhn(digits[..count]);
    }

    /// <summary>The Luhn (mod 10) checksum used by payment card numbers.</summary>
    public static bool PassesLuhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (d is < 0 or > 9) return false;
            if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return digits.Length > 0 && sum % 10 == 0;
    }

    /// <summary>
    /// The kind of personal data in a column of <paramref name="values"/> (missing values left out), or
    /// <see cref="PiiKind.None"/>; <paramref name="share"/> is the share of values with that shape.
    /// </summary>
    public static PiiKind Detect(string columnName, IReadOnlyCollection<string> values, out double share, double minShare = 0.8)
    {
        ArgumentNullException.ThrowIfNull(values);
        var counts = ValueCounts.Of(values.ToArray());
        return Detect(columnName, counts, minShare, out share);
    }

    internal static PiiKind Detect(string columnName, ValueCounts counts, double minShare, out double share)
    {
        share = 0;
        if (counts.NonMissing == 0) return PiiKind.None;
        var phoneName = ColumnNames.LooksLikePhone(columnName);
        // Cards before phones: a spaced card number also has a phone's characters.
        foreach (var (kind, test) in new (PiiKind, Func<string, bool>)[]
                 {
                     (PiiKind.CardNumber, IsCardNumber), (PiiKind.Email, IsEmail), (PiiKind.Phone, v => IsPhone(v, phoneName)),
                 })
        {
            share = counts.CountWhere(test) / (double)counts.NonMissing;
            if (share >= minShare) return kind;
        }
        // Names have no shape of their own (a song or a company is capitalised words too), so only a column named for
        // people is checked, and a bare "name" column only counts full names of two words or more.
        var nameHint = ColumnNames.LooksLikePersonName(columnName);
        if (nameHint != PersonNameHint.None)
        {
            var minWords = nameHint == PersonNameHint.Strong ? 1 : 2;
            share = counts.CountWhere(v => IsPersonName(v, minWords)) / (double)counts.NonMissing;
            if (share >= minShare) return PiiKind.PersonName;
        }
        if (ColumnNames.LooksLikeStreetAddress(columnName))
        {
            share = counts.CountWhere(IsStreetAddress) / (double)counts.NonMissing;
            if (share >= minShare) return PiiKind.StreetAddress;
        }
        share = 0;
        return PiiKind.None;
    }

    /// <summary>Whether <paramref name="value"/> reads as a street address: words with a house number (<c>1600 Amphitheatre Parkway</c>, <c>Rua Dr. Falcão Filho, 155</c>).</summary>
    public static bool IsStreetAddress(string value)
    {
        var text = value.AsSpan().Trim();
        return text.IndexOfAnyInRange('0', '9') >= 0 && text.ContainsAny(" ,") && text.IndexOfAnyExceptInRange('0', '9') >= 0
            && !text.ContainsAny("@/\\");
    }

    [GeneratedRegex(@"^[A-Za-z0-9._%+'\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
