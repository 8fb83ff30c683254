using System.Globalization;
using System.Text;
using SynthFixtures.Evaluation.Report;
using SynthFixtures.Evaluation.Sequences;
using static System.Net.WebUtility;

namespace SynthFixtures.Reports;

/// <summary>
/// Writes a <see cref="SequenceQualityReport"/> as one self-contained HTML page, styled like the single-table report:
/// the headline and its parts with detection and privacy, the columns not scored and why, the plotted sequences (real
/// beside synthetic), autocorrelation by lag per numeric column, the per-column table, cross-correlations, privacy and
/// the audit trail.
/// </summary>
public static class SequenceHtmlReport
{
    /// <summary>The report as an HTML document.</summary>
    public static string Write(SequenceQualityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        var a = report.Audit;
        var l = report.Lengths;
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>SynthFixtures sequence evaluation: ")
            .Append(HtmlEncode(a.SyntheticName)).Append("</title><style>").Append(HtmlReport.Style).Append("</style></head><body><main>\n");
        html.Append("<h1>Synthetic sequence evaluation</h1><p class=\"sub\">").Append(HtmlEncode(a.SyntheticName)).Append(" (")
            .Append(N(l.SyntheticEntities)).Append(" sequences, ").Append(N(a.SyntheticRows)).Append(" steps) against ").Append(HtmlEncode(a.RealName))
            .Append(" (").Append(N(l.RealEntities)).Append(" sequences, ").Append(N(a.RealRows)).Append(" steps); entity ")
            .Append(HtmlEncode(string.Join(", ", a.EntityColumns))).Append(", index ").Append(HtmlEncode(a.IndexColumn ?? "(file order)"))
            .Append("; evaluated in ").Append(a.Total.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)).Append(" s.</p>\n");

        html.Append("<div class=\"cards\">");
        Card(html, "overall", report.Overall, $"mean of the parts below that could be computed, {report.Coverage}");
        foreach (var p in report.Parts) Card(html, p.Name, p.Score, p.Description);
        Card(html, "detection", report.Detection?.Score, SequenceReportMarkdown.DetectionText(report));
        Card(html, "sequences not copied", report.Privacy.NotCopiedScore, SequenceReportMarkdown.PrivacyText(report.Privacy));
        html.Append("</div>\n<p class=\"sub\">Overall ").Append(HtmlEncode(report.Coverage)).Append(". Detection and privacy are reported beside it, not averaged in.</p>\n");
        var skipped = report.NotScored.Concat(report.SkippedParts).ToArray();
        if (skipped.Length > 0)
        {
            html.Append("<table><tr><th>not scored</th><th>part</th><th>reason</th></tr>");
            foreach (var s in skipped)
                html.Append("<tr><td>").Append(HtmlEncode(s.Column)).Append("</td><td>").Append(HtmlEncode(s.Part ?? "all")).Append("</td><td>")
                    .Append(HtmlEncode(s.Reason)).Append("</td></tr>");
            html.Append("</table>\n");
        }

        html.Append("<h2>Sequences, real beside synthetic</h2><p class=\"sub\">Entities evenly spaced through each side's order (first, middle, last), ")
            .Append("real (blue) and synthetic (orange) over the step number.</p><div class=\"grid\">");
        foreach (var plot in report.Plots)
            html.Append("<div class=\"sequence-plot\">").Append(SequenceCharts.Sequence(plot)).Append("</div>");
        if (report.Plots.Count == 0) html.Append("<p class=\"notice\">No sequence drawn: there is no numeric step column.</p>");
        html.Append("</div>\n");

        if (report.Autocorrelations.Count > 0)
        {
            html.Append("<h2>Autocorrelation</h2><p class=\"sub\">Mean sample autocorrelation over entities at lags 1…").Append(a.MaxLag)
                .Append(", real (blue) vs synthetic (orange); score 1 − |real − synthetic| / 2 averaged over the lags.</p><div class=\"grid\">");
            foreach (var score in report.Autocorrelations)
                html.Append("<div class=\"acf\" title=\"").Append(HtmlEncode(string.Create(CultureInfo.InvariantCulture, $"{score.Column}: {score.Score:F3}"))).Append("\">")
                    .Append(SequenceCharts.Autocorrelation(score)).Append("</div>");
            html.Append("</div>\n");
        }

        html.Append("<h2>Columns</h2><table><tr><th>column</th><th>role</th><th>shape</th><th>autocorrelation</th><th>step changes</th><th>change metric</th></tr>");
        foreach (var s in report.StepShapes)
        {
            var acf = report.Autocorrelations.FirstOrDefault(x => x.Column == s.Column)?.Score;
            var change = report.StepChanges.FirstOrDefault(x => x.Column == s.Column);
            html.Append("<tr><td>").Append(HtmlEncode(s.Column)).Append("</td><td>step</td>");
            Score(html, s.Score);
            Score(html, acf);
            Score(html, change?.Score);
            html.Append("<td>").Append(change is null ? "" : change.Metric == Evaluation.QualityMetric.KSComplement ? "KS of differences" : "TV of transitions").Append("</td></tr>");
        }
        foreach (var s in report.ContextShapes)
        {
            html.Append("<tr><td>").Append(HtmlEncode(s.Column)).Append("</td><td>context</td>");
            Score(html, s.Score);
            html.Append("<td></td><td></td><td></td></tr>");
        }
        html.Append("</table><p class=\"sub\">Lengths: real mean ").Append(F1(l.RealMean)).Append(" (").Append(l.RealMin).Append("–").Append(l.RealMax)
            .Append("), synthetic mean ").Append(F1(l.SyntheticMean)).Append(" (").Append(l.SyntheticMin).Append("–").Append(l.SyntheticMax).Append(").");
        if (report.Index is { } index)
            html.Append(" Index ").Append(HtmlEncode(index.Column)).Append(": start ").Append(EvaluationMarkdown.F(index.StartScore))
                .Append(", steps ").Append(EvaluationMarkdown.F(index.StepScore)).Append('.');
        html.Append("</p>\n");

        if (report.CrossCorrelations.Count > 0)
        {
            html.Append("<h2>Cross-correlation within entities</h2><table><tr><th>columns</th><th>score</th><th>mean ρ real</th><th>mean ρ synthetic</th></tr>");
            foreach (var c in report.CrossCorrelations.OrderBy(c => c.Score))
            {
                html.Append("<tr><td>").Append(HtmlEncode($"{c.ColumnA} × {c.ColumnB}")).Append("</td>");
                Score(html, c.Score);
                html.Append("<td class=\"num\">").Append(Rho(c.Real)).Append("</td><td class=\"num\">").Append(Rho(c.Synthetic)).Append("</td></tr>");
            }
            html.Append("</table>\n");
        }

        var privacy = report.Privacy;
        var dcr = privacy.Dcr;
        html.Append("<h2>Privacy</h2><table>");
        HtmlReport.Row(html, "copied sequences", SequenceReportMarkdown.PrivacyText(privacy));
        HtmlReport.Row(html, "summary DCR (median)", string.Create(CultureInfo.InvariantCulture,
            $"synthetic {dcr.SyntheticDcr.Median:F4}, random rows {dcr.RandomDcr.Median:F4}; baseline protection {dcr.DcrBaselineProtection:F3}"));
        if (dcr.DcrOverfitting is { } o)
            HtmlReport.Row(html, "summary DCR overfitting protection", string.Create(CultureInfo.InvariantCulture,
                $"{o.Score:F3}: {o.ShareCloserToTraining:P1} of synthetic summaries closer to training than to holdout (expected {o.ExpectedShare:P1})"));
        HtmlReport.Row(html, "summary features", string.Join(", ", privacy.Features));
        html.Append("</table>\n");

        html.Append("<h2>Audit trail</h2><table>");
        HtmlReport.Row(html, "real", $"{a.RealName}: {N(a.RealRows)} rows");
        HtmlReport.Row(html, "synthetic", $"{a.SyntheticName}: {N(a.SyntheticRows)} rows");
        if (a.HoldoutName is { } holdout) HtmlReport.Row(html, "holdout", holdout);
        HtmlReport.Row(html, "context columns", a.ContextColumns.Count == 0 ? "none" : string.Join(", ", a.ContextColumns));
        HtmlReport.Row(html, "evaluation seed", a.Seed.ToString(CultureInfo.InvariantCulture));
        HtmlReport.Row(html, "SynthFixtures", a.ToolVersion);
        HtmlReport.Row(html, "timings", string.Create(CultureInfo.InvariantCulture,
            $"{string.Join(", ", a.Timings.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key} {t.Value.TotalSeconds:F2} s")))}; total {a.Total.TotalSeconds:F2} s"));
        html.Append("</table>\n</main></body></html>\n");
        return html.ToString();
    }

    private static void Card(StringBuilder html, string name, double? score, string how) =>
        html.Append("<div class=\"card\" title=\"").Append(HtmlEncode(how)).Append("\"><div class=\"v ").Append(HtmlReport.Grade(score)).Append("\">")
            .Append(EvaluationMarkdown.F(score)).Append("</div><div class=\"n\">").Append(HtmlEncode(name)).Append("</div></div>");

    private static void Score(StringBuilder html, double? score) =>
        html.Append("<td class=\"num ").Append(HtmlReport.Grade(score)).Append("\">").Append(score is null ? "" : EvaluationMarkdown.F(score)).Append("</td>");

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F1(double value) => value.ToString("F1", CultureInfo.InvariantCulture);

    private static string Rho(double? value) => value is { } v ? v.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture) : "n/a";
}
