using SynthFixtures.Data;

namespace SynthFixtures.Metadata.Relational;

/// <summary>
/// A folder of CSVs as a relational source: one table per <c>.csv</c> (or <c>.tsv</c>) file, named by the file name
/// without extension, read with <see cref="CsvTableReader"/>. The keys come from a relational metadata JSON (an
/// explicit path, or <see cref="MetadataFileName"/> beside the CSVs) or, without one, from
/// <see cref="RelationalKeyDetector"/>. Every table is profiled (<see cref="RelationalProfiles"/>) and the result is
/// checked (<see cref="RelationalValidator"/>: unique keys, no orphans) before it is returned.
/// </summary>
public static class RelationalCsvFolder
{
    /// <summary>The relational metadata file read from the folder itself when no other is named.</summary>
    public const string MetadataFileName = "relations.json";

    /// <summary>Reads the folder with the keys from <paramref name="metadataPath"/>, else <see cref="MetadataFileName"/> in the folder, else detection.</summary>
    /// <exception cref="SynthDataException">The folder is missing or has no CSV, a CSV or the JSON is malformed, the JSON does not match the CSVs, or the rows break a key.</exception>
    public static RelationalDataset Read(string folder, string? metadataPath = null, CsvReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        var tables = ReadTables(folder, options, cancellationToken);
        metadataPath ??= File.Exists(Path.Combine(folder, MetadataFileName)) ? Path.Combine(folder, MetadataFileName) : null;
        if (metadataPath is null) return Detect(tables, folder).Dataset;
        var metadata = RelationalMetadataJson.Load(metadataPath);
        Match(metadata, tables, metadataPath, folder);
        var rows = tables.ToDictionary(t => t.Name, t => t.Rows, StringComparer.Ordinal);
        var dataset = new RelationalDataset(RelationalProfiles.Profile(metadata, rows), rows);
        RelationalValidator.Check(dataset, metadataPath);
        return dataset;
    }

    /// <summary>Reads the folder and detects its keys, ignoring any metadata JSON in it (what <c>synthfixtures relations</c> shows for editing).</summary>
    /// <exception cref="SynthDataException">The folder is missing or has no CSV, or a CSV is malformed.</exception>
    public static RelationalDetection Detect(string folder, CsvReadOptions? options = null, CancellationToken cancellationToken = default) =>
        Detect(ReadTables(folder, options, cancellationToken), folder);

    private static RelationalDetection Detect(IReadOnlyList<(string Name, Table Rows)> tables, string folder)
    {
        var (metadata, notes) = RelationalKeyDetector.Detect(tables);
        var rows = tables.ToDictionary(t => t.Name, t => t.Rows, StringComparer.Ordinal);
        var dataset = new RelationalDataset(RelationalProfiles.Profile(metadata, rows), rows);
        // Detected foreign keys hold by construction (full containment), but a detected link-table key or the order may still fail.
        RelationalValidator.Check(dataset, folder);
        return new RelationalDetection(dataset, notes);
    }

    private static List<(string Name, Table Rows)> ReadTables(string folder, CsvReadOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (string.IsNullOrWhiteSpace(folder)) throw new SynthDataException("The folder of CSVs is not named.", hint: "Name a folder holding one CSV per table.");
        if (File.Exists(folder))
            throw new SynthDataException("The path is a file, not a folder of CSVs.", folder, hint: "Name the folder holding one CSV per table.");
        if (!Directory.Exists(folder))
            throw new SynthDataException("The folder of CSVs does not exist.", folder,
                hint: $"Check the path (relative paths are resolved from '{Environment.CurrentDirectory}').");
        var files = Directory.EnumerateFiles(folder)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".csv" or ".tsv")
            .Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
            throw new SynthDataException("The folder has no .csv files.", folder, hint: "Put one CSV per table in it, named after the table (Customer.csv).");
        var tables = new List<(string Name, Table Rows)>(files.Count);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = Path.GetFileNameWithoutExtension(file);
            if (tables.Any(t => string.Equals(t.Name, name, StringComparison.Ordinal)))
                throw new SynthDataException($"Two files hold table '{name}'.", file, hint: "Keep one file per table (either .csv or .tsv).");
            tables.Add((name, CsvTableReader.Read(file, options)));
        }
        return tables;
    }

    private static void Match(RelationalMetadata metadata, IReadOnlyList<(string Name, Table Rows)> tables, string metadataPath, string folder)
    {
        foreach (var table in metadata.Tables)
        {
            var file = tables.FirstOrDefault(t => t.Name == table.Name);
            if (file.Rows is null)
                throw new SynthDataException($"The relational metadata lists table '{table.Name}', but the folder has no {table.Name}.csv.", metadataPath,
                    hint: $"Add the file to '{folder}', or remove the table (and its keys) from the metadata.");
            var header = file.Rows.ColumnNames;
            if (!header.SequenceEqual(table.Columns.Select(c => c.Name), StringComparer.Ordinal))
                throw new SynthDataException(
                    $"Table '{table.Name}' has columns ({string.Join(", ", table.Columns.Select(c => c.Name))}) in the relational metadata but ({string.Join(", ", header)}) in its CSV.",
                    metadataPath, hint: "List the CSV's columns, in its order, in the metadata.");
        }
        if (tables.FirstOrDefault(t => metadata.Tables.All(m => m.Name != t.Name)) is { Rows: not null } extra)
            throw new SynthDataException($"The folder has {Path.GetFileName(extra.Rows.SourcePath)}, but the relational metadata lists no table '{extra.Name}'.", metadataPath,
                hint: "Add the table to the metadata (synthfixtures relations writes every table), or move the file out of the folder.");
    }
}
