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
    public required IReadOnlyList<ColumnShapeDocument> Columns { get; init; }
    public required IReadOnlyList<PairDocument> Pairs { get; init; }

    /// <summary>The columns of <paramref name="report"/>, as written.</summary>
    public static IReadOnlyList<ColumnShapeDocument> ColumnsOf(QualityReport report) =>
        report.Columns.Select(c => new ColumnShapeDocument(c.Column, c.Metric, c.Score)).ToArray();

    /// <summary>The pairs, correlation pairs with their two correlations (null when undefined), others without.</summary>
    public static IReadOnlyList<PairDocument> PairsOf(QualityReport report) =>
        report.Pairs.Select(p => p.Metric == QualityMetric.CorrelationSimilarity
            ? new CorrelationPairDocument(p.ColumnA, p.ColumnB, p.Metric, p.Score, p.RealCorrelation, p.SyntheticCorrelation)
            : new PairDocument(p.ColumnA, p.ColumnB, p.Metric, p.Score)).ToArray();
}

/// <summary>One column's shape score.</summary>
internal sealed record ColumnShapeDocument(string Column, QualityMetric Metric, double Score);

/// <summary>One pair's trend score; correlation pairs are written with their correlations (<see cref="CorrelationPairDocument"/>).</summary>
[JsonDerivedType(typeof(CorrelationPairDocument))] // no discriminator: written as the derived type, nothing added
internal record PairDocument(string ColumnA, string ColumnB, QualityMetric Metric, double Score);

/// <summary>A correlation pair: the real and synthetic Pearson ρ follow the score, <c>null</c> when undefined.</summary>
internal sealed record CorrelationPairDocument(string ColumnA, string ColumnB, QualityMetric Metric, double Score,
    [property: JsonPropertyOrder(1)] double? RealCorrelation, [property: JsonPropertyOrder(2)] double? SyntheticCorrelation)
    : PairDocument(ColumnA, ColumnB, Metric, Score);
