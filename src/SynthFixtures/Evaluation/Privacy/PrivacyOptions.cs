namespace SynthFixtures.Evaluation.Privacy;

/// <summary>Settings of <see cref="PrivacyEvaluator"/>.</summary>
public sealed record PrivacyOptions
{
    /// <summary>Seed of every random choice (baseline rows, attacked members, column order), so reports repeat exactly.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Relative tolerance under which two numbers count as a copy in new-row synthesis (SDMetrics: 0.01).</summary>
    public double NumericMatchTolerance { get; init; } = NewRowSynthesis.DefaultTolerance;
}
