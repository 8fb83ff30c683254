using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using SynthFixtures.Data;
using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Databases.Reading;

/// <summary>
/// Reads a whole database as a relational source: its schema (tables, declared column types, nullability, primary
/// and foreign keys, composite and self-referencing ones included) and every row, each value as invariant-culture
/// text (<see cref="CellFormat"/>; NULL is a missing cell), rows ordered by the primary key so a read is repeatable.
/// Tables are profiled (<see cref="RelationalProfiles"/>) and the rows checked (<see cref="RelationalValidator"/>).
/// A source is never opened for writing: SQLite in <c>Mode=ReadOnly</c>, PostgreSQL in a read-only transaction.
/// </summary>
public static class DatabaseReader
{
    /// <summary>Reads the database at <paramref name="location"/>.</summary>
    /// <exception cref="SynthDataException">The database cannot be opened or read, has no tables, or its rows break a key (duplicates, orphans).</exception>
    public static RelationalDataset Read(DatabaseLocation location, CancellationToken cancellationToken = default) =>
        Read(location, schema => schema, cancellationToken);

    /// <summary>Reads the database at <paramref name="location"/>, its schema first passed through <paramref name="amendSchema"/> (keys and rules a file adds).</summary>
    /// <exception cref="SynthDataException">The database cannot be opened or read, has no tables, the amendment is refused, or its rows break a key.</exception>
    internal static RelationalDataset Read(DatabaseLocation location, Func<RelationalMetadata, RelationalMetadata> amendSchema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        try
        {
            using var connection = Open(location);
            using var transaction = Begin(connection, location.Provider);
            var metadata = location.Provider == DatabaseProvider.Sqlite
                ? SqliteSchemaReader.Read((SqliteConnection)connection, cancellationToken)
                : PostgreSqlSchemaReader.Read((NpgsqlConnection)connection, cancellationToken);
            if (metadata.Tables.Count == 0)
                throw new SynthDataException($"The database {location.Display} has no tables.",
                    hint: location.Provider == DatabaseProvider.Sqlite ? "Check the file name: SQLite reads a missing or empty file as an empty database."
                        : "Check the database and schema in the connection string (tables are read from the current schema).");
            metadata = amendSchema(metadata);
            var rows = new Dictionary<string, Table>(StringComparer.Ordinal);
            foreach (var table in metadata.Tables)
                rows[table.Name] = ReadRows(connection, transaction, table, cancellationToken);
            var dataset = new RelationalDataset(RelationalProfiles.Profile(metadata, rows), rows);
            RelationalValidator.Check(dataset, location.Display);
            return dataset;
        }
        catch (DbException e)
        {
            throw new SynthDataException($"The database {location.Display} could not be read: {OneLine(e.Message)}",
                hint: "Check that the database exists and the user may read it.", inner: e);
        }
    }

    /// <summary>Only the schema of the database at <paramref name="location"/>: tables, columns and keys, without rows or profiles.</summary>
    /// <exception cref="SynthDataException">The database cannot be opened or read.</exception>
    public static RelationalMetadata ReadSchema(DatabaseLocation location, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        try
        {
            using var connection = Open(location);
            using var transaction = Begin(connection, location.Provider);
            return location.Provider == DatabaseProvider.Sqlite
                ? SqliteSchemaReader.Read((SqliteConnection)connection, cancellationToken)
                : PostgreSqlSchemaReader.Read((NpgsqlConnection)connection, cancellationToken);
        }
        catch (DbException e)
        {
            throw new SynthDataException($"The database {location.Display} could not be read: {OneLine(e.Message)}",
                hint: "Check that the database exists and the user may read it.", inner: e);
        }
    }

    /// <summary>
    /// The rows of <paramref name="shape"/>'s tables as the database at <paramref name="location"/> holds them, paired
    /// with <paramref name="shape"/> as their metadata and not checked: a generated database read back for evaluation,
    /// where broken keys are what the report counts, not a reason to stop.
    /// </summary>
    /// <exception cref="SynthDataException">The database cannot be read, or lacks one of the tables or columns.</exception>
    public static RelationalDataset ReadRows(DatabaseLocation location, RelationalMetadata shape, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(shape);
        try
        {
            using var connection = Open(location);
            using var transaction = Begin(connection, location.Provider);
            var rows = new Dictionary<string, Table>(StringComparer.Ordinal);
            foreach (var table in shape.Tables)
                rows[table.Name] = ReadRows(connection, transaction, table, cancellationToken);
            return new RelationalDataset(shape, rows);
        }
        catch (DbException e)
        {
            throw new SynthDataException($"The database {location.Display} could not be read as the {shape.Tables.Count} tables of the source: {OneLine(e.Message)}",
                hint: "Compare it with the source database: every table and column must be there, named alike.", inner: e);
        }
    }

    private static DbConnection Open(DatabaseLocation location)
    {
        if (location.Provider == DatabaseProvider.PostgreSql)
        {
            var postgres = new NpgsqlConnection(location.ConnectionString);
            postgres.Open();
            return postgres;
        }
        var builder = new SqliteConnectionStringBuilder(location.ConnectionString) { Mode = SqliteOpenMode.ReadOnly };
        if (builder.DataSource is not (":memory:" or "") && !File.Exists(builder.DataSource))
            throw new SynthDataException("The SQLite database does not exist.", location.Display,
                hint: $"Check the path (relative paths are resolved from '{Environment.CurrentDirectory}').");
        if (builder.DataSource is ":memory:" or "") builder.Mode = SqliteOpenMode.Memory;
        var sqlite = new SqliteConnection(builder.ConnectionString);
        sqlite.Open();
        return sqlite;
    }

    // One transaction, so every table is read from the same snapshot; read-only, so PostgreSQL refuses any write.
    private static DbTransaction Begin(DbConnection connection, DatabaseProvider provider)
    {
        var transaction = connection.BeginTransaction();
        if (provider == DatabaseProvider.PostgreSql)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SET TRANSACTION READ ONLY";
            command.ExecuteNonQuery();
        }
        return transaction;
    }

    private static Table ReadRows(DbConnection connection, DbTransaction transaction, RelationalTable table, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var order = table.PrimaryKey.Count > 0 ? table.PrimaryKey : table.Columns.Select(c => c.Name).ToList();
        command.CommandText = $"SELECT {string.Join(", ", table.Columns.Select(c => SqlIdentifier.Quote(c.Name)))} FROM {SqlIdentifier.Quote(table.Name)} "
            + $"ORDER BY {string.Join(", ", order.Select(SqlIdentifier.Quote))}";
        var cells = table.Columns.Select(_ => new List<string?>()).ToArray();
        using var reader = command.ExecuteReader();
        var types = Enumerable.Range(0, cells.Length).Select(reader.GetDataTypeName).ToArray();
        while (reader.Read())
        {
            if (cells[0].Count % 4096 == 0) cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < cells.Length; i++) cells[i].Add(CellFormat.Invariant(reader.GetValue(i), types[i]));
        }
        return new Table(table.Columns.Select(c => c.Name).ToList(), cells.Select(c => c.ToArray()).ToArray());
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
