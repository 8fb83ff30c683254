using Microsoft.Data.Sqlite;
using Npgsql;

namespace SynthFixtures.Databases;

/// <summary>
/// Which database a source or a seed target is, from what a user writes: a SQLite file path (<c>chinook.sqlite</c>),
/// <c>:memory:</c>, a SQLite connection string (<c>Data Source=chinook.sqlite</c>) or a PostgreSQL connection string
/// (<c>Host=127.0.0.1;Port=5433;Database=test;Username=…</c>).
/// </summary>
/// <param name="Provider">The engine.</param>
/// <param name="ConnectionString">The connection string to open it with.</param>
/// <param name="Display">How messages name it (a path, or the connection string without its password).</param>
public sealed record DatabaseLocation(DatabaseProvider Provider, string ConnectionString, string Display)
{
    /// <summary>Reads <paramref name="text"/> as a SQLite path, <c>:memory:</c> or a connection string.</summary>
    /// <exception cref="SynthDataException">The text is empty, or a connection string neither engine can read.</exception>
    public static DatabaseLocation Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
            throw new SynthDataException("No database was named.", hint: "Give a SQLite file path, :memory:, or a connection string.");
        if (trimmed == ":memory:")
            return new DatabaseLocation(DatabaseProvider.Sqlite, "Data Source=:memory:", ":memory:");
        if (!trimmed.Contains('=', StringComparison.Ordinal))
            return new DatabaseLocation(DatabaseProvider.Sqlite,
                new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(trimmed) }.ConnectionString, trimmed);
        if (LooksLikePostgreSql(trimmed))
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(trimmed);
                var display = new NpgsqlConnectionStringBuilder(trimmed) { Password = null }.ConnectionString;
                return new DatabaseLocation(DatabaseProvider.PostgreSql, builder.ConnectionString, display);
            }
            catch (ArgumentException e)
            {
                throw new SynthDataException($"'{Redacted(trimmed)}' is not a PostgreSQL connection string Npgsql can read: {e.Message}",
                    hint: "Write it as Host=…;Port=…;Database=…;Username=…, with the password in PGPASSWORD or Password=….");
            }
        }
        try
        {
            var sqlite = new SqliteConnectionStringBuilder(trimmed);
            return new DatabaseLocation(DatabaseProvider.Sqlite, sqlite.ConnectionString, sqlite.DataSource);
        }
        catch (ArgumentException e)
        {
            throw new SynthDataException($"'{Redacted(trimmed)}' is not a connection string SynthFixtures can read: {e.Message}",
                hint: "Give a SQLite file path, 'Data Source=file.sqlite', or a PostgreSQL 'Host=…;Database=…' string.");
        }
    }

    private static bool LooksLikePostgreSql(string text) =>
        text.Split(';').Select(part => part.Split('=', 2)[0].Trim())
            .Any(key => key.Equals("Host", StringComparison.OrdinalIgnoreCase) || key.Equals("Server", StringComparison.OrdinalIgnoreCase));

    private static string Redacted(string text) =>
        string.Join(';', text.Split(';').Select(part =>
            part.Split('=', 2)[0].Trim().Equals("Password", StringComparison.OrdinalIgnoreCase) ? "Password=***" : part));

    /// <inheritdoc/>
    public override string ToString() => Display;
}
