using System.Globalization;
using System.Text;
using SynthFixtures.Evaluation;
using SynthFixtures.Evaluation.Report;
using static System.Net.WebUtility;

namespace SynthFixtures.Reports;

/// <summary>
/// Writes an <see cref="EvaluationReport"/> as one self-contained HTML page: overall scores first (ours and SDMetrics'
/// associated-pairs view) with the columns not scored and why, then the gate, the per-column distribution overlays,
/// both pair-trend views and the correlation heatmaps side by side, the text columns' section, diagnostics, privacy, utility, and the audit
/// trail (model settings, seed, data hashes, timings). Styles are inline and charts are inline SVG, so the file needs
/// no network to be viewed and can be archived as evidence.
/// </summary>
public static class HtmlReport
{
    /// <summary>The page's inline styles, shared with the multi-table report.</summary>
    internal const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
        main{max-width:1280px;margin:0 auto;padding:24px}
        h1{margin:0 0 4px}h2{margin-top:36px;border-bottom:2px solid #dde1e7;padding-bottom:4px}
        .sub{color:#5b6474}.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
        .card{background:#fff;border-radius:8px;padding:12px 16px;min-width:150px;box-shadow:0 1px 3px #0002}
        .card .v{font-size:28px;font-weight:600}.card .n{color:#5b6474;font-size:13px}
        .good{color:#1b7f3b}.fair{color:#b07500}.poor{color:#b3261e}
        table{border-collapse:collapse;background:#fff;margin:8px 0}td,th{padding:4px 10px;border-bottom:1px solid #e5e8ec;text-align:left}
        td.num{text-align:right;font-variant-numeric:tabular-nums}
        .grid{display:flex;flex-wrap:wrap;gap:8px}.grid>div{background:#fff;border-radius:6px}
        code{background:#eef0f3;padding:1px 4px;border-radius:3px}
        .notice{background:#fff4e5;border-left:4px solid #b07500;padding:8px 12px}
        """;

    /// <summary>The report as an HTML document.</summary>
    /// <param name="report">The evaluation.</param>
    /// <param name="gate">The <c>--fail-under</c> results, or <c>null</c>.</param>
    public static string Write(EvaluationReport report, IReadOnlyList<ThresholdResult>? gate = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        var a = report.Audit;
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>SynthFixtures evaluation: ")
            .Append(HtmlEncode(a.Synthetic.Name)).Append("</title><style>").Append(Style).Append("</style></head><body><main>\n");
        html.Append("<h1>Synthetic data evaluation</h1><p class=\"sub\">").Append(HtmlEncode(a.Synthetic.Name)).Append(" (")
            .Append(a.Synthetic.Rows.ToString("N0", CultureInfo.InvariantCulture)).Append(" rows) against ").Append(HtmlEncode(a.Training.Name))
            .Append(" (").Append(a.Training.Rows.ToString("N0", CultureInfo.InvariantCulture)).Append(" rows)")
            .Append(a.Holdout is { } h ? $" with holdout {HtmlEncode(h.Name)} ({h.Rows.ToString("N0", CultureInfo.InvariantCulture)} rows)" : "")
            .Append("; evaluated in ").Append(a.Total.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)).Append(" s.</p>\n");

        html.Append("<div class=\"cards\">");
        foreach (var (section, score, metric) in EvaluationMarkdown.Rows(report))
            html.Append("<div class=\"card\" title=\"").Append(HtmlEncode(metric)).Append("\"><div class=\"v ").Append(Grade(score)).Append("\">")
                .Append(EvaluationMarkdown.F(score)).Append("</div><div class=\"n\">").Append(HtmlEncode(section)).Append("</div></div>");
        html.Append("</div>\n");
        if (QualityHeadline.NotScored(report.Quality) is { } notScored)
            html.Append("<p class=\"notice\"><b>").Append(HtmlEncode(notScored)).Append(".</b> The quality scores run ")
                .Append(HtmlEncode(QualityHeadline.Coverage(report.Quality))).Append(".</p>\n");
        if (gate is { Count: > 0 }) Gate(html, gate);

        html.Append("<h2>Column distributions</h2><p class=\"sub\">Share of rows per bin or category, real (blue) vs synthetic (orange).</p><div class=\"grid\">");
        foreach (var column in report.Distributions)
        {
            var score = report.Quality.Columns.FirstOrDefault(c => c.Column == column.Column);
            html.Append("<div title=\"").Append(HtmlEncode(score is null ? "" : $"{score.Metric} {score.Score:F3}")).Append("\">")
                .Append(ReportCharts.Distribution(column)).Append("</div>");
        }
        html.Append("</div>\n");
        Correlations(html, report.Quality);
        if (report.Text is { } text) TextSection.Append(html, text);
        Diagnostics(html, report);
        Privacy(html, report);
        Utility(html, report);
        Audit(html, a);
        html.Append("</main></body></html>\n");
        return html.ToString();
    }

    private static void Gate(StringBuilder html, IReadOnlyList<ThresholdResult> gate)
    {
        var failed = gate.Count(g => !g.Passed);
        html.Append("<h2>Gate</h2><p class=\"").Append(failed == 0 ? "good" : "poor").Append("\"><b>")
            .Append(failed == 0 ? "Passed" : $"Rejected: {failed} of {gate.Count} checks failed").Append("</b></p><table><tr><th>check</th><th>score</th><th>minimum</th><th></th></tr>");
        foreach (var g in gate)
            html.Append("<tr><td>").Append(HtmlEncode(g.Check.Name)).Append("</td><td class=\"num\">").Append(EvaluationMarkdown.F(g.Score))
                .Append("</td><td class=\"num\">").Append(EvaluationMarkdown.F(g.Check.Minimum)).Append("</td><td class=\"")
                .Append(g.Passed ? "good\">pass" : "poor\">FAIL").Append("</td></tr>");
        html.Append("</table>\n");
    }

    /// <summary>Both pair-trend views and the correlation heatmaps; <paramref name="heading"/> is the section's heading level (its parts one below).</summary>
    internal static void Correlations(StringBuilder html, QualityReport quality, int heading = 2)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h{heading}>Column pair trends</h{heading}>");
        PairTrends(html, quality);
        var numeric = quality.Pairs.Where(p => p.Metric == QualityMetric.CorrelationSimilarity)
            .SelectMany(p => new[] { p.ColumnA, p.ColumnB }).Distinct().ToArray();
        html.Append(CultureInfo.InvariantCulture, $"<h{heading + 1}>Correlations</h{heading + 1}>");
        if (numeric.Length < 2)
        {
            html.Append("<p class=\"sub\">Fewer than two numeric columns: no correlation matrix.</p>\n");
            return;
        }
        double[,] Matrix(bool real)
        {
            var m = new double[numeric.Length, numeric.Length];
            for (var i = 0; i < numeric.Length; i++)
                for (var j = 0; j < numeric.Length; j++)
                {
                    if (i == j)
                    {
                        m[i, j] = 1;
                        continue;
                    }
                    var pair = quality.Pairs.First(p => (p.ColumnA == numeric[i] && p.ColumnB == numeric[j]) || (p.ColumnA == numeric[j] && p.ColumnB == numeric[i]));
                    m[i, j] = (real ? pair.RealCorrelation : pair.SyntheticCorrelation) ?? double.NaN;
                }
            return m;
        }
        html.Append("<p class=\"sub\">Pearson correlation of the numeric and datetime columns, one cell per pair.</p><div class=\"grid\"><div>")
            .Append(ReportCharts.Heatmap("Real", numeric, Matrix(real: true))).Append("</div><div>")
            .Append(ReportCharts.Heatmap("Synthetic", numeric, Matrix(real: false))).Append("</div></div>\n");
    }

    /// <summary>Our view (every pair) beside SDMetrics' (associated pairs only), each with its overall, then the weakest pairs of each.</summary>
    private static void PairTrends(StringBuilder html, QualityReport quality)
    {
        html.Append("<table><tr><th>view</th><th>pairs counted</th><th>pair trends</th><th>overall</th></tr>");
        html.Append("<tr><td>Pair trends (all pairs)</td><td class=\"num\">").Append(quality.Pairs.Count.ToString(CultureInfo.InvariantCulture))
            .Append("</td><td class=\"num\">").Append(EvaluationMarkdown.F(quality.ColumnPairTrends)).Append("</td><td class=\"num\">")
            .Append(EvaluationMarkdown.F(quality.Overall)).Append("</td></tr>");
        html.Append("<tr><td>Pair trends (associated pairs, as SDMetrics)</td><td class=\"num\">")
            .Append(quality.AssociatedPairs.Count.ToString(CultureInfo.InvariantCulture)).Append("</td><td class=\"num\">")
            .Append(EvaluationMarkdown.F(quality.AssociatedPairTrends)).Append("</td><td class=\"num\">")
            .Append(EvaluationMarkdown.F(quality.AssociatedOverall)).Append("</td></tr></table>");
        html.Append("<p class=\"sub\">").Append(HtmlEncode(QualityHeadline.AssociatedPairs(quality)))
            .Append(". SDMetrics' quality report counts only these pairs; overall is the mean of column shapes and the view's pair trends.</p>");
        PairTable(html, "weakest pairs (all pairs)", quality.Pairs.OrderBy(p => p.Score).Take(5));
        PairTable(html, "weakest pairs (associated pairs, as SDMetrics)", quality.AssociatedPairs.OrderBy(p => p.Score).Take(5));
    }

    /// <summary>A table of pairs with their metric, real relation and score.</summary>
    internal static void PairTable(StringBuilder html, string title, IEnumerable<ColumnPairScore> pairs)
    {
        html.Append("<table><tr><th>").Append(HtmlEncode(title)).Append("</th><th>metric</th><th>real relation</th><th>score</th></tr>");
        foreach (var p in pairs)
            html.Append("<tr><td>").Append(HtmlEncode($"{p.ColumnA} × {p.ColumnB}")).Append("</td><td>").Append(p.Metric)
                .Append("</td><td class=\"num\">").Append(HtmlEncode(RealRelation(p))).Append("</td><td class=\"num\">")
                .Append(EvaluationMarkdown.F(p.Score)).Append("</td></tr>");
        html.Append("</table>\n");
    }

    private static string RealRelation(ColumnPairScore pair) => pair.Metric == QualityMetric.CorrelationSimilarity
        ? $"ρ {EvaluationMarkdown.F(pair.RealCorrelation)}"
        : $"V {EvaluationMarkdown.F(pair.RealAssociation)}";

    private static void Diagnostics(StringBuilder html, EvaluationReport report)
    {
        var d = report.Diagnostic;
        html.Append("<h2>Diagnostics</h2><p>Validity ").Append(EvaluationMarkdown.F(d.Validity)).Append(", structure ")
            .Append(EvaluationMarkdown.F(d.Structure)).Append(", overall ").Append(EvaluationMarkdown.F(d.Overall)).Append('.');
        if (d.MissingColumns.Count > 0) html.Append(" Missing columns: ").Append(HtmlEncode(string.Join(", ", d.MissingColumns))).Append('.');
        if (d.ExtraColumns.Count > 0) html.Append(" Extra columns: ").Append(HtmlEncode(string.Join(", ", d.ExtraColumns))).Append('.');
        html.Append("</p>");
        html.Append(d.Failures.Count == 0 ? "<p class=\"good\">Every column passed its validity check.</p>" :
            "<p class=\"poor\">Failures (worst first): " + HtmlEncode(string.Join(", ", d.Failures.Select(f => $"{f.Column} {f.Check} {f.Score:F3}"))) + "</p>");
        html.Append("<table><tr><th>column</th><th>kind</th><th>check</th><th>score</th><th>invalid cells</th><th>missing real</th><th>missing synthetic</th></tr>");
        foreach (var (column, kind) in d.ColumnKinds)
        {
            var check = d.Columns.FirstOrDefault(c => c.Column == column);
            var missing = d.MissingValues.FirstOrDefault(m => m.Column == column);
            html.Append("<tr><td>").Append(HtmlEncode(column)).Append("</td><td>").Append(HtmlEncode(kind)).Append("</td><td>")
                .Append(check?.Check.ToString() ?? "").Append("</td><td class=\"num ").Append(check is null ? "" : Grade(check.Score)).Append("\">")
                .Append(check is null ? "" : EvaluationMarkdown.F(check.Score)).Append("</td><td class=\"num\">").Append(check?.InvalidCells.ToString(CultureInfo.InvariantCulture) ?? "")
                .Append("</td><td class=\"num\">").Append(missing is null ? "" : missing.RealRate.ToString("P1", CultureInfo.InvariantCulture))
                .Append("</td><td class=\"num\">").Append(missing is null ? "" : missing.SyntheticRate.ToString("P1", CultureInfo.InvariantCulture)).Append("</td></tr>");
        }
        html.Append("</table>\n");
    }

    private static void Privacy(StringBuilder html, EvaluationReport report)
    {
        var p = report.Privacy;
        html.Append("<h2>Privacy</h2><table>");
        Row(html, "Synthetic DCR median / mean / 5th percentile", $"{EvaluationMarkdown.F(p.SyntheticDcr.Median)} / {EvaluationMarkdown.F(p.SyntheticDcr.Mean)} / {EvaluationMarkdown.F(p.SyntheticDcr.Percentile5)}");
        Row(html, "Synthetic rows identical to a training row (DCR 0)", p.SyntheticDcr.ZeroShare.ToString("P2", CultureInfo.InvariantCulture));
        Row(html, "Random baseline DCR median", EvaluationMarkdown.F(p.RandomDcr.Median));
        Row(html, "DCR baseline protection", EvaluationMarkdown.F(p.DcrBaselineProtection));
        Row(html, "DCR overfitting protection", p.DcrOverfitting is { } o
            ? $"{EvaluationMarkdown.F(o.Score)} ({o.ShareCloserToTraining:P1} of synthetic rows closer to training than holdout; chance {o.ExpectedShare:P1})" : "needs a holdout");
        Row(html, "New-row synthesis", $"{EvaluationMarkdown.F(p.NewRows.Score)} ({p.NewRows.ExactCopies:N0} exact and {p.NewRows.NearCopies:N0} near copies of {p.NewRows.SyntheticRows:N0})");
        Row(html, "Membership inference", p.MembershipInference is { } m
            ? $"attacker AUC {EvaluationMarkdown.F(m.Auc)} on {m.Members:N0} members vs {m.NonMembers:N0} non-members; protection {EvaluationMarkdown.F(m.Score)}" : "needs a holdout");
        Row(html, "Nearest-neighbour search", $"{p.PairsSearched:N0} row pairs, exact, in {p.SearchTime.TotalSeconds:F2} s");
        if (report.PrivacyFilter is { } filter) Row(html, "Sampled through privacy filters", PrivacyFilterText.Describe(filter));
        html.Append("</table><div class=\"grid\"><div>").Append(ReportCharts.DistanceHistogram(p.SyntheticDistances, p.RandomDistances)).Append("</div></div>\n");
    }

    private static void Utility(StringBuilder html, EvaluationReport report)
    {
        html.Append("<h2>Utility</h2>");
        if (report.Utility is not { } u)
        {
            html.Append("<p class=\"sub\">Not computed: pass --target COLUMN with a holdout (or --detection).</p>\n");
            return;
        }
        if (u.Target is not null)
        {
            html.Append("<p>Train on synthetic, test on real holdout; target <code>").Append(HtmlEncode(u.Target)).Append("</code> (").Append(u.Task)
                .Append("). Ratio ").Append(EvaluationMarkdown.F(u.Ratio)).Append(".</p><table><tr><th>learner</th><th>metric</th><th>real-trained</th><th>synthetic-trained</th><th>ratio</th><th>accuracy real / synthetic</th></tr>");
            foreach (var s in u.Scores)
                html.Append("<tr><td>").Append(HtmlEncode(s.Learner)).Append("</td><td>").Append(HtmlEncode(s.Metric)).Append("</td><td class=\"num\">")
                    .Append(EvaluationMarkdown.F(s.RealTrained)).Append("</td><td class=\"num\">").Append(EvaluationMarkdown.F(s.SyntheticTrained))
                    .Append("</td><td class=\"num\">").Append(EvaluationMarkdown.F(s.Ratio)).Append("</td><td class=\"num\">")
                    .Append(s.RealTrainedAccuracy is null ? "" : $"{EvaluationMarkdown.F(s.RealTrainedAccuracy)} / {EvaluationMarkdown.F(s.SyntheticTrainedAccuracy)}").Append("</td></tr>");
            html.Append("</table>");
        }
        if (u.Detection is { } strongest)
        {
            html.Append("<p>Detection: classifiers separating real from synthetic rows (")
                .Append(strongest.Folds).Append("-fold, ").Append(strongest.RowsPerSide.ToString("N0", CultureInfo.InvariantCulture))
                .Append(" rows per side); the score is the strongest detector's.</p><table><tr><th>detector</th><th>AUC</th><th>score</th></tr>");
            foreach (var d in u.Detections)
                html.Append("<tr><td>").Append(HtmlEncode(d.Learner)).Append("</td><td class=\"num\">").Append(EvaluationMarkdown.F(d.Auc))
                    .Append("</td><td class=\"num ").Append(Grade(d.Score)).Append("\">").Append(EvaluationMarkdown.F(d.Score)).Append("</td></tr>");
            html.Append("</table>");
        }
        html.Append('\n');
    }

    private static void Audit(StringBuilder html, EvaluationAudit a)
    {
        html.Append("<h2>Audit trail</h2><table>");
        foreach (var source in new[] { ("training", a.Training), ("synthetic", a.Synthetic), ("holdout", a.Holdout) })
            if (source.Item2 is { } s)
                Row(html, $"{source.Item1} data", $"{s.Name}: {s.Rows:N0} rows × {s.Columns} columns, sha256 {s.Sha256}");
        Row(html, "evaluation seed", a.Seed.ToString(CultureInfo.InvariantCulture));
        if (a.Model is { } m)
        {
            Row(html, "model", $"{m.Path}: {m.Kind}, seed {m.Seed}, trained on {m.SourceRows:N0} rows, sha256 {m.SourceDataSha256}" +
                $" ({m.TrainingDataRelation})");
            foreach (var (key, value) in m.Settings) Row(html, $"model setting: {key}", value);
            if (m.PrivacyPlan is { } plan)
            {
                Row(html, "differential privacy", PrivacyPlanText.Guarantee(plan));
                foreach (var step in plan.Steps) Row(html, $"privacy budget: {step.Name}", PrivacyPlanText.Step(step) + $" ({step.Detail})");
                Row(html, "read outside the budget", string.Join("; ", plan.Public));
            }
        }
        else Row(html, "model", "not given (pass --model model.synth to record it)");
        Row(html, "SynthFixtures", a.ToolVersion);
        Row(html, "timings", string.Join(", ", a.Timings.Select(t => $"{t.Key} {t.Value.TotalSeconds:F2} s")) + $"; total {a.Total.TotalSeconds:F2} s");
        html.Append("</table>\n");
    }

    /// <summary>One name–value row.</summary>
    internal static void Row(StringBuilder html, string name, string value) =>
        html.Append("<tr><th>").Append(HtmlEncode(name)).Append("</th><td>").Append(HtmlEncode(value)).Append("</td></tr>");

    /// <summary>The CSS class of a score: good (≥ 0.8), fair (≥ 0.5) or poor.</summary>
    internal static string Grade(double? score) => score switch
    {
        null => "",
        >= 0.8 => "good",
        >= 0.5 => "fair",
        _ => "poor",
    };
}
