namespace SynthFixtures.Modeling.PrivacyFilters;

/// <summary>The running counts of one filtered sample: candidates looked at and why each dropped one was dropped.</summary>
internal sealed class FilterTally
{
    public long Candidates { get; private set; }

    public long TooSimilar { get; private set; }

    public long Outliers { get; private set; }

    public long Kept { get; private set; }

    public void Count(RowVerdict verdict)
    {
        Candidates++;
        switch (verdict)
        {
            case RowVerdict.TooSimilar: TooSimilar++; break;
            case RowVerdict.Outlier: Outliers++; break;
            default: Kept++; break;
        }
    }

    /// <summary>The filter's thresholds with these counts.</summary>
    public PrivacyFilterSummary Summarize(PrivacyFilter filter) => filter.Thresholds with
    {
        Candidates = Candidates, DroppedAsTooSimilar = TooSimilar, DroppedAsOutliers = Outliers, Kept = Kept,
    };
}
