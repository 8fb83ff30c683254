using System.Globalization;
using System.Text;
using SynthFixtures.Evaluation.Report;
using SynthFixtures.Evaluation.Text;
using static System.Net.WebUtility;

namespace SynthFixtures.Reports;

/// <summary>
/// The HTML report's text section: per free-text column the word-count histogram real vs synthetic, the top keywords
/// side by side, the metrics table (<see cref="TextMarkdown.Rows"/>) and a few synthetic texts with their rows; then
/// the LLM usage.
/// </summary>
internal static class TextSection
{
    public static void Append(StringBuilder html, TextReport text)
    {
        html.Append("<h2>Text columns</h2><p class=\"sub\">Free-text columns are left out of the quality score (its definition is unchanged) and scored here: ")
            .Append("length, vocabulary, keywords and consistency with the row; copies are measured against the training texts beside the holdout's rate.</p>\n");
        foreach (var c in text.Columns)
        {
            html.Append("<h3>").Append(HtmlEncode(c.Column)).Append(" <span class=\"").Append(Grade(c.Score)).Append("\">")
                .Append(EvaluationMarkdown.F(c.Score)).Append("</span></h3><p class=\"sub\">")
                .Append(HtmlEncode(string.Create(CultureInfo.InvariantCulture, $"{c.SyntheticTexts:N0} synthetic vs {c.RealTexts:N0} training texts")))
                .Append(c.HoldoutTexts > 0 ? HtmlEncode(string.Create(CultureInfo.InvariantCulture, $", {c.HoldoutTexts:N0} holdout texts")) : "")
                .Append(HtmlEncode(string.Create(CultureInfo.InvariantCulture, $"; missing {c.RealMissingRate:P1} real, {c.SyntheticMissingRate:P1} synthetic."))).Append("</p>");
            html.Append("<div class=\"grid\"><div>").Append(ReportCharts.Distribution(LengthDistribution(c))).Append("</div><div>");
            Keywords(html, c.Keywords);
            html.Append("</div></div>");
            html.Append("<table><tr><th>metric</th><th>synthetic</th><th>real baseline</th><th></th></tr>");
            foreach (var (metric, synthetic, baseline, meaning) in TextMarkdown.Rows(c))
                html.Append("<tr><td>").Append(HtmlEncode(metric.Replace("`", "", StringComparison.Ordinal))).Append("</td><td class=\"num\">").Append(HtmlEncode(synthetic))
                    .Append("</td><td class=\"num\">").Append(HtmlEncode(baseline)).Append("</td><td class=\"sub\">").Append(HtmlEncode(meaning.Replace("`", "", StringComparison.Ordinal))).Append("</td></tr>");
            html.Append("</table>");
            if (c.Samples.Count > 0)
            {
                html.Append("<table class=\"samples\"><tr><th>synthetic text</th><th>its row</th></tr>");
                foreach (var s in c.Samples)
                    html.Append("<tr><td>").Append(HtmlEncode(s.Text)).Append("</td><td class=\"sub\">")
                        .Append(HtmlEncode(string.Join(", ", s.Context.Select(p => $"{p.Key} = {p.Value ?? "(missing)"}")))).Append("</td></tr>");
                html.Append("</table>");
            }
            html.Append('\n');
        }
        foreach (var (column, reason) in text.Skipped)
            html.Append("<p class=\"sub\">").Append(HtmlEncode($"{column} not evaluated: {reason}.")).Append("</p>");
        if (text.LlmUsage.Count > 0)
        {
            html.Append("<h3>LLM usage and cost</h3><table><tr><th>column</th><th>model</th><th>cells</th><th>calls</th><th>replayed</th><th>input tokens</th><th>output tokens</th><th>cost</th></tr>");
            foreach (var u in text.LlmUsage)
                html.Append("<tr><td>").Append(HtmlEncode(u.Column)).Append("</td><td>").Append(HtmlEncode(u.Model)).Append("</td><td class=\"num\">")
                    .Append(N(u.Rows)).Append("</td><td class=\"num\">").Append(N(u.Calls)).Append("</td><td class=\"num\">").Append(N(u.ReplayedCalls))
                    .Append("</td><td class=\"num\">").Append(N(u.InputTokens)).Append("</td><td class=\"num\">").Append(N(u.OutputTokens))
                    .Append("</td><td class=\"num\">").Append(HtmlEncode(u.Cost is { } cost ? $"{cost.ToString("0.####", CultureInfo.InvariantCulture)} {u.Currency}" : "no price")).Append("</td></tr>");
            html.Append("</table><p>").Append(HtmlEncode(TextMarkdown.Total(text.LlmUsage) ?? "")).Append(".</p>\n");
        }
    }

    /// <summary>The word-count histogram as a distribution the bar chart draws.</summary>
    private static ColumnDistribution LengthDistribution(TextColumnReport c)
    {
        var h = c.Histogram;
        var labels = Enumerable.Range(0, h.Real.Count)
            .Select(i => (i * h.BinWidth).ToString(CultureInfo.InvariantCulture) + (i == h.Real.Count - 1 ? "+" : "")).ToArray();
        return new ColumnDistribution(c.Column + ": words per text", true, labels, h.Real, h.Synthetic);
    }

    private static void Keywords(StringBuilder html, KeywordScore k)
    {
        html.Append("<table><tr><th colspan=\"2\">top keywords, real</th><th colspan=\"2\">synthetic</th></tr>");
        for (var i = 0; i < Math.Max(k.Real.Count, k.Synthetic.Count); i++)
        {
            html.Append("<tr>");
            foreach (var side in new[] { k.Real, k.Synthetic })
                html.Append(i < side.Count
                    ? $"<td>{HtmlEncode(side[i].Word)}</td><td class=\"num\">{side[i].Share.ToString("P1", CultureInfo.InvariantCulture)}</td>"
                    : "<td></td><td></td>");
            html.Append("</tr>");
        }
        html.Append("</table><p class=\"sub\">Share of keyword occurrences; TV complement ").Append(EvaluationMarkdown.F(k.TvComplement)).Append(".</p>");
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Grade(double score) => score >= 0.8 ? "good" : score >= 0.5 ? "fair" : "poor";
}
