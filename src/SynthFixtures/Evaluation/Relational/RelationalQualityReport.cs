using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Evaluation.Relational;

/// <summary>
/// How closely a synthetic database matches a real one: each table's single-table <see cref="QualityReport"/>, the
/// shape of each relationship (children per parent) and the column trends across it (a parent column against a child
/// column), with referential integrity and key uniqueness as diagnostics. Every score is in [0, 1], higher better.
/// Every table, column and foreign key is either scored or listed with the reason it is not. Produced by
/// <see cref="RelationalEvaluationService.Evaluate(RelationalDataset, RelationalDataset, RelationalEvaluationOptions?, CancellationToken)"/>;
/// written by <see cref="RelationalReportJson"/>, <see cref="RelationalReportMarkdown"/> and SynthFixtures.Reports' HTML.
/// </summary>
public sealed class RelationalQualityReport
{
    /// <summary>
    /// The headline: the mean of <see cref="TableQuality"/>, <see cref="Cardinality"/> and <see cref="ParentChildTrends"/>,
    /// each part that could be computed counted once (a database without foreign keys is its tables' quality alone).
    /// Diagnostics do not enter it: a broken key is a defect to fix, reported on its own, not a shade of likeness.
    /// </summary>
    public required double Overall { get; init; }

    /// <summary>The mean of the scored tables' <see cref="QualityReport.Overall"/>, each table counted once; <c>null</c> when no table could be scored.</summary>
    public double? TableQuality { get; init; }

    /// <summary>The mean of the foreign keys' cardinality scores; <c>null</c> when no key could be scored.</summary>
    public double? Cardinality { get; init; }

    /// <summary>The mean of the foreign keys' parent–child pair trends; <c>null</c> when no key had a pair to score.</summary>
    public double? ParentChildTrends { get; init; }

    /// <summary>One entry per table of the real database, in metadata order.</summary>
    public required IReadOnlyList<TableQuality> Tables { get; init; }

    /// <summary>One entry per foreign key of the real database, in metadata order.</summary>
    public required IReadOnlyList<RelationshipQuality> Relationships { get; init; }

    /// <summary>Referential integrity and key uniqueness of the synthetic database.</summary>
    public required DatabaseDiagnostics Synthetic { get; init; }

    /// <summary>The same checks on the real database, for reference (a real source may have orphans of its own).</summary>
    public required DatabaseDiagnostics Real { get; init; }

    /// <summary>What was compared, with which settings, and how long each stage took.</summary>
    public required RelationalAudit Audit { get; init; }
}

/// <summary>One table's quality: the single-table report over its learned columns, and every other column with its reason.</summary>
public sealed record TableQuality
{
    /// <summary>The table.</summary>
    public required string Table { get; init; }

    /// <summary>Rows in the real table.</summary>
    public required int RealRows { get; init; }

    /// <summary>Rows in the synthetic table (0 when the synthetic database lacks it).</summary>
    public required int SyntheticRows { get; init; }

    /// <summary>The single-table quality report (keys listed in its <see cref="QualityReport.NotScored"/> as identifiers); <c>null</c> when the table is not scored (<see cref="SkipReason"/>).</summary>
    public QualityReport? Quality { get; init; }

    /// <summary>Why the table has no quality score, or <c>null</c> when it has one.</summary>
    public string? SkipReason { get; init; }

    /// <summary>Every column that is not scored, with the reason (keys, free text, personal data, columns the synthetic table lacks).</summary>
    public required IReadOnlyList<SkippedColumn> Skipped { get; init; }

    /// <summary>Each scored column's distribution on both sides, for the HTML report's overlays.</summary>
    public IReadOnlyList<Report.ColumnDistribution> Distributions { get; init; } = [];

    /// <summary>Cells that did not parse as their column's kind and were read as missing (real and synthetic together).</summary>
    public int CellIssues { get; init; }
}

/// <summary>A column with no quality score, and why.</summary>
/// <param name="Column">The column.</param>
/// <param name="Reason">The reason in words ("primary key: generated, not learned; checked by key uniqueness").</param>
public sealed record SkippedColumn(string Column, string Reason);

/// <summary>One foreign key's shape and trends.</summary>
public sealed record RelationshipQuality
{
    /// <summary>The foreign key.</summary>
    public required ForeignKey Key { get; init; }

    /// <summary>How the number of children per parent compares; <c>null</c> when the key is skipped (<see cref="SkipReason"/>).</summary>
    public CardinalityShape? Cardinality { get; init; }

    /// <summary>Parent column × child column trends across the key; <c>null</c> when the key is skipped.</summary>
    public ParentChildTrends? Trends { get; init; }

    /// <summary>Why the key is not evaluated (a table or key column the synthetic database lacks), or <c>null</c>.</summary>
    public string? SkipReason { get; init; }
}

/// <summary>
/// The distribution of children per parent on both sides: per distinct non-missing parent key, the number of child rows
/// whose foreign key matches it (parents without children count as 0; orphans and missing references count nowhere).
/// </summary>
/// <param name="Score">1 − the two-sample Kolmogorov–Smirnov statistic of the two count distributions (<see cref="KSComplement"/>).</param>
/// <param name="RealParents">Distinct parent keys in the real database.</param>
/// <param name="SyntheticParents">Distinct parent keys in the synthetic database.</param>
/// <param name="RealMean">Mean children per parent, real.</param>
/// <param name="SyntheticMean">Mean children per parent, synthetic.</param>
/// <param name="RealMax">Most children of one parent, real.</param>
/// <param name="SyntheticMax">Most children of one parent, synthetic.</param>
/// <param name="RealChildless">Share of real parents without children.</param>
/// <param name="SyntheticChildless">Share of synthetic parents without children.</param>
/// <param name="Histogram">Share of parents per number of children (grouped into ranges when large), real and synthetic, for charts.</param>
public sealed record CardinalityShape(double Score, int RealParents, int SyntheticParents, double RealMean, double SyntheticMean,
    int RealMax, int SyntheticMax, double RealChildless, double SyntheticChildless, Report.ColumnDistribution Histogram);

/// <summary>
/// Column pair trends across one foreign key: child rows joined to their parent row, and each pair of a parent column and
/// a child column scored as the single-table report scores a pair (<see cref="QualityMetric.CorrelationSimilarity"/> for
/// two numeric or datetime columns, <see cref="QualityMetric.ContingencySimilarity"/> otherwise).
/// </summary>
public sealed record ParentChildTrends
{
    /// <summary>The mean score of <see cref="Pairs"/>; <c>null</c> when no pair was scored (<see cref="SkipReason"/>).</summary>
    public double? Score { get; init; }

    /// <summary>The scored pairs in parent-column, then child-column order: <see cref="ColumnPairScore.ColumnA"/> is the parent's (<c>Table.Column</c>), <see cref="ColumnPairScore.ColumnB"/> the child's.</summary>
    public required IReadOnlyList<ColumnPairScore> Pairs { get; init; }

    /// <summary>Parent column × child column pairs there are; more than <see cref="Pairs"/> when capped.</summary>
    public required int PairsTotal { get; init; }

    /// <summary>Real child rows with a matching parent.</summary>
    public required int RealJoinedRows { get; init; }

    /// <summary>Synthetic child rows with a matching parent.</summary>
    public required int SyntheticJoinedRows { get; init; }

    /// <summary>Joined rows scored per side (at most <see cref="RelationalEvaluationOptions.MaxJoinedRows"/>, a seeded sample when fewer than joined).</summary>
    public required int RealRowsScored { get; init; }

    /// <summary>Synthetic joined rows scored.</summary>
    public required int SyntheticRowsScored { get; init; }

    /// <summary>Why no pair was scored (neither side has a learned column, or no child row has a parent), or <c>null</c>.</summary>
    public string? SkipReason { get; init; }
}

/// <summary>What a multi-table evaluation compared and how long it took.</summary>
/// <param name="RealName">The real database's name.</param>
/// <param name="SyntheticName">The synthetic database's name.</param>
/// <param name="RealRows">Rows over every table of the real database.</param>
/// <param name="SyntheticRows">Rows over every table of the synthetic database.</param>
/// <param name="Seed">The evaluation's seed.</param>
/// <param name="ToolVersion">The SynthFixtures version.</param>
/// <param name="Timings">Each stage's wall time, in order.</param>
public sealed record RelationalAudit(string RealName, string SyntheticName, long RealRows, long SyntheticRows, long Seed,
    string ToolVersion, IReadOnlyList<KeyValuePair<string, TimeSpan>> Timings)
{
    /// <summary>The sum of <see cref="Timings"/>.</summary>
    public TimeSpan Total => Timings.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Value);
}
