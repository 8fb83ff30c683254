namespace SynthFixtures.Evaluation;

/// <summary>How well the relation between two columns is reproduced.</summary>
/// <param name="ColumnA">The first column (earlier in the metadata).</param>
/// <param name="ColumnB">The second column.</param>
/// <param name="Metric"><see cref="QualityMetric.CorrelationSimilarity"/> for two numeric or datetime columns, otherwise <see cref="QualityMetric.ContingencySimilarity"/>.</param>
/// <param name="Score">The metric's score in [0, 1]; 1 is a perfect match.</param>
/// <param name="RealCorrelation">For correlation: Pearson's ρ in the real table (<c>null</c> when undefined or for contingency).</param>
/// <param name="SyntheticCorrelation">For correlation: Pearson's ρ in the synthetic table (<c>null</c> when undefined or for contingency).</param>
/// <param name="RealAssociation">For contingency: Cramér's V of the real table (<see cref="CramersV"/>; <c>null</c> when undefined or for correlation).</param>
public sealed record ColumnPairScore(string ColumnA, string ColumnB, QualityMetric Metric, double Score,
    double? RealCorrelation = null, double? SyntheticCorrelation = null, double? RealAssociation = null)
{
    /// <summary>Whether the real data relates the two columns strongly enough for SDMetrics' report to count the pair (<see cref="AssociatedPairs"/>).</summary>
    public bool IsAssociated => AssociatedPairs.IsAssociated(this);
}
