using System.Globalization;

namespace SynthFixtures.Metadata;

/// <summary>
/// Decides one column's kind, first match wins: boolean words → numbers (95 % parse; integers are identifiers when unique
/// and id-named or consecutive; the rest are bad cells) → one datetime format → string identifiers (unique GUIDs or
/// codes) → categorical (labels that repeat) → text, unless the labels are short names or titles (categorical). Then looks for personal data. The evidence says which numbers
/// decided it (docs/ingest.md).
/// </summary>
internal static class ColumnProfiler
{
    public static ColumnMetadata Profile(string name, IReadOnlyList<string?> cells, ProfileOptions options)
    {
        var counts = ValueCounts.Of(cells);
        var n = counts.NonMissing;
        var missing = counts.Missing > 0 ? $"; {counts.Missing} missing" : "";
        if (n == 0)
            return new ColumnMetadata { Name = name, Kind = ColumnKind.Categorical, Evidence = $"all {cells.Count} values missing" };

        var column = Infer(name, counts, options, missing);
        if (column.Kind is ColumnKind.Boolean or ColumnKind.Decimal or ColumnKind.DateTime) return column;
        var share = 0.0;
        var pii = options.DetectPii ? PiiDetector.Detect(name, counts, options.PiiMinShare, out share) : PiiKind.None;
        // Names and titles among one-off labels are categories, not prose; personal names stay faked (the text path).
        if (pii == PiiKind.None && column.Kind == ColumnKind.Text && NameLikeLabels.Match(counts, out var names))
            return column with { Kind = ColumnKind.Categorical, Evidence = NameLikeLabels.Evidence(counts, names) + missing };
        return pii == PiiKind.None ? column : column with
        {
            Pii = pii,
            Evidence = $"{column.Evidence}; PII {pii}: {Percent(share)} of values look like {Describe(pii)} (faked, not learned)",
        };
    }

    private static ColumnMetadata Infer(string name, ValueCounts counts, ProfileOptions options, string missing)
    {
        var n = counts.NonMissing;
        var d = counts.Distinct;
        var parsed = $"{n}/{n}";

        if (BooleanTokens.Match(counts) is { } pair)
            return Make(name, ColumnKind.Boolean, $"{parsed} values are {pair}{missing}");

        var numbers = NumberShape.Survey(counts);
        if (numbers.Numbers > 0 && !numbers.HasZeroPaddedCode && numbers.Numbers >= options.NumericMinShare * n)
        {
            var what = numbers.AllIntegers ? "integers" : "decimal numbers";
            var bad = numbers.Bad == 0 ? ""
                : $"; {numbers.Bad} not a number ({string.Join(", ", numbers.Examples.Select(e => $"'{e}'"))}{(numbers.Bad > numbers.Examples.Count ? ", …" : "")}), read as missing (numeric from {Percent(options.NumericMinShare)})";
            var evidence = $"{numbers.Numbers}/{n} values parse as {what}; {d} distinct{bad}{missing}";
            if (!numbers.AllIntegers)
                return Make(name, ColumnKind.Decimal, $"{evidence}; up to {numbers.Places} decimal places") with { DecimalPlaces = numbers.Places };
            var unique = counts.AllUnique && numbers.Bad == 0;
            if (unique && ColumnNames.LooksLikeId(name))
                return Make(name, ColumnKind.Identifier, $"{evidence}; all unique and the name looks like an id");
            if (unique && numbers.Max - numbers.Min + 1 == n && n >= options.SequentialIdentifierMinRows)
                return Make(name, ColumnKind.Identifier, $"{evidence}; all unique and consecutive ({numbers.Min}..{numbers.Max})");
            return Make(name, ColumnKind.Integer, evidence);
        }

        if (DateTimeFormatDetector.Detect(counts, options.DateTimeFormats, options.DateTimeMinShare, out var dated, out var twin) is { } format)
        {
            var ambiguity = twin is null ? "" : $"; '{twin}' fits too (no day above 12): assumed '{format}'";
            return Make(name, ColumnKind.DateTime, $"{dated}/{n} values parse as dates with '{format}'; {d} distinct{ambiguity}{missing}")
                with { DateTimeFormat = format };
        }

        if (counts.AllUnique && n >= 2 && LooksLikeStringIds(name, counts, out var idShape))
            return Make(name, ColumnKind.Identifier, $"{n} values, all unique, {idShape}{missing}");

        // Labels that repeat are learnable however many there are: judge by the share of values whose label occurs
        // more than once, and by uses per label, not only by the number of labels.
        var repeated = counts.Values.Where(v => v.Value > 1).Sum(v => v.Value) / (double)n;
        var usesPerLabel = n / (double)d;
        var repeats = usesPerLabel >= options.CategoricalMinAverageRepeats;
        if (repeats && (d <= options.CategoricalMaxDistinct || repeated >= options.CategoricalMinRepeatedShare))
            return Make(name, ColumnKind.Categorical, string.Create(CultureInfo.InvariantCulture,
                $"{d} distinct label{(d == 1 ? "" : "s")} in {n} values, {usesPerLabel:0.#} uses per label, {Percent(repeated)} of values have a label that repeats (categorical from {Percent(options.CategoricalMinRepeatedShare)}, or up to {options.CategoricalMaxDistinct} labels){missing}"));

        var averageLength = counts.Values.Sum(v => (double)v.Key.Length * v.Value) / n;
        var multiWord = counts.CountWhere(v => v.Contains(' ', StringComparison.Ordinal)) / (double)n;
        var why = averageLength >= 20 || multiWord >= 0.5 ? "free text" : "too many one-off labels to learn as categories";
        return Make(name, ColumnKind.Text, string.Create(CultureInfo.InvariantCulture,
            $"{d} distinct in {n} values ({Percent(repeated)} of values have a label that repeats, {usesPerLabel:0.#} uses per label); average {averageLength:F0} characters, {Percent(multiWord)} multi-word: {why}{missing}"));
    }

    // The longest postal code among the world's formats is 10 characters (a US ZIP+4, 94043-1351).
    private const int MaxShortCodeLength = 10;

    // Unique values are keys when they are GUIDs, short codes holding a digit (INV-0042, A12B, H2G 1A7), or any single tokens in an id-named column.
    private static bool LooksLikeStringIds(string name, ValueCounts counts, out string shape)
    {
        if (counts.Values.All(v => Guid.TryParse(v.Key, out _)))
        {
            shape = "GUIDs";
            return true;
        }
        static bool IsToken(string v) => v.Length is > 0 and <= 64 && !v.AsSpan().ContainsAny(" \t\r\n");
        if (counts.Values.All(v => IsToken(v.Key) && v.Key.AsSpan().IndexOfAnyInRange('0', '9') >= 0))
        {
            shape = "codes of one word with digits";
            return true;
        }
        // Postal codes and the like (H2G 1A7, 01310-200, SW1V 3EN): one or two short groups of letters, digits and hyphens, with a digit.
        static bool IsShortCode(string v) => v.Length <= MaxShortCodeLength && v.Split(' ').Length <= 2
            && v.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or ' ') && v.AsSpan().IndexOfAnyInRange('0', '9') >= 0;
        if (counts.Values.All(v => IsShortCode(v.Key)))
        {
            shape = $"codes of one or two groups of letters, digits and hyphens with a digit, up to {MaxShortCodeLength} characters (postal codes and the like)";
            return true;
        }
        shape = "single words in an id-named column";
        return ColumnNames.LooksLikeId(name) && counts.Values.All(v => IsToken(v.Key));
    }

    private static ColumnMetadata Make(string name, ColumnKind kind, string evidence) =>
        new() { Name = name, Kind = kind, Evidence = evidence };

    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Describe(PiiKind kind) => kind switch
    {
        PiiKind.Email => "e-mail addresses",
        PiiKind.Phone => "phone numbers",
        PiiKind.CardNumber => "card numbers (Luhn-valid)",
        PiiKind.PersonName => "people's names (the column's name says so)",
        PiiKind.StreetAddress => "street addresses (the column's name says so)",
        _ => kind.ToString(),
    };
}
