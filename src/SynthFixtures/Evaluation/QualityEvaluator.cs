using SynthFixtures.Data;
using SynthFixtures.Metadata;

namespace SynthFixtures.Evaluation;

/// <summary>
/// Computes the <see cref="QualityReport"/> of a synthetic table against the real one, with SDMetrics' definitions:
/// Column Shapes over every modelled column (<see cref="ColumnMetadata.IsModelled"/>), Column Pair Trends over every
/// pair of them, Overall the mean of the two; beside it SDMetrics' view over the associated pairs only
/// (<see cref="AssociatedPairs"/>). Columns that are generated rather than learned (keys, free text, personal data)
/// have no distribution to compare and are listed in <see cref="QualityReport.NotScored"/> with the reason. Each column
/// is parsed and coded once; pairs are scored in parallel into fixed slots and averaged in order, so the report is the
/// same, to the bit, whatever the number of threads.
/// </summary>
public static class QualityEvaluator
{
    /// <summary>Evaluates <paramref name="synthetic"/> against <paramref name="real"/>.</summary>
    /// <param name="real">The real (reference) table.</param>
    /// <param name="synthetic">The synthetic table; extra columns are ignored.</param>
    /// <param name="metadata">Column kinds; only modelled columns are scored (keys, free text and PII are listed as not scored).</param>
    /// <param name="progress">Receives one line per stage.</param>
    /// <param name="ct">Cancels the evaluation.</param>
    /// <exception cref="SynthDataException">A table lacks an evaluated column, has no rows, a numeric cell does not
    /// parse, or the metadata has no modelled column.</exception>
    public static QualityReport Evaluate(Table real, Table synthetic, TableMetadata metadata,
        IProgress<string>? progress = null, CancellationToken ct = default) =>
        EvaluateCore(real, synthetic, metadata, progress, ct, maxDegreeOfParallelism: -1);

    /// <summary>As the public overload, with the number of threads bounded (−1: no bound); for tests and benchmarks.</summary>
    internal static QualityReport EvaluateCore(Table real, Table synthetic, TableMetadata metadata,
        IProgress<string>? progress, CancellationToken ct, int maxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        ArgumentNullException.ThrowIfNull(metadata);
        var options = new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = maxDegreeOfParallelism };
        progress?.Report($"Preparing columns ({real.RowCount} real rows, {synthetic.RowCount} synthetic rows)");
        var columns = PreparedColumns.Prepare(real, synthetic, null, metadata, options);
        return FromColumns(columns, metadata, options, progress);
    }

    /// <summary>The report from columns prepared by <see cref="PreparedColumns"/> (shared with the other reports).</summary>
    internal static QualityReport FromColumns(EvaluatedColumn[] columns, TableMetadata metadata, ParallelOptions options,
        IProgress<string>? progress)
    {
        var notScored = metadata.Columns.Select(UnscoredColumn.Of).OfType<UnscoredColumn>().ToArray();
        var shapes = new ColumnShapeScore[columns.Length];
        Parallel.For(0, columns.Length, options, i => shapes[i] = columns[i].ShapeScore());
        var columnShapes = Mean(shapes.Select(s => s.Score));
        progress?.Report($"Column shapes: {columnShapes:F4} over {shapes.Length} columns");

        var pairIndex = new List<(int A, int B)>();
        for (var a = 0; a < columns.Length; a++)
            for (var b = a + 1; b < columns.Length; b++)
                pairIndex.Add((a, b));
        var pairs = new ColumnPairScore[pairIndex.Count];
        if (pairs.Length > 0)
        {
            progress?.Report($"Scoring {pairs.Length} column pairs");
            Parallel.For(0, pairs.Length, options, p => pairs[p] = ScorePair(columns[pairIndex[p].A], columns[pairIndex[p].B]));
        }
        double? pairTrends = pairs.Length > 0 ? Mean(pairs.Select(p => p.Score)) : null;
        if (pairTrends is { } trends) progress?.Report($"Column pair trends: {trends:F4} over {pairs.Length} pairs");

        var overall = pairTrends is { } t ? (columnShapes + t) / 2.0 : columnShapes;
        var report = new QualityReport
        {
            Overall = overall,
            ColumnShapes = columnShapes,
            ColumnPairTrends = pairTrends,
            Columns = shapes,
            Pairs = pairs,
            NotScored = notScored,
        };
        if (QualityHeadline.NotScored(report) is { } unscored) progress?.Report(unscored);
        progress?.Report($"Overall quality: {overall:F4} {QualityHeadline.Coverage(report)}; as SDMetrics (associated pairs only): {report.AssociatedOverall:F4}");
        return report;
    }

    /// <summary>One pair's trend score with the report's metrics (shared with the parent–child pairs of a multi-table report).</summary>
    internal static ColumnPairScore ScorePair(EvaluatedColumn a, EvaluatedColumn b)
    {
        if (a.IsNumeric && b.IsNumeric)
        {
            var result = CorrelationSimilarity.Compute(a.RealValues, b.RealValues, a.SyntheticValues, b.SyntheticValues);
            return new ColumnPairScore(a.Metadata.Name, b.Metadata.Name, QualityMetric.CorrelationSimilarity, result.Score,
                result.RealCorrelation, result.SyntheticCorrelation);
        }
        var score = ContingencySimilarity.Compute(a.RealCodes, b.RealCodes, a.SyntheticCodes, b.SyntheticCodes, a.CodeCount, b.CodeCount);
        var association = CramersV.Compute(a.RealCodes, b.RealCodes, a.CodeCount, b.CodeCount);
        return new ColumnPairScore(a.Metadata.Name, b.Metadata.Name, QualityMetric.ContingencySimilarity, score, RealAssociation: association);
    }

    private static double Mean(IEnumerable<double> scores)
    {
        double sum = 0;
        var count = 0;
        foreach (var score in scores)
        {
            sum += score;
            count++;
        }
        return sum / count;
    }
}
