using System.Text.Json.Serialization;

namespace SynthFixtures.Evaluation;

/// <summary>
/// The quality report as its JSON shows it, property by property in the written order (see
/// <see cref="QualityReportJson"/>). Not sealed: the full evaluation's document starts with these properties.
/// </summary>
internal class QualityReportDocument
{
    public required double Overall { get; init; }
    public required double ColumnShapes { get; init; }
    public required double? ColumnPairTrends { get; init; }
    public required int ScoredColumns { get; init; }
    public required int TableColumns { get; init; }
    public required IReadOnlyList<NotScoredDocument> NotScored { get; init; }
    public required AssociatedPairsDocument AssociatedPairsAsSdmetrics { get; init; }
    public required IReadOnlyList<ColumnShapeDocument> Columns { get; init; }
    public required IReadOnlyList<PairDocument> Pairs { get; init; }

    /// <summary>The whole of <paramref name="report"/>, as written.</summary>
    public static QualityReportDocument Of(QualityReport report) => new()
    {
        Overall = report.Overall, ColumnShapes = report.ColumnShapes, ColumnPairTrends = report.ColumnPairTrends,
        ScoredColumns = report.Columns.Count, TableColumns = report.TableColumns, NotScored = NotScoredOf(report),
        AssociatedPairsAsSdmetrics = AssociatedOf(report), Columns = ColumnsOf(report), Pairs = PairsOf(report),
    };

    /// <summary>The columns of <paramref name="report"/>, as written.</summary>
    public static IReadOnlyList<ColumnShapeDocument> ColumnsOf(QualityReport report) =>
        report.Columns.Select(c => new ColumnShapeDocument(c.Column, c.Metric, c.Score)).ToArray();

    /// <summary>The columns not scored, with their reasons, as written.</summary>
    public static IReadOnlyList<NotScoredDocument> NotScoredOf(QualityReport report) =>
        report.NotScored.Select(c => new NotScoredDocument(c.Column, c.Reason, c.ReasonText)).ToArray();

    /// <summary>SDMetrics' view: its overall and pair trends over the associated pairs, and how many pairs those are.</summary>
    public static AssociatedPairsDocument AssociatedOf(QualityReport report) => new(report.AssociatedOverall,
        report.AssociatedPairTrends, report.AssociatedPairs.Count, report.Pairs.Count, AssociatedPairs.CorrelationThreshold,
        AssociatedPairs.AssociationThreshold);

    /// <summary>The pairs, correlation pairs with their two correlations and contingency pairs with the real association (null when undefined).</summary>
    public static IReadOnlyList<PairDocument> PairsOf(QualityReport report) => report.Pairs.Select(PairOf).ToArray();

    /// <summary>One pair, as written.</summary>
    public static PairDocument PairOf(ColumnPairScore p) => p.Metric == QualityMetric.CorrelationSimilarity
        ? new CorrelationPairDocument(p.ColumnA, p.ColumnB, p.Metric, p.Score, p.IsAssociated, p.RealCorrelation, p.SyntheticCorrelation)
        : new ContingencyPairDocument(p.ColumnA, p.ColumnB, p.Metric, p.Score, p.IsAssociated, p.RealAssociation);
}

/// <summary>One column's shape score.</summary>
internal sealed record ColumnShapeDocument(string Column, QualityMetric Metric, double Score);

/// <summary>A column the report does not score: its reason as a name and in words.</summary>
internal sealed record NotScoredDocument(string Column, UnscoredReason Reason, string Description);

/// <summary>
/// "Pair trends (associated pairs, as SDMetrics)": the overall and pair trends over the pairs associated in the real
/// data (pair trends null when none is), how many pairs counted of all, and the two thresholds.
/// </summary>
internal sealed record AssociatedPairsDocument(double Overall, double? ColumnPairTrends, int PairsCounted, int PairsTotal,
    double CorrelationThreshold, double AssociationThreshold);

/// <summary>One pair's trend score and whether SDMetrics' view counts it; written as one of the two derived types.</summary>
[JsonDerivedType(typeof(CorrelationPairDocument))] // no discriminator: written as the derived type, nothing added
[JsonDerivedType(typeof(ContingencyPairDocument))]
internal abstract record PairDocument(string ColumnA, string ColumnB, QualityMetric Metric, double Score, bool Associated);

/// <summary>A correlation pair: the real and synthetic Pearson ρ follow, <c>null</c> when undefined.</summary>
internal sealed record CorrelationPairDocument(string ColumnA, string ColumnB, QualityMetric Metric, double Score, bool Associated,
    [property: JsonPropertyOrder(1)] double? RealCorrelation, [property: JsonPropertyOrder(2)] double? SyntheticCorrelation)
    : PairDocument(ColumnA, ColumnB, Metric, Score, Associated);

/// <summary>A contingency pair: Cramér's V of the real table follows, <c>null</c> when undefined.</summary>
internal sealed record ContingencyPairDocument(string ColumnA, string ColumnB, QualityMetric Metric, double Score, bool Associated,
    [property: JsonPropertyOrder(1)] double? RealAssociation)
    : PairDocument(ColumnA, ColumnB, Metric, Score, Associated);
