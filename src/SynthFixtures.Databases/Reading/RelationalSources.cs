using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Databases.Reading;

/// <summary>
/// One entry point for every relational source a user names: a folder of CSVs (<see cref="RelationalCsvFolder"/>), a
/// SQLite file (<c>.sqlite</c>, <c>.db</c>, any existing file) or <c>Data Source=…</c> string, or a PostgreSQL
/// <c>Host=…</c> connection string (<see cref="DatabaseReader"/>).
/// </summary>
public static class RelationalSources
{
    /// <summary>Reads the tables, keys and rows at <paramref name="from"/>, profiled and checked.</summary>
    /// <exception cref="SynthDataException">The source is missing or unreadable, or its keys or rows are inconsistent.</exception>
    public static RelationalDataset Read(string from, RelationalReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        options ??= new RelationalReadOptions();
        if (IsFolder(from)) return RelationalCsvFolder.Read(from, options.MetadataPath, options.Csv, cancellationToken);
        if (options.MetadataPath is not null)
            throw new SynthDataException("A relational metadata file applies to a folder of CSVs; a database declares its own keys.", options.MetadataPath,
                hint: "Leave the metadata out, or export the tables as CSVs into a folder beside the metadata file.");
        return DatabaseReader.Read(DatabaseLocation.Parse(from), cancellationToken);
    }

    /// <summary>Whether <paramref name="from"/> names a folder of CSVs rather than a database.</summary>
    public static bool IsFolder(string from) => !string.IsNullOrWhiteSpace(from) && !from.Contains('=', StringComparison.Ordinal) && Directory.Exists(from);
}
