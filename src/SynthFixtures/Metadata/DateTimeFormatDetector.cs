using System.Globalization;

namespace SynthFixtures.Metadata;

/// <summary>
/// Finds the one date/time format a column's values are written in. Values are parsed exactly as
/// <see cref="Transforms.ColumnValues"/> parses them later (invariant culture, surrounding whitespace allowed), so a
/// detected format is one the models can read.
/// </summary>
internal static class DateTimeFormatDetector
{
    /// <summary>Common invariant formats, most specific and most usual first; month-first before day-first on a tie.</summary>
    public static IReadOnlyList<string> CommonFormats { get; } =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy/MM/dd", "yyyy/MM/dd HH:mm:ss",
        "MM/dd/yyyy", "M/d/yyyy", "MM/dd/yyyy HH:mm:ss", "M/d/yyyy H:mm", "M/d/yyyy H:mm:ss", "M/d/yyyy h:mm:ss tt",
        "dd/MM/yyyy", "d/M/yyyy", "dd/MM/yyyy HH:mm:ss", "d/M/yyyy H:mm",
        "dd.MM.yyyy", "d.M.yyyy", "dd.MM.yyyy HH:mm:ss",
        "dd-MM-yyyy", "MM-dd-yyyy",
        "d MMM yyyy", "dd-MMM-yyyy", "MMM d yyyy", "MMM d, yyyy", "MMMM d, yyyy", "d MMMM yyyy",
    ];

    // Formats are first tried on a few values; only those that parse one of them are counted over the whole column.
    private const int SampleSize = 32;

    /// <summary>
    /// The format that parses the most values, if it parses at least <paramref name="minShare"/> of them; <paramref name="parsed"/>
    /// is how many it parsed and <paramref name="ambiguousWith"/> names a format that parsed exactly as many (dd/MM vs MM/dd).
    /// </summary>
    public static string? Detect(ValueCounts counts, IReadOnlyList<string> formats, double minShare, out int parsed, out string? ambiguousWith)
    {
        parsed = 0;
        ambiguousWith = null;
        if (counts.NonMissing == 0) return null;
        var sample = counts.Values.Take(SampleSize).Select(v => v.Key).ToArray();
        string? best = null;
        foreach (var format in formats)
        {
            if (!sample.Any(value => Parses(value, format))) continue;
            var count = counts.CountWhere(value => Parses(value, format));
            if (count > parsed)
            {
                (best, parsed, ambiguousWith) = (format, count, null);
            }
            else if (count == parsed && ambiguousWith is null && best is not null && IsReorderOf(best, format))
            {
                ambiguousWith = format;
            }
        }
        return best is not null && parsed >= minShare * counts.NonMissing ? best : null;
    }

    /// <summary>Whether <paramref name="value"/> parses with <paramref name="format"/> the way the models will parse it.</summary>
    public static bool Parses(string value, string format) =>
        DateTime.TryParseExact(value, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out _);

    // MM/dd/yyyy and dd/MM/yyyy (or M/d and d/M) hold the same parts in another order: a tie between them is a real ambiguity.
    private static bool IsReorderOf(string a, string b) =>
        a.Length == b.Length && a.Replace('M', 'x').Replace('d', 'x') == b.Replace('M', 'x').Replace('d', 'x');
}
