namespace SynthFixtures.Modeling.PrivacyFilters;

/// <summary>How the privacy filters learn their thresholds and how hard sampling tries to refill what they drop.</summary>
public sealed record PrivacyFilterOptions
{
    /// <summary>The filters to apply.</summary>
    public PrivacyFilterKinds Kinds { get; init; } = PrivacyFilterKinds.Both;

    /// <summary>
    /// The similarity threshold is this quantile of the holdout rows' distances to their nearest reference row: a
    /// synthetic row at or below it is closer to a training row than all but this share of genuinely new real rows.
    /// </summary>
    public double SimilarityQuantile { get; init; } = 0.05;

    /// <summary>The outlier threshold is this quantile of the same distances: a synthetic row above it is dropped.</summary>
    public double OutlierQuantile { get; init; } = 0.99;

    /// <summary>Without a holdout, this share of the reference rows (chosen with <see cref="Seed"/>) plays the holdout against the rest.</summary>
    public double HoldoutFraction { get; init; } = 0.2;

    /// <summary>At most this many holdout rows are measured (a seeded sample of them beyond): enough for a 1 % quantile.</summary>
    public int MaxHoldoutRows { get; init; } = 10_000;

    /// <summary>Seed of the holdout split, the holdout sample and the search's column order.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>
    /// Candidate rows drawn per requested row (at least <see cref="MinimumCandidates"/>) before sampling gives up: a
    /// filter that drops more than nearly all of them is reported as an error rather than searched for ever.
    /// </summary>
    public int CandidatesPerRow { get; init; } = 10;

    /// <summary>The smallest candidate budget, so a request for a few rows still tries hard enough.</summary>
    public int MinimumCandidates { get; init; } = 10_000;
}
