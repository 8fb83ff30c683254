namespace SynthFixtures.Metadata;

/// <summary>
/// Recognises two-valued columns written with boolean words. A column is boolean when all its values (ignoring case)
/// come from one pair: true/false or yes/no (one of the two may be absent), or y/n, t/f, 0/1 (both must occur, so a
/// column of zeros stays an integer). Other two-valued columns (Male/Female, &lt;=50K/&gt;50K) are categorical.
/// </summary>
internal static class BooleanTokens
{
    private static readonly (string True, string False, bool BothRequired)[] Pairs =
    [
        ("true", "false", false), ("yes", "no", false), ("y", "n", true), ("t", "f", true), ("1", "0", true),
    ];

    /// <summary>The pairs a boolean column may be written with (true word, false word, whether both must occur), in order of preference.</summary>
    public static IReadOnlyList<(string True, string False, bool BothRequired)> PairList => Pairs;

    /// <summary>The pair the column's values come from (e.g. <c>"yes/no"</c>), or <c>null</c>.</summary>
    public static string? Match(ValueCounts counts)
    {
        if (counts.Distinct is 0 or > 2 + 2) return null; // case variants (Yes, yes) allow a few spellings
        foreach (var (yes, no, bothRequired) in Pairs)
        {
            bool sawTrue = false, sawFalse = false, other = false;
            foreach (var (value, _) in counts.Values)
            {
                if (value.Equals(yes, StringComparison.OrdinalIgnoreCase)) sawTrue = true;
                else if (value.Equals(no, StringComparison.OrdinalIgnoreCase)) sawFalse = true;
                else other = true;
            }
            if (!other && (bothRequired ? sawTrue && sawFalse : sawTrue || sawFalse)) return $"{yes}/{no}";
        }
        return null;
    }
}
