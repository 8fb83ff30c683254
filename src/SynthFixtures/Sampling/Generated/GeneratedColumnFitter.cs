using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Rules;

namespace SynthFixtures.Sampling.Generated;

/// <summary>Learns the recipe for a key, text or personal-data column from aggregate facts of its cells.</summary>
internal static class GeneratedColumnFitter
{
    public static GeneratedColumnSpec Fit(Table table, int columnIndex, ColumnMetadata column)
    {
        var cells = table.Column(columnIndex);
        var present = cells.Where(c => c is not null).Select(c => CellText.Normalize(c!)).ToList();
        var missing = cells.Count == 0 ? 0 : 1 - present.Count / (double)cells.Count;
        if (column.Pii != PiiKind.None)
            return new GeneratedColumnSpec { Name = column.Name, Generator = GeneratorKind.Fake, Pii = column.Pii, MissingProbability = missing };
        if (column.Kind == ColumnKind.Text)
            return new GeneratedColumnSpec
            {
                Name = column.Name, Generator = GeneratorKind.Lorem, MissingProbability = missing,
                WordCountQuantiles = WordCountQuantiles(present),
            };
        return FitKey(column.Name, present, missing);
    }

    private static GeneratedColumnSpec FitKey(string name, List<string> values, double missing)
    {
        if (values.Count > 0 && values.All(v => long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)))
        {
            var start = values.Min(v => long.Parse(v, CultureInfo.InvariantCulture));
            return new GeneratedColumnSpec { Name = name, Generator = GeneratorKind.Sequence, Start = start, MissingProbability = missing };
        }
        if (values.Count > 0 && values.All(v => Guid.TryParse(v, out _)))
        {
            var format = values[0].Length == 32 ? "N" : values[0].StartsWith('{') ? "B" : "D";
            return new GeneratedColumnSpec { Name = name, Generator = GeneratorKind.Guid, GuidFormat = format, MissingProbability = missing };
        }
        // Codes such as "C-00017": keep the shared non-digit prefix, count with as many digits as the source used.
        var prefix = values.Count == 0 ? "" : values.Aggregate(CommonPrefix);
        prefix = new string(prefix.TakeWhile(c => !char.IsAsciiDigit(c)).ToArray());
        var digits = Math.Clamp(values.Count == 0 ? 6 : values.Max(v => v.Length) - prefix.Length, 1, 18);
        digits = Math.Max(digits, (int)Math.Ceiling(Math.Log10(Math.Max(values.Count, 1) + 1)));
        return new GeneratedColumnSpec
        {
            Name = name, Generator = GeneratorKind.Pattern, Prefix = prefix, Digits = digits, Start = 1, MissingProbability = missing,
            CheckDigit = DetectCheckDigit(values, prefix, digits),
        };
    }

    // Enough values that a check digit holding on all of them by chance (one in ten, or eleven, each) is out of the question.
    private const int CheckDigitMinValues = 20;

    /// <summary>The check digit every value ends in (Luhn first, then mod 11), or <c>null</c> when the values share none.</summary>
    private static CheckDigit? DetectCheckDigit(List<string> values, string prefix, int digits)
    {
        if (values.Count < CheckDigitMinValues || digits < 2 || values.Any(v => v.Length != prefix.Length + digits)) return null;
        foreach (var kind in new[] { CheckDigit.Luhn, CheckDigit.Mod11 })
            if (values.All(v => CheckDigits.IsValid(kind, v.AsSpan(prefix.Length)))) return kind;
        return null;
    }

    private static string CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n]) n++;
        return a[..n];
    }

    private static double[] WordCountQuantiles(List<string> values)
    {
        if (values.Count == 0) return [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        var counts = values.Select(v => (double)v.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length).Order().ToArray();
        return Enumerable.Range(0, 11).Select(i => MathNet.Numerics.Statistics.SortedArrayStatistics.Quantile(counts, i / 10.0)).ToArray();
    }
}
