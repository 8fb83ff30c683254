using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Databases.Writing;

/// <summary>
/// Writes a <see cref="RelationalDataset"/> into SQLite or PostgreSQL in one transaction: tables absent from the
/// database are created from the dataset's declared types, keys and foreign keys; existing ones must match (every
/// column present, with a type the values fit). Tables are written parents first and foreign keys are checked at
/// commit. On any failure (a value that does not fit, a constraint, cancellation, a lost connection) nothing is
/// written, tables created by the seed included.
/// </summary>
public static class DatabaseSeeder
{
    /// <summary>Opens <paramref name="target"/>, seeds it and closes it.</summary>
    /// <exception cref="SynthDataException">The data do not fit the database, the database refuses them, or the target is <c>:memory:</c> (which would vanish on close).</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was written.</exception>
    public static async Task<SeedResult> SeedAsync(RelationalDataset data, DatabaseLocation target, SeedOptions? options = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(target);
        if (target.Provider == DatabaseProvider.Sqlite && IsPrivateMemory(target.ConnectionString))
            throw new SynthDataException("A ':memory:' database lives only as long as its connection, so seeding it through a location would write into nothing.",
                hint: "Pass an open SqliteConnection to DatabaseSeeder.SeedAsync, or seed a file.");
        // A constraint's detail names the offending key; the seed's own connection asks the server to include it.
        DbConnection connection = target.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(target.ConnectionString)
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(target.ConnectionString) { IncludeErrorDetail = true }.ConnectionString);
        var newFile = target.Provider == DatabaseProvider.Sqlite ? NewSqliteFile(target.ConnectionString) : null;
        try
        {
            return await RunAsync(data, connection, ownsConnection: true, target.Display, options ?? new SeedOptions(), ct).ConfigureAwait(false);
        }
        catch when (newFile is not null)
        {
            // Nothing was written, but opening the connection made the file: an empty database where there was none
            // would be a half-made output, so it goes (the pool first lets go of it).
            SqliteConnection.ClearPool((SqliteConnection)connection);
            File.Delete(newFile);
            throw;
        }
    }

    /// <summary>The file a SQLite target would create, or <c>null</c> when it exists already or is in memory.</summary>
    private static string? NewSqliteFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:") return null;
        var path = Path.GetFullPath(builder.DataSource);
        return File.Exists(path) ? null : path;
    }

    /// <summary>
    /// Seeds through a connection the caller owns and keeps (a <see cref="SqliteConnection"/>, <c>:memory:</c> included,
    /// or an <see cref="NpgsqlConnection"/>); it is opened if closed and left open. It must have no transaction running.
    /// </summary>
    /// <exception cref="SynthDataException">The data do not fit the database, or the database refuses them.</exception>
    /// <exception cref="ArgumentException">The connection is neither SQLite nor PostgreSQL.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was written.</exception>
    public static Task<SeedResult> SeedAsync(RelationalDataset data, DbConnection connection, SeedOptions? options = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(connection);
        if (connection is not (SqliteConnection or NpgsqlConnection))
            throw new ArgumentException($"Seeding writes into SQLite or PostgreSQL connections, not {connection.GetType().Name}.", nameof(connection));
        var display = connection is SqliteConnection sqlite ? sqlite.DataSource : DatabaseLocation.Parse(connection.ConnectionString).Display;
        return RunAsync(data, connection, ownsConnection: false, display, options ?? new SeedOptions(), ct);
    }

    private static async Task<SeedResult> RunAsync(RelationalDataset data, DbConnection connection, bool ownsConnection, string display,
        SeedOptions options, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var stage = "opening the database";
        SeedSession? session = null;
        try
        {
            session = connection switch
            {
                SqliteConnection sqlite => await SqliteSeedSession.BeginAsync(sqlite, ownsConnection, ct).ConfigureAwait(false),
                NpgsqlConnection npgsql => await PostgreSqlSeedSession.BeginAsync(npgsql, ownsConnection, ct).ConfigureAwait(false),
                _ => throw new UnreachableException(),
            };
            stage = "reading the existing schema";
            var plans = await SeedPlanner.PlanAsync(data, session, options, display, ct).ConfigureAwait(false);

            stage = "creating the tables";
            if (plans.Any(p => p.Create)) await session.CreateTablesAsync(plans, data.Metadata, ct).ConfigureAwait(false);
            if (options.Mode == SeedMode.Truncate)
            {
                stage = "emptying the tables";
                await session.EmptyAsync(plans.Where(p => !p.Create).Reverse().Select(p => p.TargetName).ToList(), ct).ConfigureAwait(false);
            }

            var seeded = new List<SeededTable>(plans.Count);
            foreach (var plan in plans)
            {
                stage = $"writing table '{plan.Table.Name}'";
                ct.ThrowIfCancellationRequested();
                var rows = await session.WriteAsync(plan, ct).ConfigureAwait(false);
                seeded.Add(new SeededTable(plan.TargetName, rows, plan.Create));
                options.Progress?.Report(new SeedProgress(plan.TargetName, rows, seeded.Count, plans.Count));
            }

            stage = "checking the foreign keys and committing";
            await session.CommitAsync(plans, ct).ConfigureAwait(false);
            return new SeedResult(display, seeded, clock.Elapsed);
        }
        catch (DbException e) when (!ct.IsCancellationRequested)
        {
            throw new SynthDataException($"Seeding {display} failed while {stage}: {Describe(e)} Nothing was written.",
                hint: "Every table is written in one transaction, so the database is as it was before the seed.", inner: e);
        }
        finally
        {
            if (session is not null) await session.DisposeAsync().ConfigureAwait(false);
            else if (ownsConnection) await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string Describe(DbException e) => e switch
    {
        PostgresException pg => $"{pg.MessageText}{(pg.Detail is { Length: > 0 } detail ? $" ({detail})" : "")}{(pg.TableName is { } table ? $" [table {table}]" : "")}.",
        _ => e.Message.TrimEnd('.') + ".",
    };

    private static bool IsPrivateMemory(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return builder.DataSource == ":memory:" && builder.Mode != SqliteOpenMode.Memory;
    }
}
