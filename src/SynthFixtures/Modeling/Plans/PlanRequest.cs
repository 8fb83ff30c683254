using SynthFixtures.Sampling;

namespace SynthFixtures.Modeling.Plans;

/// <summary>
/// One request of a <see cref="GenerationPlan"/>: exactly <see cref="Count"/> rows, each meeting <see cref="Where"/>
/// (a SQL-style condition) and <see cref="Conditions"/> when they are given.
/// </summary>
/// <param name="Count">Rows this request contributes (zero or more).</param>
public sealed record PlanRequest(int Count)
{
    /// <summary>A short name for reports (an equalized request is named after its label); <c>null</c>: its position.</summary>
    public string? Name { get; init; }

    /// <summary>A SQL-style condition every row of the request meets, e.g. <c>fraud = 1 AND amount &gt; 100</c>; <c>null</c>: none.</summary>
    public string? Where { get; init; }

    /// <summary>Column conditions every row of the request meets (an equalized label is one); empty: none.</summary>
    public IReadOnlyList<Condition> Conditions { get; init; } = [];

    /// <summary>How the request reads in reports: its name, or its count and conditions.</summary>
    public string Describe()
    {
        if (Name is not null) return Name;
        var parts = Conditions.Select(c => c.ToString()).ToList();
        if (Where is not null) parts.Add(Where);
        return parts.Count == 0 ? "(no condition)" : string.Join(" AND ", parts);
    }

    /// <summary>Value equality over the condition list (records compare lists by reference otherwise).</summary>
    public bool Equals(PlanRequest? other) =>
        other is not null && Count == other.Count && Name == other.Name && Where == other.Where && Conditions.SequenceEqual(other.Conditions);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Count, Name, Where, Conditions.Count);
}
