namespace SynthFixtures.Metadata.Relational;

/// <summary>
/// The shape of a set of related tables: each table with its primary key and columns, the foreign keys between them
/// (composite and self-referencing ones included) and the sum rules a generated database keeps exactly. Read from a
/// database schema, detected in a folder of CSVs, or loaded from an editable JSON file.
/// </summary>
public sealed record RelationalMetadata
{
    /// <summary>The JSON layout version this record is written with.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The JSON layout version.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>The tables, in the order they were read (not necessarily the order they can be generated in).</summary>
    public required IReadOnlyList<RelationalTable> Tables { get; init; }

    /// <summary>Every foreign key between the tables.</summary>
    public IReadOnlyList<ForeignKey> ForeignKeys { get; init; } = [];

    /// <summary>Columns that equal a sum over their child rows (an invoice's total over its lines).</summary>
    public IReadOnlyList<ChildSumRule> SumRules { get; init; } = [];

    /// <summary>The table named <paramref name="name"/> (ordinal comparison).</summary>
    /// <exception cref="KeyNotFoundException">No table has that name.</exception>
    public RelationalTable Table(string name) =>
        Tables.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"No table is named '{name}'.");

    /// <summary>The foreign keys whose child (referencing) table is <paramref name="table"/>.</summary>
    public IEnumerable<ForeignKey> KeysFrom(string table) =>
        ForeignKeys.Where(k => string.Equals(k.ChildTable, table, StringComparison.Ordinal));

    /// <summary>The foreign keys whose parent (referenced) table is <paramref name="table"/>.</summary>
    public IEnumerable<ForeignKey> KeysTo(string table) =>
        ForeignKeys.Where(k => string.Equals(k.ParentTable, table, StringComparison.Ordinal));
}
