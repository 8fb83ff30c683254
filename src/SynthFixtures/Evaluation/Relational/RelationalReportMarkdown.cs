using System.Globalization;
using System.Text;
using SynthFixtures.Evaluation.Report;

namespace SynthFixtures.Evaluation.Relational;

/// <summary>
/// Writes a <see cref="RelationalQualityReport"/> as Markdown, for a CI step summary or a pull-request comment: the
/// headline and its parts, one row per table and per foreign key, the worst parent–child pairs, the key diagnostics
/// (orphans and repeated keys with their counts, the real database's beside the synthetic's) and every column or table
/// not scored with its reason.
/// </summary>
public static class RelationalReportMarkdown
{
    /// <summary>How many of the worst parent–child pairs are listed.</summary>
    public const int WorstPairCount = 10;

    /// <summary>The report as Markdown ("\n" line ends).</summary>
    public static string Write(RelationalQualityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        var a = report.Audit;
        Line($"## Synthetic database evaluation: {a.SyntheticName}");
        Line();
        Line($"{a.SyntheticRows:N0} synthetic rows in {report.Tables.Count(t => t.SyntheticRows > 0)} tables against {a.RealRows:N0} real rows in " +
             $"{report.Tables.Count} tables ({a.RealName}); evaluated in {a.Total.TotalSeconds:F1} s.");
        Line();
        Line("| Part | Score | How |");
        Line("|---|---:|---|");
        foreach (var (part, score, how) in Rows(report)) Line($"| {part} | {F(score)} | {how} |");
        Line();

        Line("### Tables");
        Line();
        Line("| Table | Real rows | Synthetic rows | Quality | Column shapes | Pair trends | Scored columns |");
        Line("|---|---:|---:|---:|---:|---:|---|");
        foreach (var t in report.Tables)
            Line(t.Quality is { } q
                ? $"| {t.Table} | {t.RealRows:N0} | {t.SyntheticRows:N0} | {F(q.Overall)} | {F(q.ColumnShapes)} | {F(q.ColumnPairTrends)} | {q.Columns.Count} of {q.TableColumns} |"
                : $"| {t.Table} | {t.RealRows:N0} | {t.SyntheticRows:N0} | n/a | | | not scored: {t.SkipReason} |");
        Line();

        Line("### Relationships");
        Line();
        Line("| Foreign key | Cardinality | Children per parent, real (mean / max) | synthetic (mean / max) | Parent–child trends | Pairs |");
        Line("|---|---:|---:|---:|---:|---|");
        foreach (var r in report.Relationships)
        {
            if (r.Cardinality is not { } c)
            {
                Line($"| `{r.Key}` | n/a | | | n/a | not evaluated: {r.SkipReason} |");
                continue;
            }
            var trends = r.Trends!;
            var pairs = trends.SkipReason is { } why ? $"none: {why}" : $"{trends.Pairs.Count} of {trends.PairsTotal} on {trends.RealRowsScored:N0} / {trends.SyntheticRowsScored:N0} joined rows";
            Line($"| `{r.Key}` | {F(c.Score)} | {c.RealMean:F2} / {c.RealMax} | {c.SyntheticMean:F2} / {c.SyntheticMax} | {F(trends.Score)} | {pairs} |");
        }
        Line();
        var worst = WorstPairs(report).Take(WorstPairCount).ToArray();
        if (worst.Length > 0)
        {
            Line($"Worst parent–child pairs ({worst.Length} of {report.Relationships.Sum(r => r.Trends?.Pairs.Count ?? 0)}):");
            Line();
            Line("| Parent column | Child column | Metric | Score | Real relation |");
            Line("|---|---|---|---:|---:|");
            foreach (var p in worst) Line($"| {p.ColumnA} | {p.ColumnB} | {p.Metric} | {F(p.Score)} | {RealRelation(p)} |");
            Line();
        }

        Line("### Key diagnostics");
        Line();
        Diagnostics(Line, "Synthetic", report.Synthetic);
        Diagnostics(Line, "Real (for reference)", report.Real);
        Line();

        var skipped = report.Tables.SelectMany(t => t.Skipped.Select(s => $"`{t.Table}.{s.Column}`: {s.Reason}")).ToArray();
        if (skipped.Length > 0)
        {
            Line($"### Not scored ({skipped.Length} columns)");
            Line();
            foreach (var s in skipped) Line($"- {s}");
            Line();
        }
        Line($"<sub>Real `{a.RealName}`, synthetic `{a.SyntheticName}`, evaluation seed {a.Seed}, SynthFixtures {a.ToolVersion}.</sub>");
        return md.ToString();
    }

    /// <summary>The headline and its parts as (part, score, how), in report order; shared with the HTML writer.</summary>
    public static IReadOnlyList<(string Part, double? Score, string How)> Rows(RelationalQualityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var scoredTables = report.Tables.Count(t => t.Quality is not null);
        var scoredKeys = report.Relationships.Count(r => r.Cardinality is not null);
        var keysWithPairs = report.Relationships.Count(r => r.Trends?.Score is not null);
        var s = report.Synthetic;
        return
        [
            ("Overall", report.Overall, "mean of the three parts below that could be computed"),
            ("Table quality", report.TableQuality, $"mean of {scoredTables} of {report.Tables.Count} tables' quality (column shapes and pair trends, keys excluded)"),
            ("Cardinality", report.Cardinality, $"KS complement of children per parent, mean over {scoredKeys} of {report.Relationships.Count} foreign keys"),
            ("Parent–child trends", report.ParentChildTrends, $"parent column × child column pair trends, mean over {keysWithPairs} foreign keys"),
            ("Referential integrity", s.IntegrityShare, $"share of foreign key values matching a parent; {s.Integrity.Sum(i => i.OrphanRows):N0} orphan rows"),
            ("Key uniqueness", s.UniquenessScore, $"{s.Uniqueness.Sum(u => u.DuplicateRows):N0} repeated and {s.Uniqueness.Sum(u => u.MissingKeys):N0} missing keys over {s.Uniqueness.Count} keys"),
        ];
    }

    /// <summary>Every scored parent–child pair, worst first (ties in report order).</summary>
    public static IEnumerable<ColumnPairScore> WorstPairs(RelationalQualityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Relationships.SelectMany(r => r.Trends?.Pairs ?? []).OrderBy(p => p.Score);
    }

    /// <summary>A pair's relation in the real data: ρ for correlation pairs, Cramér's V otherwise.</summary>
    public static string RealRelation(ColumnPairScore pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return pair.Metric == QualityMetric.CorrelationSimilarity ? $"ρ {F(pair.RealCorrelation)}" : $"V {F(pair.RealAssociation)}";
    }

    /// <summary>The diagnostics of one database in sentences: the summary, then each orphaned key and each repeated or missing key with counts.</summary>
    public static IReadOnlyList<string> DiagnosticLines(DatabaseDiagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var lines = new List<string>
        {
            (diagnostics.Valid ? "valid: " : "INVALID: ") +
            $"referential integrity {diagnostics.IntegrityShare.ToString("P2", CultureInfo.InvariantCulture)} over {diagnostics.Integrity.Count} foreign keys, " +
            $"key uniqueness {F(diagnostics.UniquenessScore)} over {diagnostics.Uniqueness.Count} keys",
        };
        foreach (var i in diagnostics.Integrity.Where(i => i.OrphanRows > 0))
            lines.Add($"`{i.Key}`: {i.OrphanRows:N0} of {i.Values:N0} rows reference no parent ({i.DistinctOrphans:N0} distinct values; " +
                      string.Join(", ", i.Orphans.Select(o => $"{o.Value} × {o.Rows:N0}")) + (i.Orphans.Count < i.DistinctOrphans ? ", …" : "") + ")");
        foreach (var u in diagnostics.Uniqueness.Where(u => u.DuplicateRows > 0 || u.MissingKeys > 0))
            lines.Add($"`{u.Name}` ({(u.IsPrimaryKey ? "primary key" : "referenced key")}): {u.DuplicateRows:N0} repeated rows over {u.DistinctDuplicated:N0} values" +
                      (u.Duplicates.Count > 0 ? " (" + string.Join(", ", u.Duplicates.Select(d => $"{d.Value} × {d.Rows:N0}")) + (u.Duplicates.Count < u.DistinctDuplicated ? ", …" : "") + ")" : "") +
                      $", {u.MissingKeys:N0} missing");
        return lines;
    }

    private static void Diagnostics(Action<string> line, string title, DatabaseDiagnostics diagnostics)
    {
        var lines = DiagnosticLines(diagnostics);
        line($"- **{title}**: {lines[0]}.");
        foreach (var detail in lines.Skip(1)) line($"  - {detail}.");
    }

    private static string F(double? value) => EvaluationMarkdown.F(value);
}
