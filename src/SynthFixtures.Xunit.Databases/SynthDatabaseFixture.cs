using Microsoft.Data.Sqlite;
using SynthFixtures.Databases;
using SynthFixtures.Databases.Writing;
using SynthFixtures.Metadata.Relational;
using SynthFixtures.Models.Relational;
using Xunit;

namespace SynthFixtures.Xunit.Databases;

/// <summary>
/// An xunit class fixture that gives a test class its own SQLite database, generated from a multi-table model and
/// seeded before the first test (<see cref="DatabaseSeeder"/>), then deleted after the last. Derive one per database
/// and pass the options:
/// <code>
/// public sealed class ShopDatabase() : SynthDatabaseFixture(new() { LearnFrom = "shop", Scale = 1, Seed = 7 });
/// public sealed class OrderTests(ShopDatabase db) : IClassFixture&lt;ShopDatabase&gt; { … db.ConnectionString … }
/// </code>
/// Every random choice flows from <see cref="SynthDatabaseOptions.Seed"/>, so a test class sees the same rows on every run.
/// </summary>
public abstract class SynthDatabaseFixture : IAsyncLifetime
{
    private readonly SynthDatabaseOptions _options;
    private SqliteConnection? _keepAlive;
    private RelationalDataset? _data;
    private string? _connectionString;

    /// <summary>A fixture for the database <paramref name="options"/> describe.</summary>
    /// <exception cref="ArgumentException">Neither or both of <see cref="SynthDatabaseOptions.Model"/> and <see cref="SynthDatabaseOptions.LearnFrom"/> are set, or the scale is not positive.</exception>
    protected SynthDatabaseFixture(SynthDatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if ((options.Model is null) == (options.LearnFrom is null))
            throw new ArgumentException("Set exactly one of Model (a trained .synth file) and LearnFrom (a folder of CSVs or a SQLite file).", nameof(options));
        if (!(options.Scale > 0) || double.IsInfinity(options.Scale))
            throw new ArgumentException($"The scale must be a positive number, not {options.Scale}.", nameof(options));
        _options = options;
    }

    /// <summary>What the database is generated from.</summary>
    public SynthDatabaseOptions Options => _options;

    /// <summary>A connection string for the seeded database (<c>Data Source=…</c>), for any SQLite client or EF Core's <c>UseSqlite</c>.</summary>
    public string ConnectionString => _connectionString ?? throw NotReady();

    /// <summary>The database file, or <c>null</c> for <see cref="SynthDatabaseStorage.SharedMemory"/>.</summary>
    public string? DatabasePath { get; private set; }

    /// <summary>The model the database was drawn from.</summary>
    public RelationalModel? Model { get; private set; }

    /// <summary>The generated tables exactly as they were seeded (raw invariant text), to compare with what queries return.</summary>
    public RelationalDataset Data => _data ?? throw NotReady();

    /// <summary>A new open connection to the seeded database; the caller disposes it.</summary>
    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Loads or learns the model, draws the database and seeds it into a fresh SQLite database.</summary>
    public async Task InitializeAsync()
    {
        var model = _options.Model is { } path
            ? RelationalModelArtifact.Load(FixturePaths.Resolve(path))
            : await LearnedModelCache.GetAsync(_options, FixturePaths.Resolve(_options.LearnFrom!),
                _options.Metadata is { } metadata ? FixturePaths.Resolve(metadata) : null, CancellationToken.None).ConfigureAwait(false);
        var data = model.Sample(_options.Scale, _options.Seed);
        // The name only keeps parallel test classes apart; the contents depend on the seed alone.
        var name = $"synthfixtures-{GetType().Name}-{Guid.NewGuid():N}";
        if (_options.Storage == SynthDatabaseStorage.SharedMemory)
        {
            _connectionString = new SqliteConnectionStringBuilder { DataSource = name, Mode = SqliteOpenMode.Memory, Cache = SqliteCacheMode.Shared }.ToString();
            _keepAlive = new SqliteConnection(_connectionString);
            await _keepAlive.OpenAsync().ConfigureAwait(false);
            await DatabaseSeeder.SeedAsync(data, _keepAlive).ConfigureAwait(false);
        }
        else
        {
            DatabasePath = Path.Combine(Path.GetTempPath(), name + ".sqlite");
            // Unpooled, so no idle connection holds the file once the class is done.
            _connectionString = new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString();
            await DatabaseSeeder.SeedAsync(data, DatabaseLocation.Parse(_connectionString)).ConfigureAwait(false);
        }
        Model = model;
        _data = data;
    }

    /// <summary>Deletes the database (closes the in-memory one).</summary>
    public async Task DisposeAsync()
    {
        if (_keepAlive is not null) await _keepAlive.DisposeAsync().ConfigureAwait(false);
        if (DatabasePath is null) return;
        foreach (var suffix in new[] { "", "-journal", "-wal", "-shm" })
            File.Delete(DatabasePath + suffix);
    }

    private static InvalidOperationException NotReady() =>
        new("The database is not seeded yet: xunit seeds it before the class's first test (IClassFixture or ICollectionFixture).");
}
