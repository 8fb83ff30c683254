namespace SynthFixtures.Evaluation;

/// <summary>
/// How closely a synthetic table matches a real one, as SDMetrics' quality report measures it: Column Shapes (each
/// column's distribution), Column Pair Trends (each pair's relation), and their mean. Every score is in [0, 1], higher
/// is better. Produced by <see cref="QualityEvaluator.Evaluate"/>; written by <see cref="QualityReportJson"/> and
/// <see cref="QualityReportTable"/>.
/// </summary>
public sealed class QualityReport
{
    /// <summary>The mean of <see cref="ColumnShapes"/> and <see cref="ColumnPairTrends"/> (just <see cref="ColumnShapes"/> when there are no pairs).</summary>
    public required double Overall { get; init; }

    /// <summary>The mean of the per-column scores in <see cref="Columns"/>.</summary>
    public required double ColumnShapes { get; init; }

    /// <summary>The mean of the per-pair scores in <see cref="Pairs"/>; <c>null</c> when fewer than two columns were evaluated.</summary>
    public double? ColumnPairTrends { get; init; }

    /// <summary>One score per evaluated column, in metadata order.</summary>
    public required IReadOnlyList<ColumnShapeScore> Columns { get; init; }

    /// <summary>One score per pair of evaluated columns, in metadata order ((0,1), (0,2), …, (1,2), …).</summary>
    public required IReadOnlyList<ColumnPairScore> Pairs { get; init; }
}
