using SynthFixtures.Evaluation.Privacy;
using SynthFixtures.Evaluation.Utility;

namespace SynthFixtures.Evaluation.Sequences;

/// <summary>
/// How closely synthetic sequences match real ones: the distribution of every step column over all steps, of the context
/// columns (one row per entity), of sequence lengths and of the index's start and steps; autocorrelation at lags 1…k and
/// the correlation between columns within entities; the distribution of step-to-step changes; a detection score from a
/// classifier on per-sequence summaries; and per-entity privacy (sequences copied whole, DCR on the summaries). Every
/// score is in [0, 1], higher better. Every column is scored or listed in <see cref="NotScored"/> with the reason, and a
/// part a column could not be scored in is listed in <see cref="SkippedParts"/>. Produced by
/// <see cref="SequenceEvaluator"/>; written by <see cref="SequenceReportJson"/>, <see cref="SequenceReportMarkdown"/> and
/// SynthFixtures.Reports' HTML.
/// </summary>
public sealed class SequenceQualityReport
{
    /// <summary>The headline: the mean of the parts that could be computed (<see cref="Parts"/>); detection and privacy are reported beside it, not in it.</summary>
    public required double Overall { get; init; }

    /// <summary>Each part of <see cref="Overall"/> in a fixed order, with its score (<c>null</c> when it could not be computed) and what it measures.</summary>
    public required IReadOnlyList<SequencePart> Parts { get; init; }

    /// <summary>Each modelled step column's shape over all steps of all entities (KS or TV complement).</summary>
    public required IReadOnlyList<ColumnShapeScore> StepShapes { get; init; }

    /// <summary>Each modelled context column's shape over one row per entity.</summary>
    public required IReadOnlyList<ColumnShapeScore> ContextShapes { get; init; }

    /// <summary>The number of entities and steps per entity on both sides.</summary>
    public required SequenceLengths Lengths { get; init; }

    /// <summary>Where sequences start and how far apart their steps are; <c>null</c> when the steps are ordered by the file (no index column).</summary>
    public SequenceIndexShape? Index { get; init; }

    /// <summary>Per numeric step column, its mean autocorrelation at lags 1…k on both sides.</summary>
    public required IReadOnlyList<AutocorrelationScore> Autocorrelations { get; init; }

    /// <summary>Per pair of numeric step columns, their mean within-entity correlation on both sides.</summary>
    public required IReadOnlyList<CrossCorrelationScore> CrossCorrelations { get; init; }

    /// <summary>Per step column, the distribution of its step-to-step changes.</summary>
    public required IReadOnlyList<StepChangeScore> StepChanges { get; init; }

    /// <summary>The classifier on per-sequence summaries; <c>null</c> when not run (<see cref="DetectionSkipReason"/>).</summary>
    public SequenceDetection? Detection { get; init; }

    /// <summary>Why detection did not run, or <c>null</c>.</summary>
    public string? DetectionSkipReason { get; init; }

    /// <summary>Sequences copied whole and distances between per-sequence summaries.</summary>
    public required SequencePrivacy Privacy { get; init; }

    /// <summary>Columns with no score at all, with the reason (entity keys, identifiers, free text, personal data).</summary>
    public required IReadOnlyList<SkippedSequenceColumn> NotScored { get; init; }

    /// <summary>Columns (or pairs) left out of one part, with the reason (e.g. a column constant within every real entity has no autocorrelation).</summary>
    public required IReadOnlyList<SkippedSequenceColumn> SkippedParts { get; init; }

    /// <summary>Sequences drawn real beside synthetic, for the HTML report.</summary>
    public required IReadOnlyList<SequencePlot> Plots { get; init; }

    /// <summary>What was compared, with which settings, and how long each stage took.</summary>
    public required SequenceAudit Audit { get; init; }

    /// <summary>The number of columns of the table (all kinds).</summary>
    public required int TableColumns { get; init; }

    /// <summary>"over all 7 columns" or "over 5 of 7 columns (not scored: id (identifier), …)".</summary>
    public string Coverage => NotScored.Count == 0
        ? $"over all {TableColumns} columns"
        : $"over {TableColumns - NotScored.Count} of {TableColumns} columns (not scored: {string.Join(", ", NotScored.Select(s => $"{s.Column} ({s.Reason})"))})";
}

/// <summary>One part of the headline.</summary>
/// <param name="Name">The part ("step column shapes", "autocorrelation", …).</param>
/// <param name="Score">Its score, or <c>null</c> when nothing could be scored.</param>
/// <param name="Description">What it measures, in words.</param>
public sealed record SequencePart(string Name, double? Score, string Description);

/// <summary>A column (or a pair, "a × b") with no score, in one part or at all.</summary>
/// <param name="Column">The column or pair.</param>
/// <param name="Part">The part it is left out of; <c>null</c> when it is not scored anywhere.</param>
/// <param name="Reason">Why, in words.</param>
public sealed record SkippedSequenceColumn(string Column, string? Part, string Reason);

/// <summary>Entities and their lengths on both sides.</summary>
/// <param name="Score">1 − min(1, W₁ / s), graded by how many steps the lengths are off (<see cref="LengthScore"/>).</param>
/// <param name="RealEntities">Real entities.</param>
/// <param name="SyntheticEntities">Synthetic entities.</param>
/// <param name="RealMean">Mean steps per real entity.</param>
/// <param name="SyntheticMean">Mean steps per synthetic entity.</param>
/// <param name="RealMin">Fewest steps of a real entity.</param>
/// <param name="SyntheticMin">Fewest steps of a synthetic entity.</param>
/// <param name="RealMax">Most steps of a real entity.</param>
/// <param name="SyntheticMax">Most steps of a synthetic entity.</param>
public sealed record SequenceLengths(double Score, int RealEntities, int SyntheticEntities, double RealMean, double SyntheticMean,
    int RealMin, int SyntheticMin, int RealMax, int SyntheticMax)
{
    /// <summary>The earth mover's distance W₁ between the real and synthetic lengths, in steps (<see cref="LengthScore"/>).</summary>
    public double Distance { get; init; }

    /// <summary>The steps W₁ is divided by: max(real sd, 0.1 · real mean, 1).</summary>
    public double Scale { get; init; }
}

/// <summary>The index column's start per entity and its steps within entities.</summary>
/// <param name="Column">The index column.</param>
/// <param name="Score">The mean of <paramref name="StartScore"/> and <paramref name="StepScore"/>.</param>
/// <param name="StartScore">KS complement of the first index value per entity.</param>
/// <param name="StepScore">KS complement of the differences between consecutive index values (seconds for datetimes); 1 when neither side has two steps.</param>
public sealed record SequenceIndexShape(string Column, double Score, double StartScore, double StepScore);

/// <summary>
/// A numeric step column's autocorrelation: for each lag ℓ = 1…k, each entity's sample autocorrelation
/// r_ℓ = Σ_t (x_t − x̄)(x_{t+ℓ} − x̄) / Σ_t (x_t − x̄)² (x̄ and the sums over the entity's present values; a pair counts
/// when both values are present), averaged over the entities where it is defined (at least two pairs, not constant).
/// The similarity at a lag is 1 − |r̄_real − r̄_synthetic| / 2 (a synthetic side with no defined value counts as 0);
/// <see cref="Score"/> is its mean over the lags the real side defines.
/// </summary>
/// <param name="Column">The column.</param>
/// <param name="Score">The mean similarity over the lags.</param>
/// <param name="Real">Mean real autocorrelation per lag (index 0 is lag 1); <c>null</c> where no entity defines it.</param>
/// <param name="Synthetic">Mean synthetic autocorrelation per lag.</param>
public sealed record AutocorrelationScore(string Column, double Score, IReadOnlyList<double?> Real, IReadOnlyList<double?> Synthetic);

/// <summary>
/// Two numeric step columns' correlation within entities: each entity's Pearson ρ over its steps, averaged over the
/// entities where it is defined; the score is 1 − |ρ̄_real − ρ̄_synthetic| / 2 (an undefined synthetic mean counts as 0).
/// </summary>
/// <param name="ColumnA">The first column.</param>
/// <param name="ColumnB">The second column.</param>
/// <param name="Score">The similarity.</param>
/// <param name="Real">Mean within-entity ρ, real.</param>
/// <param name="Synthetic">Mean within-entity ρ, synthetic; <c>null</c> when no synthetic entity defines it.</param>
public sealed record CrossCorrelationScore(string ColumnA, string ColumnB, double Score, double Real, double? Synthetic);

/// <summary>
/// The distribution of a step column's changes from one step to the next within entities: for a numeric or datetime
/// column the differences x_t − x_{t−1} (both present) compared by <see cref="QualityMetric.KSComplement"/>; for a
/// categorical or boolean column the transitions (previous category, next category), a missing cell counting as a
/// category, compared by <see cref="QualityMetric.TVComplement"/>.
/// </summary>
/// <param name="Column">The column.</param>
/// <param name="Metric">KS complement of the differences, or TV complement of the transitions.</param>
/// <param name="Score">The score.</param>
/// <param name="RealChanges">Real differences or transitions counted.</param>
/// <param name="SyntheticChanges">Synthetic ones counted.</param>
public sealed record StepChangeScore(string Column, QualityMetric Metric, double Score, int RealChanges, int SyntheticChanges);

/// <summary>The detection metric on per-sequence summaries.</summary>
/// <param name="Best">The detector that told the sides apart best (its score is the detection score).</param>
/// <param name="Detectors">Every detector's result.</param>
/// <param name="Features">The summary features each entity is described by.</param>
public sealed record SequenceDetection(DetectionScore Best, IReadOnlyList<DetectionScore> Detectors, IReadOnlyList<string> Features)
{
    /// <summary>1 − (max(0.5, AUC)·2 − 1) of <see cref="Best"/>.</summary>
    public double Score => Best.Score;

    /// <summary>
    /// <c>null</c> when whole entities were classified; otherwise the length of the non-overlapping windows the entities
    /// were cut into, because a side had too few entities.
    /// </summary>
    public int? WindowLength { get; init; }
}

/// <summary>Per-entity privacy.</summary>
/// <param name="CopiedEntities">Synthetic entities whose every step (all step columns, same length) equals a real training entity's.</param>
/// <param name="SyntheticEntities">Synthetic entities compared.</param>
/// <param name="CopiedFromHoldout">Synthetic entities equal to a holdout entity, a baseline for sequences that recur naturally; <c>null</c> without a holdout.</param>
/// <param name="Dcr">DCR and its baselines on the per-sequence summaries (the single-table privacy metrics, one row per entity).</param>
/// <param name="Features">The summary features the distances are taken over.</param>
public sealed record SequencePrivacy(int CopiedEntities, int SyntheticEntities, int? CopiedFromHoldout, PrivacyReport Dcr, IReadOnlyList<string> Features)
{
    /// <summary>The share of synthetic entities that are not copies: 1 when none is.</summary>
    public double NotCopiedScore => SyntheticEntities == 0 ? 1.0 : 1.0 - (double)CopiedEntities / SyntheticEntities;
}

/// <summary>One real and one synthetic sequence of a numeric step column, by step number.</summary>
/// <param name="Column">The column drawn.</param>
/// <param name="RealEntity">The real entity's key.</param>
/// <param name="Real">Its values by step (NaN for missing), at most <see cref="SequenceEvaluationOptions.MaxPlotSteps"/>.</param>
/// <param name="SyntheticEntity">The synthetic entity's key.</param>
/// <param name="Synthetic">Its values by step.</param>
public sealed record SequencePlot(string Column, string RealEntity, IReadOnlyList<double> Real, string SyntheticEntity, IReadOnlyList<double> Synthetic);

/// <summary>What a sequence evaluation compared and how long it took.</summary>
/// <param name="RealName">The real table's name.</param>
/// <param name="SyntheticName">The synthetic table's name.</param>
/// <param name="HoldoutName">The holdout table's name, or <c>null</c>.</param>
/// <param name="RealRows">Real rows (steps).</param>
/// <param name="SyntheticRows">Synthetic rows.</param>
/// <param name="EntityColumns">The entity columns.</param>
/// <param name="IndexColumn">The index column, or <c>null</c> for file order.</param>
/// <param name="ContextColumns">The context columns.</param>
/// <param name="MaxLag">The largest autocorrelation lag.</param>
/// <param name="Seed">The evaluation's seed.</param>
/// <param name="ToolVersion">The SynthFixtures version.</param>
/// <param name="Timings">Each stage's wall time, in order.</param>
public sealed record SequenceAudit(string RealName, string SyntheticName, string? HoldoutName, int RealRows, int SyntheticRows,
    IReadOnlyList<string> EntityColumns, string? IndexColumn, IReadOnlyList<string> ContextColumns, int MaxLag, long Seed,
    string ToolVersion, IReadOnlyList<KeyValuePair<string, TimeSpan>> Timings)
{
    /// <summary>The sum of <see cref="Timings"/>.</summary>
    public TimeSpan Total => Timings.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Value);
}
