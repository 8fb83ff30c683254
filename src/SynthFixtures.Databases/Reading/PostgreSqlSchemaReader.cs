using Npgsql;
using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Databases.Reading;

/// <summary>
/// A PostgreSQL database's tables in the connection's current schema (by name), their columns with declared types
/// (<c>format_type</c>: <c>numeric(10,2)</c>, <c>character varying(70)</c>), nullability, primary keys and foreign keys
/// (composite ones in key order), from <c>pg_catalog</c>.
/// </summary>
internal static class PostgreSqlSchemaReader
{
    private const string ColumnsSql = """
        SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY c.relname, a.attnum
        """;

    // Each constraint's columns as names, in key order (conkey/confkey hold attribute numbers).
    private const string KeysSql = """
        SELECT con.contype, c.relname, p.relname,
               ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
                     JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i)::text[],
               ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
                     JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i)::text[],
               pn.nspname
        FROM pg_constraint con
        JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_class p ON p.oid = con.confrelid
        LEFT JOIN pg_namespace pn ON pn.oid = p.relnamespace
        WHERE n.nspname = current_schema() AND con.contype IN ('p', 'f') AND c.relkind IN ('r', 'p')
        ORDER BY c.relname, con.contype DESC, con.conname
        """;

    public static RelationalMetadata Read(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var columns = new Dictionary<string, List<SqlColumn>>(StringComparer.Ordinal);
        var order = new List<string>();
        using (var command = new NpgsqlCommand(ColumnsSql, connection))
        using (var reader = command.ExecuteReader())
            while (reader.Read())
            {
                var table = reader.GetString(0);
                if (!columns.TryGetValue(table, out var list))
                {
                    columns[table] = list = [];
                    order.Add(table);
                }
                list.Add(new SqlColumn(reader.GetString(1), reader.GetString(2), reader.GetBoolean(3)));
            }
        cancellationToken.ThrowIfCancellationRequested();
        var primaryKeys = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var keys = new List<ForeignKey>();
        using (var command = new NpgsqlCommand(KeysSql, connection))
        using (var reader = command.ExecuteReader())
            while (reader.Read())
            {
                var table = reader.GetString(1);
                var own = reader.GetFieldValue<string[]>(3);
                if (reader.GetChar(0) == 'p')
                {
                    primaryKeys[table] = own;
                    continue;
                }
                var parent = reader.GetString(2);
                if (!columns.ContainsKey(parent))
                    throw new SynthDataException($"Table '{table}' has a foreign key to '{reader.GetString(5)}.{parent}', outside the schema being read.",
                        hint: "Read a schema that holds every referenced table (set Search Path in the connection string).");
                keys.Add(new ForeignKey
                {
                    ChildTable = table, ChildColumns = own, ParentTable = parent, ParentColumns = reader.GetFieldValue<string[]>(4),
                    Evidence = "declared in the PostgreSQL schema",
                });
            }
        var tables = order.Select(name => new RelationalTable
        {
            Name = name,
            PrimaryKey = primaryKeys.GetValueOrDefault(name) ?? [],
            Columns = columns[name],
            Evidence = "declared in the PostgreSQL schema",
        }).ToList();
        return new RelationalMetadata { Tables = tables, ForeignKeys = keys };
    }
}
