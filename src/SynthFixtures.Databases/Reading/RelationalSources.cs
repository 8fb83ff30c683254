using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Databases.Reading;

/// <summary>
/// One entry point for every relational source a user names: a folder of CSVs (<see cref="RelationalCsvFolder"/>), a
/// SQLite file (<c>.sqlite</c>, <c>.db</c>, any existing file) or <c>Data Source=…</c> string, or a PostgreSQL
/// <c>Host=…</c> connection string (<see cref="DatabaseReader"/>).
/// </summary>
public static class RelationalSources
{
    /// <summary>
    /// Reads the tables, keys and rows at <paramref name="from"/>, profiled and checked. For a folder, the options'
    /// metadata file gives the keys; for a database, it adds keys and sum rules to the schema's (<see cref="RelationalMetadataOverlay"/>).
    /// </summary>
    /// <exception cref="SynthDataException">The source is missing or unreadable, or its keys or rows are inconsistent.</exception>
    public static RelationalDataset Read(string from, RelationalReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        options ??= new RelationalReadOptions();
        if (IsFolder(from)) return RelationalCsvFolder.Read(from, options.MetadataPath, options.Csv, cancellationToken);
        var location = DatabaseLocation.Parse(from);
        if (options.MetadataPath is null) return DatabaseReader.Read(location, cancellationToken);
        // The file's keys and sum rules join the schema's before the rows are profiled and checked, so an added key is
        // not learned as a column and its orphans are found like a declared key's.
        var declared = RelationalMetadataJson.Load(options.MetadataPath);
        return DatabaseReader.Read(location, schema => RelationalMetadataOverlay.Apply(schema, declared, options.MetadataPath), cancellationToken);
    }

    /// <summary>
    /// The rows at <paramref name="from"/> (a folder with one CSV per table, or a database) for the tables of
    /// <paramref name="shape"/>, paired with it and not checked: a generated database read back to be compared with its source.
    /// </summary>
    /// <exception cref="SynthDataException">The source is missing or unreadable, or lacks a table or column of <paramref name="shape"/>.</exception>
    public static RelationalDataset ReadLike(string from, RelationalMetadata shape, RelationalReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(shape);
        if (!IsFolder(from)) return DatabaseReader.ReadRows(DatabaseLocation.Parse(from), shape, cancellationToken);
        var rows = new Dictionary<string, Data.Table>(StringComparer.Ordinal);
        foreach (var table in shape.Tables)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.Combine(from, table.Name + ".csv");
            var read = Data.CsvTableReader.Read(path, options?.Csv);
            var expected = table.Columns.Select(c => c.Name).ToList();
            if (!read.ColumnNames.SequenceEqual(expected, StringComparer.Ordinal))
                throw new SynthDataException($"Table '{table.Name}' has columns ({string.Join(", ", read.ColumnNames)}) here but ({string.Join(", ", expected)}) in the source.",
                    path, hint: "Compare a generated folder with the database or folder it was learned from.");
            rows[table.Name] = read;
        }
        return new RelationalDataset(shape, rows);
    }

    /// <summary>Whether <paramref name="from"/> names a folder of CSVs rather than a database.</summary>
    public static bool IsFolder(string from) => !string.IsNullOrWhiteSpace(from) && !from.Contains('=', StringComparison.Ordinal) && Directory.Exists(from);
}
