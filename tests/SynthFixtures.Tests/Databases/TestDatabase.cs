using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using SynthFixtures.Databases;
using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Tests.Databases;

/// <summary>
/// A database for one test: a temporary SQLite file, or a fresh PostgreSQL database (unique name, dropped on dispose)
/// on the server named by <c>SYNTHFIXTURES_POSTGRES</c>; PostgreSQL tests skip with the reason when it is unset.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>The environment variable holding an Npgsql connection string to a server tests may create databases on.</summary>
    public const string PostgresVariable = "SYNTHFIXTURES_POSTGRES";

    private readonly string? _file;
    private readonly string? _adminConnection;
    private readonly string? _databaseName;

    private TestDatabase(DatabaseLocation location, string? file, string? adminConnection, string? databaseName)
    {
        Location = location;
        _file = file;
        _adminConnection = adminConnection;
        _databaseName = databaseName;
    }

    /// <summary>Where the seeder writes.</summary>
    public DatabaseLocation Location { get; }

    /// <summary>The engine.</summary>
    public DatabaseProvider Provider => Location.Provider;

    /// <summary>The skip reason when no PostgreSQL server is configured.</summary>
    public static string NoPostgres =>
        $"No PostgreSQL server for the tests: set {PostgresVariable} to an Npgsql connection string (.ci/run starts a throwaway server and sets it).";

    /// <summary>A new, empty database on <paramref name="provider"/>; skips the test when PostgreSQL is asked for and absent.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"synthfixtures-seed-{Guid.NewGuid():N}.sqlite");
            var connection = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString;
            return new TestDatabase(DatabaseLocation.Parse(connection), file, null, null);
        }
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        Skip.If(string.IsNullOrWhiteSpace(admin), NoPostgres);
        var name = $"synthfixtures_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        var target = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
        return new TestDatabase(DatabaseLocation.Parse(target), null, admin, name);
    }

    /// <summary>A new, closed connection to the database.</summary>
    public DbConnection Connection() => Provider == DatabaseProvider.Sqlite
        ? new SqliteConnection(Location.ConnectionString)
        : new NpgsqlConnection(Location.ConnectionString);

    /// <summary>Runs statements.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = Connection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of the first row, or <c>null</c>.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = Connection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    /// <summary>A count query's result.</summary>
    public async Task<long> CountAsync(string sql) => Convert.ToInt64(await ScalarAsync(sql), CultureInfo.InvariantCulture);

    /// <summary>Child rows whose (non-null) foreign key matches no parent row: <c>LEFT JOIN … WHERE parent IS NULL</c>.</summary>
    public Task<long> OrphansAsync(ForeignKey key)
    {
        var on = string.Join(" AND ", key.ChildColumns.Zip(key.ParentColumns, (c, p) => $"c.{Q(c)} = p.{Q(p)}"));
        var present = string.Join(" AND ", key.ChildColumns.Select(c => $"c.{Q(c)} IS NOT NULL"));
        return CountAsync($"SELECT COUNT(*) FROM {Q(key.ChildTable)} c LEFT JOIN {Q(key.ParentTable)} p ON {on} WHERE {present} AND p.{Q(key.ParentColumns[0])} IS NULL");
    }

    /// <summary>
    /// The whole database as text: its schema (tables, columns, types, constraints) and every row of every table,
    /// sorted, so two dumps are equal exactly when the database is the same.
    /// </summary>
    public async Task<string> DumpAsync()
    {
        await using var connection = Connection();
        await connection.OpenAsync();
        var lines = new List<string>();
        List<string> tables;
        if (Provider == DatabaseProvider.Sqlite)
        {
            lines.AddRange(await RowsAsync(connection, "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"));
            tables = await NamesAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        }
        else
        {
            lines.AddRange(await RowsAsync(connection,
                "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull FROM pg_attribute a " +
                "JOIN pg_class c ON c.oid = a.attrelid WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' " +
                "AND a.attnum > 0 AND NOT a.attisdropped ORDER BY 1, a.attnum"));
            lines.AddRange(await RowsAsync(connection,
                "SELECT conrelid::regclass::text, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2"));
            tables = await NamesAsync(connection, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
        }
        foreach (var table in tables)
        {
            lines.Add($"-- {table}");
            lines.AddRange((await RowsAsync(connection, $"SELECT * FROM {Q(table)}")).Order(StringComparer.Ordinal));
        }
        return string.Join('\n', lines);
    }

    /// <summary>Every row of a query, each as <c>type:value|type:value</c>.</summary>
    public static async Task<IReadOnlyList<string>> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                var value = reader.GetValue(i);
                cells[i] = value is DBNull ? "NULL" : $"{value.GetType().Name}:{Convert.ToString(value, CultureInfo.InvariantCulture)}";
            }
            rows.Add(string.Join('|', cells));
        }
        return rows;
    }

    private static async Task<List<string>> NamesAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }

    /// <summary>A double-quoted identifier.</summary>
    public static string Q(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { _file, _file + "-journal", _file + "-wal", _file + "-shm" })
                try { File.Delete(path); } catch (IOException) { /* best effort */ }
        }
        if (_adminConnection is not null)
        {
            await using var connection = new NpgsqlConnection(_adminConnection);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
