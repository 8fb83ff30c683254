using System.Globalization;
using System.Text;

namespace SynthFixtures.Evaluation.Report;

/// <summary>
/// Writes a short Markdown summary of an <see cref="EvaluationReport"/>, for a CI step summary
/// (<c>$GITHUB_STEP_SUMMARY</c>) or a pull-request comment: the scores in one table, the gate's results when given,
/// the text columns' section, the worst columns, and the audit line.
/// </summary>
public static class EvaluationMarkdown
{
    /// <summary>The summary as Markdown ("\n" line ends).</summary>
    public static string Write(EvaluationReport report, IReadOnlyList<ThresholdResult>? gate = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        var a = report.Audit;
        Line($"## Synthetic data evaluation: {a.Synthetic.Name}");
        Line();
        Line($"{a.Synthetic.Rows:N0} synthetic rows against {a.Training.Rows:N0} training rows" +
             (a.Holdout is { } h ? $" and {h.Rows:N0} holdout rows" : "") + $"; evaluated in {a.Total.TotalSeconds:F1} s.");
        Line();
        Line("| Section | Score | Metric |");
        Line("|---|---:|---|");
        foreach (var (section, score, metric) in Rows(report)) Line($"| {section} | {F(score)} | {metric} |");
        Line();
        if (QualityHeadline.NotScored(report.Quality) is { } notScored)
        {
            Line($"**{notScored}.**");
            Line();
        }
        if (gate is { Count: > 0 })
        {
            var failed = gate.Count(g => !g.Passed);
            Line(failed == 0 ? $"**Gate passed** ({gate.Count} checks)." : $"**Gate failed**: {failed} of {gate.Count} checks.");
            Line();
            Line("| Check | Score | Minimum | |");
            Line("|---|---:|---:|---|");
            foreach (var g in gate) Line($"| {g.Check.Name} | {F(g.Score)} | {F(g.Check.Minimum)} | {(g.Passed ? "pass" : "**FAIL**")} |");
            Line();
        }
        if (report.PrivacyFilter is { } filter)
        {
            Line($"Sampled through privacy filters: {PrivacyFilterText.Describe(filter)}.");
            Line();
        }
        if (report.Text is { } text) TextMarkdown.Append(md, text);
        var worst = report.Quality.Columns.OrderBy(c => c.Score).Take(3).ToArray();
        Line("Worst column shapes: " + string.Join(", ", worst.Select(c => $"`{c.Column}` {F(c.Score)}")) + ".");
        var failures = report.Diagnostic.Failures;
        Line(failures.Count == 0 ? "Diagnostics: every column valid." :
            "Diagnostic failures: " + string.Join(", ", failures.Take(5).Select(f => $"`{f.Column}` {f.Check} {F(f.Score)} ({f.InvalidCells:N0} cells)")) + ".");
        if (report.Diagnostic.Rules.Count > 0)
            Line("Rule adherence: " + string.Join("; ", report.Diagnostic.Rules.Select(r => $"`{r.Rule}` {r.BrokenRows:N0} rows broken")) + ".");
        Line();
        if (a.Model?.PrivacyPlan is { } plan)
        {
            Line($"**Differential privacy**: {PrivacyPlanText.Guarantee(plan)}. Budget: {string.Join("; ", plan.Steps.Select(PrivacyPlanText.Step))}.");
            Line();
        }
        var model = a.Model is { } m ? $" Model `{m.Path}` ({m.Kind}, seed {m.Seed}, {(m.DataHashWithheld ? "training data hash withheld" : $"trained on `{Short(m.SourceDataSha256)}`{(m.TrainedOnEvaluatedData ? "" : ", **not the evaluated training data**")}")})." : "";
        Line($"<sub>Training `{a.Training.Name}` sha256 `{Short(a.Training.Sha256)}`, synthetic sha256 `{Short(a.Synthetic.Sha256)}`, evaluation seed {a.Seed}, SynthFixtures {a.ToolVersion}.{model}</sub>");
        return md.ToString();
    }

    /// <summary>The headline scores as (section, score, metric), in report order; shared with the HTML writer.</summary>
    public static IReadOnlyList<(string Section, double? Score, string Metric)> Rows(EvaluationReport report)
    {
        var p = report.Privacy;
        var rows = new List<(string, double?, string)>
        {
            ("Quality", report.Quality.Overall, $"mean of column shapes and pair trends (all pairs), {QualityHeadline.Coverage(report.Quality)}"),
            ("Column shapes", report.Quality.ColumnShapes, "KS / TV complement per column"),
            ("Pair trends (all pairs)", report.Quality.ColumnPairTrends, $"correlation / contingency similarity over all {report.Quality.Pairs.Count} pairs"),
            ("Quality (associated pairs, as SDMetrics)", report.Quality.AssociatedOverall, "mean of column shapes and pair trends (associated pairs)"),
            ("Pair trends (associated pairs, as SDMetrics)", report.Quality.AssociatedPairTrends, QualityHeadline.AssociatedPairs(report.Quality)),
            ("Diagnostic", report.Diagnostic.Overall, "validity and structure"),
            ("Missing values", report.Diagnostic.MissingValueSimilarity, "1 − abs(missing-rate difference)"),
            ("DCR baseline protection", p.DcrBaselineProtection, $"median DCR {F(p.SyntheticDcr.Median)} vs random {F(p.RandomDcr.Median)}"),
            ("DCR overfitting protection", p.DcrOverfitting?.Score, p.DcrOverfitting is { } o ? $"{o.ShareCloserToTraining:P1} closer to training (chance {o.ExpectedShare:P1})" : "needs a holdout"),
            ("New-row synthesis", p.NewRows.Score, $"{p.NewRows.ExactCopies:N0} exact, {p.NewRows.NearCopies:N0} near copies"),
            ("Membership inference", p.MembershipInference?.Score, p.MembershipInference is { } mi ? $"attacker AUC {F(mi.Auc)}" : "needs a holdout"),
        };
        if (report.Text is { Columns.Count: > 0 } text)
            rows.Add(("Text", text.Score, string.Join("; ", text.Columns.Select(c => $"`{c.Column}` {F(c.Score)}" +
                (c.Consistency is { } k ? $" (consistency with `{k.Label}` {F(k.Ratio)} of real accuracy)" : "")))));
        if (report.Utility is { } u)
        {
            if (u.Target is not null)
                rows.Add(("ML utility (TSTR)", u.Ratio, $"target `{u.Target}`: " + string.Join("; ", u.Scores.Select(s => $"{s.Learner} {s.Metric} real {F(s.RealTrained)} / synthetic {F(s.SyntheticTrained)}"))));
            if (u.Detection is { } d)
                rows.Add(("Detection", d.Score, $"strongest of: {string.Join(", ", u.Detections.Select(x => $"{x.Learner} AUC {F(x.Auc)}"))}"));
        }
        return rows;
    }

    /// <summary>A score with three decimals, or "n/a".</summary>
    public static string F(double? value) => value is { } v && !double.IsNaN(v) ? v.ToString("F3", CultureInfo.InvariantCulture) : "n/a";

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
