namespace SynthFixtures.Metadata.Relational;

/// <summary>One table of a <see cref="RelationalMetadata"/>.</summary>
public sealed record RelationalTable
{
    /// <summary>The table's name as the source spells it (a database table, or a CSV file's name without extension).</summary>
    public required string Name { get; init; }

    /// <summary>The primary key's columns in key order; empty when the table has none (a link table may have none).</summary>
    public IReadOnlyList<string> PrimaryKey { get; init; } = [];

    /// <summary>The columns in source order with their declared SQL types, so a generated database can be created like the source.</summary>
    public required IReadOnlyList<SqlColumn> Columns { get; init; }

    /// <summary>The columns' profiled metadata (kinds, formats); <c>null</c> until the table's rows are profiled.</summary>
    public TableMetadata? Profile { get; init; }

    /// <summary>Where the table and its key came from (a schema, or the evidence detection found), for reports.</summary>
    public string? Evidence { get; init; }
}

/// <summary>A column as a database declares it.</summary>
/// <param name="Name">The column name.</param>
/// <param name="DeclaredType">
/// The type as the source declares it (<c>NVARCHAR(70)</c>, <c>INTEGER</c>, <c>numeric(10,2)</c>), or for CSV sources the
/// portable type inferred from the column kind (<c>INTEGER</c>, <c>REAL</c>, <c>TEXT</c>, <c>TIMESTAMP</c>).
/// </param>
/// <param name="Nullable">Whether the column may hold NULL.</param>
public sealed record SqlColumn(string Name, string DeclaredType, bool Nullable);
