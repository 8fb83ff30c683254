namespace SynthFixtures.Evaluation.Relational;

/// <summary>How a multi-table evaluation runs (<see cref="RelationalEvaluationService"/>); the defaults keep it cheap on any database size.</summary>
public sealed record RelationalEvaluationOptions
{
    /// <summary>Seed of every random choice (which joined rows and which parent–child pairs are scored when capped).</summary>
    public long Seed { get; init; } = 1;

    /// <summary>How the real database is named in the report (a file name, or a connection string's display form).</summary>
    public string RealName { get; init; } = "real";

    /// <summary>How the synthetic database is named in the report.</summary>
    public string SyntheticName { get; init; } = "synthetic";

    /// <summary>At most this many joined child–parent rows per side and foreign key are scored (a seeded sample when more).</summary>
    public int MaxJoinedRows { get; init; } = 10_000;

    /// <summary>At most this many parent–child column pairs are scored per foreign key (a seeded choice when more).</summary>
    public int MaxPairsPerKey { get; init; } = 50;

    /// <summary>At most this many orphan values and duplicated keys are listed per check (all are counted).</summary>
    public int ListedValues { get; init; } = 20;

    /// <summary>Throws when a setting is out of range.</summary>
    internal void Check()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxJoinedRows, 2, nameof(MaxJoinedRows));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPairsPerKey, 1, nameof(MaxPairsPerKey));
        ArgumentOutOfRangeException.ThrowIfNegative(ListedValues, nameof(ListedValues));
        ArgumentNullException.ThrowIfNull(RealName);
        ArgumentNullException.ThrowIfNull(SyntheticName);
    }
}
