namespace SynthFixtures.Modeling.PrivacyFilters;

/// <summary>
/// What the privacy filters did to one sample: their thresholds, where those were learned, and how many candidate rows
/// each dropped. Written as JSON beside the sample (<see cref="PrivacyFilterSummaryJson"/>) so the evaluation report
/// can show it.
/// </summary>
public sealed record PrivacyFilterSummary
{
    /// <summary>Whether the similarity filter ran.</summary>
    public required bool Similarity { get; init; }

    /// <summary>Whether the outlier filter ran.</summary>
    public required bool Outliers { get; init; }

    /// <summary>The quantile of the holdout distances the similarity threshold is.</summary>
    public required double SimilarityQuantile { get; init; }

    /// <summary>The quantile of the holdout distances the outlier threshold is.</summary>
    public required double OutlierQuantile { get; init; }

    /// <summary>A synthetic row at this distance or closer to a reference row is dropped (when <see cref="Similarity"/>).</summary>
    public required double SimilarityThreshold { get; init; }

    /// <summary>A synthetic row farther than this from every reference row is dropped (when <see cref="Outliers"/>).</summary>
    public required double OutlierThreshold { get; init; }

    /// <summary>Rows of the reference (training) table the synthetic rows are measured against.</summary>
    public required int ReferenceRows { get; init; }

    /// <summary>Holdout rows whose distances set the thresholds.</summary>
    public required int HoldoutRows { get; init; }

    /// <summary>Where the holdout came from: <c>given</c> (a table of real rows the model never saw) or <c>split</c> (a seeded share of the reference, measured against the rest).</summary>
    public required string HoldoutSource { get; init; }

    /// <summary>Columns in the distance (the modelled ones).</summary>
    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>Candidate rows looked at, up to the last row kept.</summary>
    public long Candidates { get; init; }

    /// <summary>Candidates dropped by the similarity filter.</summary>
    public long DroppedAsTooSimilar { get; init; }

    /// <summary>Candidates dropped by the outlier filter.</summary>
    public long DroppedAsOutliers { get; init; }

    /// <summary>Rows kept (the rows written).</summary>
    public long Kept { get; init; }
}
