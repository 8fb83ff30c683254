namespace SynthFixtures.Evaluation;

/// <summary>
/// Which column pairs SDMetrics' quality report counts: only those whose real data shows a relation. A pair of numeric
/// or datetime columns counts when |Pearson's ρ| in the real table exceeds <see cref="CorrelationThreshold"/>; every
/// other pair (categorical with categorical, and numeric with categorical, the numeric side in the report's ten
/// equal-width bins, a missing cell a category of its own) counts when Cramér's V of the real contingency table exceeds
/// <see cref="AssociationThreshold"/>. A pair whose measure is undefined (a constant column, a side with one label)
/// does not count.
/// </summary>
public static class AssociatedPairs
{
    /// <summary>The |ρ| a numeric pair's real correlation must exceed (SDMetrics' <c>real_correlation_threshold</c>).</summary>
    public const double CorrelationThreshold = 0.5;

    /// <summary>The Cramér's V a contingency pair's real association must exceed (SDMetrics' <c>real_association_threshold</c>).</summary>
    public const double AssociationThreshold = 0.3;

    /// <summary>Whether <paramref name="pair"/> counts in the associated-pairs view.</summary>
    public static bool IsAssociated(ColumnPairScore pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return pair.Metric == QualityMetric.CorrelationSimilarity
            ? pair.RealCorrelation is { } rho && Math.Abs(rho) > CorrelationThreshold
            : pair.RealAssociation is { } v && v > AssociationThreshold;
    }
}
