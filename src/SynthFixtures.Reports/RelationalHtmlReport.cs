using System.Globalization;
using System.Text;
using SynthFixtures.Evaluation;
using SynthFixtures.Evaluation.Relational;
using SynthFixtures.Evaluation.Report;
using static System.Net.WebUtility;

namespace SynthFixtures.Reports;

/// <summary>
/// Writes a <see cref="RelationalQualityReport"/> as one self-contained HTML page, styled like the single-table report:
/// the headline and its parts, the relationships (cardinality KS, children per parent real vs synthetic with a chart
/// per key, parent–child trends and their weakest pairs), the key diagnostics of both databases, then one section per
/// table with the single-table report's parts (distribution overlays, both pair-trend views, correlation heatmaps) and
/// the columns not scored with their reasons, and the audit trail.
/// </summary>
public static class RelationalHtmlReport
{
    private const int WeakestPairs = 10;

    /// <summary>The report as an HTML document.</summary>
    public static string Write(RelationalQualityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        var a = report.Audit;
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>SynthFixtures database evaluation: ")
            .Append(HtmlEncode(a.SyntheticName)).Append("</title><style>").Append(HtmlReport.Style).Append("</style></head><body><main>\n");
        html.Append("<h1>Synthetic database evaluation</h1><p class=\"sub\">").Append(HtmlEncode(a.SyntheticName)).Append(" (")
            .Append(N(a.SyntheticRows)).Append(" rows) against ").Append(HtmlEncode(a.RealName)).Append(" (").Append(N(a.RealRows))
            .Append(" rows, ").Append(report.Tables.Count).Append(" tables, ").Append(report.Relationships.Count).Append(" foreign keys); evaluated in ")
            .Append(a.Total.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)).Append(" s.</p>\n");
        html.Append("<div class=\"cards\">");
        foreach (var (part, score, how) in RelationalReportMarkdown.Rows(report))
            html.Append("<div class=\"card\" title=\"").Append(HtmlEncode(how)).Append("\"><div class=\"v ").Append(HtmlReport.Grade(score)).Append("\">")
                .Append(EvaluationMarkdown.F(score)).Append("</div><div class=\"n\">").Append(HtmlEncode(part)).Append("</div></div>");
        html.Append("</div>\n<p class=\"sub\">Overall: ").Append(HtmlEncode(RelationalReportJson.Combination)).Append(".</p>\n");

        Relationships(html, report);
        Diagnostics(html, report);
        html.Append("<h2>Tables</h2><table><tr><th>table</th><th>real rows</th><th>synthetic rows</th><th>quality</th><th>column shapes</th><th>pair trends</th><th>scored columns</th></tr>");
        foreach (var t in report.Tables)
        {
            html.Append("<tr><td><a href=\"#table-").Append(HtmlEncode(t.Table)).Append("\">").Append(HtmlEncode(t.Table)).Append("</a></td><td class=\"num\">")
                .Append(N(t.RealRows)).Append("</td><td class=\"num\">").Append(N(t.SyntheticRows)).Append("</td>");
            if (t.Quality is { } q)
                html.Append("<td class=\"num ").Append(HtmlReport.Grade(q.Overall)).Append("\">").Append(EvaluationMarkdown.F(q.Overall))
                    .Append("</td><td class=\"num\">").Append(EvaluationMarkdown.F(q.ColumnShapes)).Append("</td><td class=\"num\">")
                    .Append(EvaluationMarkdown.F(q.ColumnPairTrends)).Append("</td><td>").Append(q.Columns.Count).Append(" of ").Append(q.TableColumns).Append("</td></tr>");
            else html.Append("<td colspan=\"4\">not scored: ").Append(HtmlEncode(t.SkipReason ?? "")).Append("</td></tr>");
        }
        html.Append("</table>\n");
        foreach (var table in report.Tables) Table(html, table);
        Audit(html, a);
        html.Append("</main></body></html>\n");
        return html.ToString();
    }

    private static void Relationships(StringBuilder html, RelationalQualityReport report)
    {
        html.Append("<h2>Relationships</h2><p class=\"sub\">Cardinality: 1 − the KS distance between the real and synthetic numbers of children per parent ")
            .Append("(parents without children included). Parent–child trends: each learned parent column against each learned child column over the joined rows.</p>");
        html.Append("<table><tr><th>foreign key</th><th>cardinality</th><th>children per parent, real (mean / max)</th><th>synthetic (mean / max)</th>")
            .Append("<th>childless parents, real / synthetic</th><th>parent–child trends</th><th>pairs</th></tr>");
        foreach (var r in report.Relationships)
        {
            html.Append("<tr><td><code>").Append(HtmlEncode(r.Key.ToString())).Append("</code></td>");
            if (r.Cardinality is not { } c)
            {
                html.Append("<td colspan=\"6\">not evaluated: ").Append(HtmlEncode(r.SkipReason ?? "")).Append("</td></tr>");
                continue;
            }
            var t = r.Trends!;
            html.Append("<td class=\"num ").Append(HtmlReport.Grade(c.Score)).Append("\">").Append(EvaluationMarkdown.F(c.Score)).Append("</td><td class=\"num\">")
                .Append(Mean(c.RealMean)).Append(" / ").Append(c.RealMax).Append("</td><td class=\"num\">").Append(Mean(c.SyntheticMean)).Append(" / ")
                .Append(c.SyntheticMax).Append("</td><td class=\"num\">").Append(Percent(c.RealChildless)).Append(" / ").Append(Percent(c.SyntheticChildless))
                .Append("</td><td class=\"num ").Append(HtmlReport.Grade(t.Score)).Append("\">").Append(EvaluationMarkdown.F(t.Score)).Append("</td><td>")
                .Append(HtmlEncode(t.SkipReason is { } why ? $"none: {why}" : $"{t.Pairs.Count} of {t.PairsTotal} on {N(t.RealRowsScored)} / {N(t.SyntheticRowsScored)} joined rows"))
                .Append("</td></tr>");
        }
        html.Append("</table>\n<h3>Children per parent</h3><p class=\"sub\">Share of parents per number of children, real (blue) vs synthetic (orange).</p><div class=\"grid\">");
        foreach (var r in report.Relationships)
            if (r.Cardinality is { } c)
                html.Append("<div class=\"cardinality\" title=\"").Append(HtmlEncode(string.Create(CultureInfo.InvariantCulture, $"{r.Key}: KS complement {c.Score:F3}"))).Append("\">")
                    .Append(ReportCharts.Distribution(c.Histogram, "share of parents")).Append("</div>");
        html.Append("</div>\n");
        var weakest = RelationalReportMarkdown.WorstPairs(report).Take(WeakestPairs).ToArray();
        if (weakest.Length > 0)
        {
            html.Append("<h3>Weakest parent–child pairs</h3>");
            HtmlReport.PairTable(html, "parent column × child column", weakest);
        }
    }

    private static void Diagnostics(StringBuilder html, RelationalQualityReport report)
    {
        html.Append("<h2>Key diagnostics</h2>");
        foreach (var (title, d) in new[] { ("Synthetic database", report.Synthetic), ("Real database (for reference)", report.Real) })
        {
            var lines = RelationalReportMarkdown.DiagnosticLines(d);
            html.Append("<h3>").Append(HtmlEncode(title)).Append("</h3><p class=\"").Append(d.Valid ? "good" : "poor").Append("\">").Append(HtmlEncode(lines[0])).Append(".</p>");
            html.Append("<table><tr><th>foreign key</th><th>values</th><th>matching a parent</th><th>orphan rows</th><th>integrity</th><th>orphan values (rows)</th></tr>");
            foreach (var i in d.Integrity)
                html.Append("<tr><td><code>").Append(HtmlEncode(i.Key.ToString())).Append("</code></td><td class=\"num\">").Append(N(i.Values))
                    .Append("</td><td class=\"num\">").Append(N(i.Matched)).Append("</td><td class=\"num\">").Append(N(i.OrphanRows))
                    .Append("</td><td class=\"num ").Append(i.OrphanRows == 0 ? "good" : "poor").Append("\">").Append(i.Share.ToString("P2", CultureInfo.InvariantCulture))
                    .Append("</td><td>").Append(HtmlEncode(Listed(i.Orphans, i.DistinctOrphans))).Append("</td></tr>");
            html.Append("</table><table><tr><th>key</th><th>kind</th><th>rows</th><th>missing</th><th>repeated rows</th><th>uniqueness</th><th>repeated values (rows)</th></tr>");
            foreach (var u in d.Uniqueness)
                html.Append("<tr><td><code>").Append(HtmlEncode(u.Name)).Append("</code></td><td>").Append(u.IsPrimaryKey ? "primary key" : "referenced key")
                    .Append("</td><td class=\"num\">").Append(N(u.Rows)).Append("</td><td class=\"num\">").Append(N(u.MissingKeys)).Append("</td><td class=\"num\">")
                    .Append(N(u.DuplicateRows)).Append("</td><td class=\"num ").Append(u.Score >= 1 ? "good" : "poor").Append("\">").Append(EvaluationMarkdown.F(u.Score))
                    .Append("</td><td>").Append(HtmlEncode(Listed(u.Duplicates, u.DistinctDuplicated))).Append("</td></tr>");
            html.Append("</table>\n");
        }
    }

    private static void Table(StringBuilder html, TableQuality table)
    {
        html.Append("<h2 id=\"table-").Append(HtmlEncode(table.Table)).Append("\">Table ").Append(HtmlEncode(table.Table)).Append("</h2><p class=\"sub\">")
            .Append(N(table.RealRows)).Append(" real rows, ").Append(N(table.SyntheticRows)).Append(" synthetic rows");
        if (table.CellIssues > 0) html.Append("; ").Append(N(table.CellIssues)).Append(" cells did not parse as their column's kind and were read as missing");
        html.Append(".</p>");
        if (table.Quality is { } q)
        {
            html.Append("<p>Quality <b class=\"").Append(HtmlReport.Grade(q.Overall)).Append("\">").Append(EvaluationMarkdown.F(q.Overall)).Append("</b> ")
                .Append(HtmlEncode(QualityHeadline.Coverage(q))).Append(": column shapes ").Append(EvaluationMarkdown.F(q.ColumnShapes))
                .Append(", pair trends ").Append(EvaluationMarkdown.F(q.ColumnPairTrends)).Append(".</p>");
        }
        else html.Append("<p class=\"notice\">Not scored: ").Append(HtmlEncode(table.SkipReason ?? "")).Append(".</p>");
        if (table.Skipped.Count > 0)
        {
            html.Append("<table><tr><th>column not scored</th><th>reason</th></tr>");
            foreach (var s in table.Skipped) html.Append("<tr><td>").Append(HtmlEncode(s.Column)).Append("</td><td>").Append(HtmlEncode(s.Reason)).Append("</td></tr>");
            html.Append("</table>");
        }
        if (table.Quality is not { } quality)
        {
            html.Append('\n');
            return;
        }
        html.Append("<h3>Column distributions</h3><div class=\"grid\">");
        foreach (var column in table.Distributions)
        {
            var score = quality.Columns.FirstOrDefault(c => c.Column == column.Column);
            html.Append("<div title=\"").Append(HtmlEncode(score is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{score.Metric} {score.Score:F3}"))).Append("\">")
                .Append(ReportCharts.Distribution(column)).Append("</div>");
        }
        html.Append("</div>\n");
        HtmlReport.Correlations(html, quality, heading: 3);
    }

    private static void Audit(StringBuilder html, RelationalAudit a)
    {
        html.Append("<h2>Audit trail</h2><table>");
        HtmlReport.Row(html, "real database", $"{a.RealName}: {N(a.RealRows)} rows");
        HtmlReport.Row(html, "synthetic database", $"{a.SyntheticName}: {N(a.SyntheticRows)} rows");
        HtmlReport.Row(html, "evaluation seed", a.Seed.ToString(CultureInfo.InvariantCulture));
        HtmlReport.Row(html, "SynthFixtures", a.ToolVersion);
        HtmlReport.Row(html, "timings", string.Create(CultureInfo.InvariantCulture, $"{string.Join(", ", a.Timings.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key} {t.Value.TotalSeconds:F2} s")))}; total {a.Total.TotalSeconds:F2} s"));
        html.Append("</table>\n");
    }

    private static string Listed(IReadOnlyList<KeyCount> values, int distinct) =>
        values.Count == 0 ? "" : string.Join(", ", values.Select(v => $"{v.Value} ({N(v.Rows)})")) + (values.Count < distinct ? $", … ({N(distinct)} in all)" : "");

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Mean(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    private static string Percent(double value) => value.ToString("P1", CultureInfo.InvariantCulture);
}
