namespace SynthFixtures.Metadata;

/// <summary>
/// The schema of one table: its columns in file order and its primary key. Produced by the profiler, saved as JSON
/// (<c>MetadataJson</c>) for a user to edit, and passed back to training and evaluation.
/// </summary>
public sealed record TableMetadata
{
    /// <summary>The metadata format version written to JSON.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Format version of this document.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Columns in file order.</summary>
    public required IReadOnlyList<ColumnMetadata> Columns { get; init; }

    /// <summary>The name of the primary-key column, if any.</summary>
    public string? PrimaryKey { get; init; }

    /// <summary>
    /// Rules every row keeps (fixed combinations, inequalities, derived columns, identifier formats), in the order
    /// written; <c>null</c> when there are none (so metadata without rules is written as before).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Rules.TableRule>? Rules { get; init; }

    /// <summary>
    /// How the table holds sequences (entity, index and context columns), when it does; <c>null</c> for a table of
    /// independent rows (so such metadata is written as before).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Sequences.SequenceMetadata? Sequence { get; init; }

    /// <summary>The column called <paramref name="name"/>, or <c>null</c>.</summary>
    public ColumnMetadata? Find(string name) => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>Value equality over the column list (records compare lists by reference otherwise).</summary>
    public bool Equals(TableMetadata? other) =>
        other is not null && SchemaVersion == other.SchemaVersion && PrimaryKey == other.PrimaryKey && Columns.SequenceEqual(other.Columns)
        && (Rules ?? []).SequenceEqual(other.Rules ?? []) && Equals(Sequence, other.Sequence);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(SchemaVersion, PrimaryKey, Columns.Count);
}
