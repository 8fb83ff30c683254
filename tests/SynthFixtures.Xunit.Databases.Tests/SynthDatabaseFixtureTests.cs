using Microsoft.Data.Sqlite;
using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Xunit.Databases.Tests;

public sealed class SynthDatabaseFixtureTests : IDisposable
{
    // Each test learns into its own cache folder, so "learned once, then loaded" is observable.
    private readonly string _cache = Path.Combine(Path.GetTempPath(), $"synthfixtures-cache-test-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_cache)) Directory.Delete(_cache, recursive: true);
    }

    private sealed class Fixture(SynthDatabaseOptions options) : SynthDatabaseFixture(options);

    private SynthDatabaseOptions Learn(double scale = 0.5, long seed = 3) =>
        new() { LearnFrom = "shop", Scale = scale, Seed = seed, CacheFolder = _cache };

    [Fact]
    public void Model_and_learn_from_are_exclusive_and_one_is_required()
    {
        Assert.Throws<ArgumentException>(() => new Fixture(new SynthDatabaseOptions()));
        Assert.Throws<ArgumentException>(() => new Fixture(new SynthDatabaseOptions { Model = "a.synth", LearnFrom = "shop" }));
        Assert.Throws<ArgumentException>(() => new Fixture(new SynthDatabaseOptions { LearnFrom = "shop", Scale = 0 }));
    }

    [Fact]
    public void The_connection_string_is_not_there_before_the_database_is_seeded()
    {
        var fixture = new Fixture(Learn());

        Assert.Throws<InvalidOperationException>(() => fixture.ConnectionString);
    }

    [Fact]
    public async Task A_missing_source_is_named()
    {
        var fixture = new Fixture(new SynthDatabaseOptions { LearnFrom = "no-such-folder", CacheFolder = _cache });

        var error = await Assert.ThrowsAsync<SynthDataException>(fixture.InitializeAsync);

        Assert.Contains("no-such-folder", error.Message);
    }

    [Fact]
    public async Task The_database_holds_exactly_the_generated_rows_with_keys_intact()
    {
        var fixture = new Fixture(Learn());
        await fixture.InitializeAsync();
        try
        {
            await using var connection = fixture.OpenConnection();
            foreach (var (table, rows) in fixture.Data.Tables)
                Assert.Equal(rows.RowCount, Scalar(connection, $"SELECT COUNT(*) FROM \"{table.Name}\""));
            foreach (var key in fixture.Data.Metadata.ForeignKeys)
                Assert.Equal(0, Scalar(connection, Orphans(key)));
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_model_is_learned_once_then_loaded_from_the_cache_and_a_saved_model_gives_the_same_database()
    {
        var first = new Fixture(Learn());
        await first.InitializeAsync();
        var cached = Assert.Single(Directory.GetFiles(_cache, "*.synth"));
        var written = File.GetLastWriteTimeUtc(cached);

        var second = new Fixture(Learn());
        await second.InitializeAsync();
        var fromFile = new Fixture(new SynthDatabaseOptions { Model = cached, Scale = 0.5, Seed = 3 });
        await fromFile.InitializeAsync();
        try
        {
            Assert.Equal(written, File.GetLastWriteTimeUtc(Assert.Single(Directory.GetFiles(_cache, "*.synth"))));
            foreach (var (table, _) in first.Data.Tables)
            {
                Assert.Equal(Cells(first.Data, table.Name), Cells(second.Data, table.Name));
                Assert.Equal(Cells(first.Data, table.Name), Cells(fromFile.Data, table.Name));
            }
        }
        finally
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
            await fromFile.DisposeAsync();
        }
    }

    [Fact]
    public async Task Another_seed_gives_other_rows()
    {
        var one = new Fixture(Learn(seed: 1));
        var two = new Fixture(Learn(seed: 2));
        await one.InitializeAsync();
        await two.InitializeAsync();
        try
        {
            Assert.NotEqual(Cells(one.Data, "orders"), Cells(two.Data, "orders"));
        }
        finally
        {
            await one.DisposeAsync();
            await two.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_shared_memory_database_is_reachable_by_its_connection_string_until_the_fixture_is_disposed()
    {
        var fixture = new Fixture(Learn() with { Storage = SynthDatabaseStorage.SharedMemory });
        await fixture.InitializeAsync();
        Assert.Null(fixture.DatabasePath);
        await using (var connection = fixture.OpenConnection())
            Assert.Equal(fixture.Data["customers"].RowCount, Scalar(connection, "SELECT COUNT(*) FROM customers"));

        await fixture.DisposeAsync();

        // With the fixture's keep-alive connection closed, the same name opens a new, empty database.
        await using var after = new SqliteConnection(fixture.ConnectionString);
        after.Open();
        Assert.Equal(0, Scalar(after, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"));
    }

    private static string Orphans(ForeignKey key) =>
        $"SELECT COUNT(*) FROM \"{key.ChildTable}\" c LEFT JOIN \"{key.ParentTable}\" p ON "
        + string.Join(" AND ", key.ChildColumns.Select((column, i) => $"p.\"{key.ParentColumns[i]}\" = c.\"{column}\""))
        + $" WHERE p.\"{key.ParentColumns[0]}\" IS NULL AND c.\"{key.ChildColumns[0]}\" IS NOT NULL";

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<string> Cells(RelationalDataset data, string table)
    {
        var rows = data[table];
        return Enumerable.Range(0, rows.RowCount)
            .Select(r => string.Join("|", Enumerable.Range(0, rows.ColumnCount).Select(c => rows[r, c])))
            .ToList();
    }
}
