namespace SynthFixtures.Data;

/// <summary>
/// Picks the field separator of a CSV from its header line: the candidate (comma, semicolon, tab, pipe) that occurs most
/// often outside quotes, a comma on a tie or when none occurs (a one-column file). Many European exports use semicolons,
/// which a comma-only reader turns into one column silently.
/// </summary>
internal static class DelimiterDetector
{
    /// <summary>The candidates, in order of preference on a tie.</summary>
    public static IReadOnlyList<char> Candidates { get; } = [',', ';', '\t', '|'];

    /// <summary>The separator of <paramref name="utf8"/> (a UTF-8 byte order mark and blank lines before the header are skipped).</summary>
    public static char Detect(ReadOnlySpan<byte> utf8)
    {
        if (Utf8Check.HasBom(utf8)) utf8 = utf8[3..];
        var start = 0;
        while (start < utf8.Length && utf8[start] is (byte)'\r' or (byte)'\n') start++;
        Span<int> counts = stackalloc int[Candidates.Count];
        var inQuotes = false;
        for (var i = start; i < utf8.Length; i++)
        {
            var b = utf8[i];
            if (b == (byte)'"') inQuotes = !inQuotes;
            else if (!inQuotes && b is (byte)'\n' or (byte)'\r') break;
            else if (!inQuotes)
                for (var c = 0; c < counts.Length; c++)
                    if (b == Candidates[c]) counts[c]++;
        }
        var best = 0;
        for (var c = 1; c < counts.Length; c++)
            if (counts[c] > counts[best]) best = c;
        return Candidates[best];
    }

    /// <summary>How a separator is named in messages.</summary>
    public static string Describe(char delimiter) => delimiter switch
    {
        ',' => "comma",
        ';' => "semicolon",
        '\t' => "tab",
        '|' => "pipe",
        _ => $"'{delimiter}'",
    };
}
