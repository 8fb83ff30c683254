using System.Text.RegularExpressions;
using SynthFixtures.Data;
using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Tests.Databases;

/// <summary>
/// Chinook from the shared datasets as a <see cref="RelationalDataset"/>: the metadata read off its schema.sql (columns
/// with declared types and nullability, primary keys, foreign keys), the rows from its CSVs (an empty field is NULL).
/// </summary>
internal static partial class ChinookDataset
{
    /// <summary>Reads the dataset from <paramref name="folder"/>.</summary>
    public static RelationalDataset Load(string folder)
    {
        var tables = new List<RelationalTable>();
        var keys = new List<ForeignKey>();
        foreach (Match create in CreateTable().Matches(File.ReadAllText(Path.Combine(folder, "schema.sql"))))
        {
            var name = create.Groups["name"].Value;
            var columns = new List<SqlColumn>();
            IReadOnlyList<string> primaryKey = [];
            foreach (var line in create.Groups["body"].Value.Split('\n').Select(l => l.Trim().TrimEnd(',')))
            {
                if (Column().Match(line) is { Success: true } column)
                    columns.Add(new SqlColumn(column.Groups["name"].Value, column.Groups["type"].Value, !line.Contains("NOT NULL", StringComparison.Ordinal)));
                else if (PrimaryKey().Match(line) is { Success: true } pk)
                    primaryKey = Names(pk.Groups["columns"].Value);
                else if (Reference().Match(line) is { Success: true } fk)
                    keys.Add(new ForeignKey
                    {
                        ChildTable = name, ChildColumns = Names(fk.Groups["child"].Value),
                        ParentTable = fk.Groups["parent"].Value, ParentColumns = Names(fk.Groups["columns"].Value),
                    });
            }
            tables.Add(new RelationalTable { Name = name, PrimaryKey = primaryKey, Columns = columns, Evidence = "schema.sql" });
        }
        var metadata = new RelationalMetadata { Tables = tables, ForeignKeys = keys };
        var options = new CsvReadOptions { MissingTokens = [""] };
        return new RelationalDataset(metadata, tables.ToDictionary(t => t.Name,
            t => CsvTableReader.Read(Path.Combine(folder, t.Name + ".csv"), options), StringComparer.Ordinal));
    }

    private static IReadOnlyList<string> Names(string list) => list.Split(',').Select(n => n.Trim().Trim('[', ']')).ToList();

    [GeneratedRegex(@"CREATE TABLE \[(?<name>\w+)\]\s*\((?<body>.*?)\n\);", RegexOptions.Singleline)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"^\[(?<name>\w+)\]\s+(?<type>[A-Z]+(?:\(\d+(?:,\d+)?\))?)")]
    private static partial Regex Column();

    [GeneratedRegex(@"PRIMARY KEY\s+\((?<columns>[^)]*)\)")]
    private static partial Regex PrimaryKey();

    [GeneratedRegex(@"^FOREIGN KEY \((?<child>[^)]*)\) REFERENCES \[(?<parent>\w+)\] \((?<columns>[^)]*)\)")]
    private static partial Regex Reference();
}
