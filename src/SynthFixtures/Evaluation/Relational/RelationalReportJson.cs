using System.Text.Json;

namespace SynthFixtures.Evaluation.Relational;

/// <summary>
/// Writes a <see cref="RelationalQualityReport"/> as JSON: <c>overall</c>, <c>tableQuality</c>, <c>cardinality</c>,
/// <c>parentChildTrends</c> and <c>combination</c> (how the overall is made); <c>tables</c> [{ table, realRows,
/// syntheticRows, skipReason, cellIssues, skipped [{ column, reason }], quality (the single-table quality JSON, or
/// null) }]; <c>relationships</c> [{ key, childTable, childColumns, parentTable, parentColumns, skipReason, cardinality
/// { score, realParents, syntheticParents, realMean, syntheticMean, realMax, syntheticMax, realChildless,
/// syntheticChildless, histogram { labels, real, synthetic } }, trends { score, pairsScored, pairsTotal, realJoinedRows,
/// syntheticJoinedRows, realRowsScored, syntheticRowsScored, skipReason, pairs (as the quality JSON's pairs, columnA the
/// parent's) } }]; <c>diagnostics</c> { synthetic, real }, each { valid, integrityShare, uniquenessScore, integrity
/// [{ key, values, matched, orphanRows, share, distinctOrphans, orphans [{ value, rows }] }], uniqueness [{ table,
/// columns, primaryKey, rows, missingKeys, duplicateRows, distinctDuplicated, score, duplicates }] }; then
/// <c>audit</c>. Deterministic apart from <c>audit.timingsSeconds</c>: fixed property order, the report's order,
/// numbers in their shortest round-trip form. Indented, UTF-8, "\n" line ends.
/// </summary>
public static class RelationalReportJson
{
    /// <summary>How <see cref="RelationalQualityReport.Overall"/> is made, in words (written into the JSON and the other writers).</summary>
    public const string Combination =
        "mean of table quality (each scored table's single-table overall, tables weighted equally), cardinality (mean KS complement of children per parent over the foreign keys) and parent-child trends (mean over the keys with pairs); a part that could not be computed is left out; diagnostics are reported, not averaged in";

    /// <summary>The report as an indented JSON document.</summary>
    public static string Serialize(RelationalQualityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var document = new RelationalReportDocument(report.Overall, report.TableQuality, report.Cardinality, report.ParentChildTrends,
            Combination,
            report.Tables.Select(t => new TableDocument(t.Table, t.RealRows, t.SyntheticRows, t.SkipReason, t.CellIssues,
                t.Skipped.Select(s => new SkippedColumnDocument(s.Column, s.Reason)).ToArray(),
                t.Quality is { } q ? QualityReportDocument.Of(q) : null)).ToArray(),
            report.Relationships.Select(Relationship).ToArray(),
            new DiagnosticsPairDocument(Diagnostics(report.Synthetic), Diagnostics(report.Real)),
            Audit(report.Audit));
        return JsonSerializer.Serialize(document, QualityReportJsonContext.Default.RelationalReportDocument);
    }

    private static RelationshipDocument Relationship(RelationshipQuality r) => new(r.Key.ToString(), r.Key.ChildTable, r.Key.ChildColumns,
        r.Key.ParentTable, r.Key.ParentColumns, r.SkipReason,
        r.Cardinality is { } c ? new CardinalityDocument(c.Score, c.RealParents, c.SyntheticParents, c.RealMean, c.SyntheticMean, c.RealMax,
            c.SyntheticMax, c.RealChildless, c.SyntheticChildless, new HistogramDocument(c.Histogram.Labels, c.Histogram.Real, c.Histogram.Synthetic)) : null,
        r.Trends is { } t ? new TrendsDocument(t.Score, t.Pairs.Count, t.PairsTotal, t.RealJoinedRows, t.SyntheticJoinedRows, t.RealRowsScored,
            t.SyntheticRowsScored, t.SkipReason, t.Pairs.Select(QualityReportDocument.PairOf).ToArray()) : null);

    private static DiagnosticsDocument Diagnostics(DatabaseDiagnostics d) => new(d.Valid, d.IntegrityShare, d.UniquenessScore,
        d.Integrity.Select(i => new IntegrityDocument(i.Key.ToString(), i.Values, i.Matched, i.OrphanRows, i.Share, i.DistinctOrphans,
            i.Orphans.Select(o => new KeyCountDocument(o.Value, o.Rows)).ToArray())).ToArray(),
        d.Uniqueness.Select(u => new UniquenessDocument(u.Table, u.Columns, u.IsPrimaryKey, u.Rows, u.MissingKeys, u.DuplicateRows,
            u.DistinctDuplicated, u.Score, u.Duplicates.Select(o => new KeyCountDocument(o.Value, o.Rows)).ToArray())).ToArray());

    private static AuditDocument Audit(RelationalAudit a)
    {
        var timings = new OrderedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, time) in a.Timings) timings[name] = Math.Round(time.TotalSeconds, 3);
        timings["total"] = Math.Round(a.Total.TotalSeconds, 3);
        return new AuditDocument(a.RealName, a.SyntheticName, a.RealRows, a.SyntheticRows, a.Seed, a.ToolVersion, timings);
    }
}

internal sealed record RelationalReportDocument(double Overall, double? TableQuality, double? Cardinality, double? ParentChildTrends,
    string Combination, IReadOnlyList<TableDocument> Tables, IReadOnlyList<RelationshipDocument> Relationships,
    DiagnosticsPairDocument Diagnostics, AuditDocument Audit);

internal sealed record TableDocument(string Table, int RealRows, int SyntheticRows, string? SkipReason, int CellIssues,
    IReadOnlyList<SkippedColumnDocument> Skipped, QualityReportDocument? Quality);

internal sealed record SkippedColumnDocument(string Column, string Reason);

internal sealed record RelationshipDocument(string Key, string ChildTable, IReadOnlyList<string> ChildColumns, string ParentTable,
    IReadOnlyList<string> ParentColumns, string? SkipReason, CardinalityDocument? Cardinality, TrendsDocument? Trends);

internal sealed record CardinalityDocument(double Score, int RealParents, int SyntheticParents, double RealMean, double SyntheticMean,
    int RealMax, int SyntheticMax, double RealChildless, double SyntheticChildless, HistogramDocument Histogram);

internal sealed record HistogramDocument(IReadOnlyList<string> Labels, IReadOnlyList<double> Real, IReadOnlyList<double> Synthetic);

internal sealed record TrendsDocument(double? Score, int PairsScored, int PairsTotal, int RealJoinedRows, int SyntheticJoinedRows,
    int RealRowsScored, int SyntheticRowsScored, string? SkipReason, IReadOnlyList<PairDocument> Pairs);

internal sealed record DiagnosticsPairDocument(DiagnosticsDocument Synthetic, DiagnosticsDocument Real);

internal sealed record DiagnosticsDocument(bool Valid, double IntegrityShare, double UniquenessScore,
    IReadOnlyList<IntegrityDocument> Integrity, IReadOnlyList<UniquenessDocument> Uniqueness);

internal sealed record IntegrityDocument(string Key, int Values, int Matched, int OrphanRows, double Share, int DistinctOrphans,
    IReadOnlyList<KeyCountDocument> Orphans);

internal sealed record UniquenessDocument(string Table, IReadOnlyList<string> Columns, bool PrimaryKey, int Rows, int MissingKeys,
    int DuplicateRows, int DistinctDuplicated, double Score, IReadOnlyList<KeyCountDocument> Duplicates);

internal sealed record KeyCountDocument(string Value, int Rows);

internal sealed record AuditDocument(string RealName, string SyntheticName, long RealRows, long SyntheticRows, long Seed, string ToolVersion,
    OrderedDictionary<string, double> TimingsSeconds);
