using System.Text.Json.Serialization;

namespace SynthFixtures.Metadata.Sequences;

/// <summary>
/// How one table holds sequences: rows that share the <see cref="EntityColumns"/> cells are one entity's history (a
/// customer's invoices, a sensor's readings, a symbol's prices), ordered by <see cref="IndexColumn"/>; the
/// <see cref="ContextColumns"/> hold one value per entity (plan, region) and every other modelled column is a per-step
/// column. Sequences may have unequal lengths.
/// </summary>
public sealed record SequenceMetadata
{
    /// <summary>The column or columns whose cells name the entity (together, when several).</summary>
    [JsonPropertyName("entity")]
    public required IReadOnlyList<string> EntityColumns { get; init; }

    /// <summary>The column that orders an entity's steps (datetime or integer), or <c>null</c> for the file's row order.</summary>
    [JsonPropertyName("index")]
    public string? IndexColumn { get; init; }

    /// <summary>Columns constant within every entity, learned once per entity (with the sequence length) by a tabular model.</summary>
    [JsonPropertyName("context")]
    public IReadOnlyList<string> ContextColumns { get; init; } = [];

    /// <summary>Whether <paramref name="column"/> is an entity, index or context column (so not a per-step column).</summary>
    public bool IsEntityLevel(string column) =>
        EntityColumns.Contains(column, StringComparer.Ordinal) || ContextColumns.Contains(column, StringComparer.Ordinal)
        || string.Equals(column, IndexColumn, StringComparison.Ordinal);

    /// <summary>Value equality over the column lists' contents.</summary>
    public bool Equals(SequenceMetadata? other) =>
        other is not null && EntityColumns.SequenceEqual(other.EntityColumns, StringComparer.Ordinal)
        && string.Equals(IndexColumn, other.IndexColumn, StringComparison.Ordinal)
        && ContextColumns.SequenceEqual(other.ContextColumns, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(EntityColumns.Count, IndexColumn, ContextColumns.Count);
}
