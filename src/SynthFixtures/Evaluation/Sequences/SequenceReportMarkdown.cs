using System.Globalization;
using System.Text;
using SynthFixtures.Evaluation.Report;

namespace SynthFixtures.Evaluation.Sequences;

/// <summary>
/// Writes a <see cref="SequenceQualityReport"/> as Markdown, for a CI step summary or a pull-request comment: the
/// headline and its parts, detection and privacy, then per column its shapes, autocorrelation by lag and step changes,
/// the cross-correlations, and every column or part not scored with its reason.
/// </summary>
public static class SequenceReportMarkdown
{
    /// <summary>The report as Markdown ("\n" line ends).</summary>
    public static string Write(SequenceQualityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        void Line(FormattableString? text = null) => md.Append(text?.ToString(CultureInfo.InvariantCulture)).Append('\n');
        var a = report.Audit;
        var l = report.Lengths;
        Line($"## Synthetic sequence evaluation: {a.SyntheticName}");
        Line();
        Line($"{l.SyntheticEntities:N0} synthetic sequences ({a.SyntheticRows:N0} steps) against {l.RealEntities:N0} real sequences ({a.RealRows:N0} steps, {a.RealName}); entity {string.Join(", ", a.EntityColumns)}, index {a.IndexColumn ?? "(file order)"}; evaluated in {a.Total.TotalSeconds:F1} s.");
        Line();
        Line($"**Overall {F(report.Overall)}** {report.Coverage}.");
        Line();
        Line($"| Part | Score | How |");
        Line($"|---|---:|---|");
        foreach (var p in report.Parts) Line($"| {p.Name} | {F(p.Score)} | {p.Description} |");
        Line($"| detection (reported, not averaged) | {F(report.Detection?.Score)} | {DetectionText(report)} |");
        Line($"| sequences not copied (reported, not averaged) | {F(report.Privacy.NotCopiedScore)} | {PrivacyText(report.Privacy)} |");
        Line($"| summary DCR baseline protection | {F(report.Privacy.Dcr.DcrBaselineProtection)} | median DCR of synthetic summaries over that of random rows, capped at 1 |");
        if (report.Privacy.Dcr.DcrOverfitting is { } o)
            Line($"| summary DCR overfitting protection | {F(o.Score)} | {o.ShareCloserToTraining:P1} of synthetic summaries closer to training than to holdout (expected {o.ExpectedShare:P1}) |");
        Line();
        Line($"Lengths: real mean {l.RealMean:F1} (min {l.RealMin}, max {l.RealMax}), synthetic mean {l.SyntheticMean:F1} (min {l.SyntheticMin}, max {l.SyntheticMax}).");
        if (report.Index is { } index) Line($"Index {index.Column}: start {F(index.StartScore)}, steps {F(index.StepScore)}.");
        Line();

        Line($"### Columns");
        Line();
        Line($"| Column | Role | Shape | Autocorrelation | Step changes |");
        Line($"|---|---|---:|---:|---:|");
        foreach (var s in report.StepShapes)
            Line($"| {s.Column} | step | {F(s.Score)} | {F(report.Autocorrelations.FirstOrDefault(x => x.Column == s.Column)?.Score)} | {F(report.StepChanges.FirstOrDefault(x => x.Column == s.Column)?.Score)} |");
        foreach (var s in report.ContextShapes) Line($"| {s.Column} | context | {F(s.Score)} | | |");
        Line();
        if (report.Autocorrelations.Count > 0)
        {
            Line($"### Mean autocorrelation by lag (real / synthetic)");
            Line();
            var lags = report.Autocorrelations[0].Real.Count;
            Line($"| Column | {string.Join(" | ", Enumerable.Range(1, lags).Select(k => $"lag {k}"))} |");
            Line($"|---|{string.Concat(Enumerable.Repeat("---:|", lags))}");
            foreach (var x in report.Autocorrelations)
                Line($"| {x.Column} | {string.Join(" | ", x.Real.Zip(x.Synthetic, (r, s) => $"{R(r)} / {R(s)}"))} |");
            Line();
        }
        if (report.CrossCorrelations.Count > 0)
        {
            Line($"### Cross-correlation within entities");
            Line();
            Line($"| Columns | Score | Mean ρ real | Mean ρ synthetic |");
            Line($"|---|---:|---:|---:|");
            foreach (var c in report.CrossCorrelations.OrderBy(c => c.Score)) Line($"| {c.ColumnA} × {c.ColumnB} | {F(c.Score)} | {R(c.Real)} | {R(c.Synthetic)} |");
            Line();
        }
        var skipped = report.NotScored.Concat(report.SkippedParts).ToArray();
        if (skipped.Length > 0)
        {
            Line($"### Not scored");
            Line();
            foreach (var s in skipped) Line($"- `{s.Column}`{(s.Part is null ? "" : $" ({s.Part})")}: {s.Reason}");
            Line();
        }
        return md.ToString();
    }

    /// <summary>The detection line's explanation: the learner and AUC, or why it did not run.</summary>
    public static string DetectionText(SequenceQualityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Detection is { } d
            ? string.Create(CultureInfo.InvariantCulture, $"{d.Best.Learner} on {d.Features.Count} per-sequence summary features, {d.Best.Folds}-fold AUC {d.Best.Auc:F3} ({d.Best.RowsPerSide:N0} {(d.WindowLength is { } w ? $"windows of {w} steps (too few entities to classify whole)" : "entities")} per side); 1 − (max(0.5, AUC)·2 − 1)")
            : $"not run: {report.DetectionSkipReason}";
    }

    /// <summary>The copies line's explanation.</summary>
    public static string PrivacyText(SequencePrivacy privacy)
    {
        ArgumentNullException.ThrowIfNull(privacy);
        return string.Create(CultureInfo.InvariantCulture, $"{privacy.CopiedEntities:N0} of {privacy.SyntheticEntities:N0} synthetic sequences equal a real one step for step")
            + (privacy.CopiedFromHoldout is { } h ? string.Create(CultureInfo.InvariantCulture, $" ({h:N0} equal a holdout one)") : "");
    }

    private static string F(double? value) => EvaluationMarkdown.F(value);

    private static string R(double? value) => value is { } v ? v.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture) : "n/a";
}
