using System.Globalization;
using SynthFixtures.Modeling.PrivacyFilters;

namespace SynthFixtures.Evaluation.Report;

/// <summary>One sentence on what the sampling privacy filters dropped, shared by the console, Markdown and HTML writers.</summary>
public static class PrivacyFilterText
{
    /// <summary>E.g. "the similarity filter (DCR ≤ 0.0010, the holdout's 5 % quantile) dropped 163 and the outlier filter … of 27,977 candidate rows; 26,000 kept".</summary>
    public static string Describe(PrivacyFilterSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var parts = new List<string>();
        if (summary.Similarity)
            parts.Add(string.Create(CultureInfo.InvariantCulture,
                $"the similarity filter (DCR ≤ {summary.SimilarityThreshold:F4}, the holdout's {summary.SimilarityQuantile:P0} quantile) dropped {summary.DroppedAsTooSimilar:N0}"));
        if (summary.Outliers)
            parts.Add(string.Create(CultureInfo.InvariantCulture,
                $"the outlier filter (DCR > {summary.OutlierThreshold:F4}, the holdout's {summary.OutlierQuantile:P0} quantile) dropped {summary.DroppedAsOutliers:N0}"));
        var holdout = summary.HoldoutSource == "given" ? "a holdout" : "a split of the reference";
        return string.Create(CultureInfo.InvariantCulture,
            $"{string.Join(" and ", parts)} of {summary.Candidates:N0} candidate rows; {summary.Kept:N0} kept (thresholds from {summary.HoldoutRows:N0} rows of {holdout}, against {summary.ReferenceRows:N0} reference rows)");
    }
}
