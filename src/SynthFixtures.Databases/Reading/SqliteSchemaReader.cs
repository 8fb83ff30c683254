using Microsoft.Data.Sqlite;
using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Databases.Reading;

/// <summary>
/// A SQLite database's tables (in creation order), declared column types, nullability, primary keys (composite ones in
/// key order) and foreign keys (composite ones in declaration order; a key that names no parent columns references the
/// parent's primary key), through <c>pragma_table_info</c> and <c>pragma_foreign_key_list</c>.
/// </summary>
internal static class SqliteSchemaReader
{
    public static RelationalMetadata Read(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid";
            using var reader = command.ExecuteReader();
            while (reader.Read()) names.Add(reader.GetString(0));
        }
        var tables = new List<RelationalTable>(names.Count);
        foreach (var name in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var columns = new List<SqlColumn>();
            var key = new SortedDictionary<long, string>();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT name, type, \"notnull\", pk FROM pragma_table_info($table) ORDER BY cid";
            command.Parameters.AddWithValue("$table", name);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var column = reader.GetString(0);
                var keyPosition = reader.GetInt64(3);
                if (keyPosition > 0) key[keyPosition] = column;
                // A primary key column is not nullable in the model, though SQLite itself lets most of them hold NULL.
                columns.Add(new SqlColumn(column, reader.IsDBNull(1) ? "" : reader.GetString(1), reader.GetInt64(2) == 0 && keyPosition == 0));
            }
            tables.Add(new RelationalTable { Name = name, PrimaryKey = key.Values.ToList(), Columns = columns, Evidence = "declared in the SQLite schema" });
        }
        var keys = new List<ForeignKey>();
        foreach (var table in tables)
        {
            var parts = new SortedDictionary<long, List<(long Seq, string Parent, string From, string? To)>>();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, seq, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list($table) ORDER BY id, seq";
            command.Parameters.AddWithValue("$table", table.Name);
            using (var reader = command.ExecuteReader())
                while (reader.Read())
                {
                    var id = reader.GetInt64(0);
                    if (!parts.TryGetValue(id, out var list)) parts[id] = list = [];
                    list.Add((reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
                }
            // pragma_foreign_key_list lists the last declared key first; ids count down from the last declaration.
            foreach (var list in parts.Values.Reverse())
            {
                var parentName = list[0].Parent;
                var parent = tables.FirstOrDefault(t => t.Name == parentName)
                    ?? tables.FirstOrDefault(t => string.Equals(t.Name, parentName, StringComparison.OrdinalIgnoreCase))
                    ?? throw new SynthDataException($"Table '{table.Name}' declares a foreign key to '{parentName}', which the database does not have.",
                        hint: "Fix the schema, or read the tables from CSVs with an edited relational metadata JSON.");
                var parentColumns = list.All(p => p.To is null) ? parent.PrimaryKey.ToList() : list.Select(p => p.To ?? "").ToList();
                keys.Add(new ForeignKey
                {
                    ChildTable = table.Name, ChildColumns = list.Select(p => p.From).ToList(),
                    ParentTable = parent.Name, ParentColumns = parentColumns,
                    Evidence = "declared in the SQLite schema",
                });
            }
        }
        return new RelationalMetadata { Tables = tables, ForeignKeys = keys };
    }
}
