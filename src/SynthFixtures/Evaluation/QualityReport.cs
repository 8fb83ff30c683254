namespace SynthFixtures.Evaluation;

/// <summary>
/// How closely a synthetic table matches a real one, as SDMetrics' quality report measures it: Column Shapes (each
/// column's distribution), Column Pair Trends (each pair's relation), and their mean. Every score is in [0, 1], higher
/// is better. Beside our view (every pair counted) it carries SDMetrics' view (only pairs associated in the real data,
/// <see cref="AssociatedPairs"/>), and the columns it does not score with the reason (<see cref="NotScored"/>), so no
/// column leaves the report unseen. Produced by <see cref="QualityEvaluator.Evaluate"/>; written by
/// <see cref="QualityReportJson"/> and <see cref="QualityReportTable"/>.
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

    /// <summary>The columns of the table that are generated, not learned, and so not scored, in metadata order.</summary>
    public IReadOnlyList<UnscoredColumn> NotScored { get; init; } = [];

    /// <summary>Every column of the table: the scored ones and <see cref="NotScored"/>.</summary>
    public int TableColumns => Columns.Count + NotScored.Count;

    /// <summary>The pairs SDMetrics' report counts (<see cref="ColumnPairScore.IsAssociated"/>), in <see cref="Pairs"/> order.</summary>
    public IReadOnlyList<ColumnPairScore> AssociatedPairs => Pairs.Where(p => p.IsAssociated).ToArray();

    /// <summary>The mean score of <see cref="AssociatedPairs"/>; <c>null</c> when no pair is associated.</summary>
    public double? AssociatedPairTrends
    {
        get
        {
            var associated = AssociatedPairs;
            return associated.Count == 0 ? null : associated.Average(p => p.Score);
        }
    }

    /// <summary>SDMetrics' overall: the mean of <see cref="ColumnShapes"/> and <see cref="AssociatedPairTrends"/> (just the shapes when no pair is associated).</summary>
    public double AssociatedOverall => AssociatedPairTrends is { } trends ? (ColumnShapes + trends) / 2.0 : ColumnShapes;
}
