using System.Globalization;

namespace SynthFixtures.Evaluation;

/// <summary>
/// Writes a <see cref="QualityReport"/> as a plain-text table for a console: the overall score (with how many columns
/// it runs over) and the two properties, SDMetrics' associated-pairs view beside them, the columns not scored with
/// their reasons, every scored column sorted worst first, then the worst pairs (with the real relation and whether
/// SDMetrics' view counts them). Scores have four decimals, invariant
/// culture.
/// </summary>
public static class QualityReportTable
{
    /// <summary>How many of the worst pairs are listed.</summary>
    public const int WorstPairCount = 10;

    /// <summary>Writes <paramref name="report"/> to <paramref name="writer"/>.</summary>
    public static void Write(QualityReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);

        WriteRows(writer, ["Property", "Score"], [
            [$"Overall ({QualityHeadline.Coverage(report)})", Score(report.Overall)],
            ["Column Shapes", Score(report.ColumnShapes)],
            ["Pair trends (all pairs)", report.ColumnPairTrends is { } trends ? Score(trends) : "n/a (fewer than two columns)"],
            ["Overall (associated pairs, as SDMetrics)", Score(report.AssociatedOverall)],
            ["Pair trends (associated pairs, as SDMetrics)", report.AssociatedPairTrends is { } associated ? Score(associated) : "n/a (no associated pair)"],
        ]);
        writer.WriteLine(QualityHeadline.AssociatedPairs(report) + ".");
        if (QualityHeadline.NotScored(report) is { } notScored) writer.WriteLine(notScored + ".");

        writer.WriteLine();
        writer.WriteLine("Column shapes (worst first)");
        WriteRows(writer, ["Column", "Metric", "Score"],
            report.Columns.OrderBy(c => c.Score).Select(c => new[] { c.Column, c.Metric.ToString(), Score(c.Score) }).ToList());

        if (report.Pairs.Count == 0) return;
        writer.WriteLine();
        writer.WriteLine($"Column pair trends (worst {Math.Min(WorstPairCount, report.Pairs.Count)} of {report.Pairs.Count})");
        WriteRows(writer, ["Column A", "Column B", "Metric", "Score", "Real corr.", "Synthetic corr.", "Real V", "Associated"],
            report.Pairs.OrderBy(p => p.Score).Take(WorstPairCount).Select(p => new[]
            {
                p.ColumnA, p.ColumnB, p.Metric.ToString(), Score(p.Score),
                Correlation(p, p.RealCorrelation), Correlation(p, p.SyntheticCorrelation), Association(p),
                p.IsAssociated ? "yes" : "no",
            }).ToList());
    }

    private static string Score(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

    private static string Correlation(ColumnPairScore pair, double? value) =>
        pair.Metric != QualityMetric.CorrelationSimilarity ? "" :
        value is { } rho ? rho.ToString("+0.0000;-0.0000;0.0000", CultureInfo.InvariantCulture) : "undefined";

    private static string Association(ColumnPairScore pair) =>
        pair.Metric != QualityMetric.ContingencySimilarity ? "" :
        pair.RealAssociation is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "undefined";

    // Text columns are left-aligned, the rest (numbers) right-aligned; two spaces between columns.
    private static void WriteRows(TextWriter writer, string[] header, IReadOnlyList<string[]> rows)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var numeric = header.Select((_, i) => rows.Count > 0 && rows.All(r => r[i].Length == 0 || IsNumber(r[i]))).ToArray();
        WriteLine(writer, header, widths, numeric);
        writer.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows) WriteLine(writer, row, widths, numeric);
    }

    private static void WriteLine(TextWriter writer, string[] cells, int[] widths, bool[] numeric)
    {
        var padded = cells.Select((c, i) => numeric[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]));
        writer.WriteLine(string.Join("  ", padded).TrimEnd());
    }

    private static bool IsNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
