using SynthFixtures.Data;

namespace SynthFixtures.Metadata.Relational;

/// <summary>
/// A set of related tables with their rows: a source read for training, or a generated database on its way to a
/// folder of CSVs, a SQLite file or a PostgreSQL server.
/// </summary>
public sealed class RelationalDataset
{
    private readonly Dictionary<string, Table> _tables;

    /// <summary>Pairs the metadata with one table of rows per metadata table.</summary>
    /// <exception cref="ArgumentException">A metadata table has no rows given, rows are given for a table the metadata lacks, or a table's columns differ from its metadata's.</exception>
    public RelationalDataset(RelationalMetadata metadata, IReadOnlyDictionary<string, Table> tables)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(tables);
        _tables = new Dictionary<string, Table>(StringComparer.Ordinal);
        foreach (var table in metadata.Tables)
        {
            if (!tables.TryGetValue(table.Name, out var rows))
                throw new ArgumentException($"No rows were given for table '{table.Name}'.", nameof(tables));
            var expected = table.Columns.Select(c => c.Name).ToList();
            if (!expected.SequenceEqual(rows.ColumnNames, StringComparer.Ordinal))
                throw new ArgumentException(
                    $"Table '{table.Name}' has columns ({string.Join(", ", rows.ColumnNames)}) but its metadata lists ({string.Join(", ", expected)}).",
                    nameof(tables));
            _tables.Add(table.Name, rows);
        }
        if (tables.Keys.FirstOrDefault(name => !_tables.ContainsKey(name)) is { } extra)
            throw new ArgumentException($"Rows were given for table '{extra}', which the metadata does not list.", nameof(tables));
        Metadata = metadata;
    }

    /// <summary>The tables' shape and keys.</summary>
    public RelationalMetadata Metadata { get; }

    /// <summary>The rows of the table named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No table has that name.</exception>
    public Table this[string name] =>
        _tables.TryGetValue(name, out var table) ? table : throw new KeyNotFoundException($"No table is named '{name}'.");

    /// <summary>Every table's rows, in metadata order.</summary>
    public IEnumerable<(RelationalTable Table, Table Rows)> Tables => Metadata.Tables.Select(t => (t, _tables[t.Name]));

    /// <summary>The total number of rows over all tables.</summary>
    public long RowCount => _tables.Values.Sum(t => (long)t.RowCount);
}
