using System.Globalization;
using Microsoft.Data.Sqlite;
using SynthFixtures.Databases;
using SynthFixtures.Databases.Writing;

namespace SynthFixtures.Tests.Databases;

/// <summary>
/// Seeding the invented shop into SQLite (a file) and PostgreSQL (a fresh database on the server named by
/// SYNTHFIXTURES_POSTGRES; skipped with the reason when unset): schema creation, values, referential integrity, the
/// modes, and the transaction guarantee (a failure halfway leaves the database exactly as before).
/// </summary>
public class DatabaseSeederTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Creates_the_schema_parents_first_with_every_foreign_key_satisfied(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var result = await DatabaseSeeder.SeedAsync(ShopDataset.Build(), db.Location);

        Assert.Equal(["Employee", "Customer", "Order", "OrderLine", "Shipment"], result.Tables.Select(t => t.Name));
        Assert.All(result.Tables, t => Assert.True(t.Created));
        Assert.Equal(16, result.TotalRows);
        foreach (var (table, rows) in ShopDataset.RowCounts)
            Assert.Equal(rows, await db.CountAsync($"SELECT COUNT(*) FROM {TestDatabase.Q(table)}"));
        foreach (var key in ShopDataset.Metadata.ForeignKeys)
            Assert.Equal(0, await db.OrphansAsync(key));
        // The keys are real constraints: an orphan is refused by the database itself.
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            db.ExecuteAsync("INSERT INTO \"OrderLine\" (\"OrderId\", \"LineNo\", \"Product\", \"Quantity\", \"Price\") VALUES (99, 1, 'x', 1, 1)"));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            db.ExecuteAsync("INSERT INTO \"OrderLine\" (\"OrderId\", \"LineNo\", \"Product\", \"Quantity\", \"Price\") VALUES (1, 1, 'dup', 1, 1)"));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Values_come_back_as_the_columns_types(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await DatabaseSeeder.SeedAsync(ShopDataset.Build(), db.Location);

        Assert.Equal("Élodie Dupré", await db.ScalarAsync("SELECT \"Name\" FROM \"Customer\" WHERE \"CustomerId\" = 1"));
        Assert.Equal("O'Brien \"Ltd\"", await db.ScalarAsync("SELECT \"Name\" FROM \"Customer\" WHERE \"CustomerId\" = 3"));
        Assert.Null(await db.ScalarAsync("SELECT \"Vip\" FROM \"Customer\" WHERE \"CustomerId\" = 3"));
        Assert.Equal(12.5m, Convert.ToDecimal(await db.ScalarAsync("SELECT \"Total\" FROM \"Order\" WHERE \"OrderId\" = 1"), CultureInfo.InvariantCulture));
        Assert.Equal(1003.99m + 12.5m, Convert.ToDecimal(await db.ScalarAsync("SELECT SUM(\"Total\") FROM \"Order\""), CultureInfo.InvariantCulture));
        Assert.Equal(5.25, Convert.ToDouble(await db.ScalarAsync("SELECT \"Price\" FROM \"OrderLine\" WHERE \"OrderId\" = 1 AND \"LineNo\" = 1"), CultureInfo.InvariantCulture));
        if (provider == DatabaseProvider.Sqlite)
        {
            Assert.Equal(1L, await db.ScalarAsync("SELECT \"Vip\" FROM \"Customer\" WHERE \"CustomerId\" = 1"));
            Assert.Equal("2024-01-05 10:30:00", await db.ScalarAsync("SELECT \"Joined\" FROM \"Customer\" WHERE \"CustomerId\" = 1"));
            Assert.Equal("2024-01-05", await db.ScalarAsync("SELECT date(\"Joined\") FROM \"Customer\" WHERE \"CustomerId\" = 1"));
            Assert.Equal("2024-02-03", await db.ScalarAsync("SELECT \"ShippedOn\" FROM \"Shipment\" WHERE \"ShipmentId\" = 1"));
            Assert.Equal("integer", await db.ScalarAsync("SELECT typeof(\"Quantity\") FROM \"OrderLine\" LIMIT 1"));
            Assert.Equal("NVARCHAR(40)", await db.ScalarAsync("SELECT type FROM pragma_table_info('Customer') WHERE name = 'Name'"));
        }
        else
        {
            Assert.Equal(true, await db.ScalarAsync("SELECT \"Vip\" FROM \"Customer\" WHERE \"CustomerId\" = 1"));
            Assert.Equal(new DateTime(2024, 1, 5, 10, 30, 0), await db.ScalarAsync("SELECT \"Joined\" FROM \"Customer\" WHERE \"CustomerId\" = 1"));
            Assert.Equal("2024-02-03", await db.ScalarAsync("SELECT \"ShippedOn\"::text FROM \"Shipment\" WHERE \"ShipmentId\" = 1"));
            Assert.Equal("character varying(40)", await db.ScalarAsync("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '\"Customer\"'::regclass AND attname = 'Name'"));
            Assert.Equal("numeric(10,2)", await db.ScalarAsync("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '\"Order\"'::regclass AND attname = 'Total'"));
            Assert.Equal("timestamp without time zone", await db.ScalarAsync("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '\"Order\"'::regclass AND attname = 'PlacedAt'"));
        }
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Refuses_tables_that_hold_rows_unless_told_to_truncate_or_append(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await DatabaseSeeder.SeedAsync(ShopDataset.Build(), db.Location);
        var before = await db.DumpAsync();

        var refused = await Assert.ThrowsAsync<SynthDataException>(() => DatabaseSeeder.SeedAsync(ShopDataset.Build(), db.Location));
        Assert.Contains("already hold rows", refused.Message);
        Assert.Contains("'Employee'", refused.Message);
        Assert.Contains("truncate", refused.Message);
        Assert.Contains("append", refused.Message);
        Assert.Equal(before, await db.DumpAsync());

        var appended = await DatabaseSeeder.SeedAsync(ShopDataset.Build(offset: 100), db.Location, new SeedOptions { Mode = SeedMode.Append });
        Assert.All(appended.Tables, t => Assert.False(t.Created));
        Assert.Equal(8, await db.CountAsync("SELECT COUNT(*) FROM \"OrderLine\""));
        Assert.Equal(1, await db.CountAsync("SELECT COUNT(*) FROM \"Employee\" WHERE \"EmployeeId\" = 103 AND \"ManagerId\" = 102"));

        await DatabaseSeeder.SeedAsync(ShopDataset.Build(), db.Location, new SeedOptions { Mode = SeedMode.Truncate });
        Assert.Equal(before, await db.DumpAsync());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_same_dataset_seeded_twice_with_truncate_gives_identical_contents(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var truncate = new SeedOptions { Mode = SeedMode.Truncate };
        await DatabaseSeeder.SeedAsync(ShopDataset.Build(), db.Location, truncate);
        var first = await db.DumpAsync();
        await DatabaseSeeder.SeedAsync(ShopDataset.Build(), db.Location, truncate);
        Assert.Equal(first, await db.DumpAsync());
        Assert.Contains("Kwame, Jr.", first);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Fills_an_existing_schema_that_matches_and_names_the_column_of_one_that_does_not(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var bigint = provider == DatabaseProvider.Sqlite ? "INTEGER" : "bigint";
        // Lower-case names (PostgreSQL folds unquoted names), other column order, an extra nullable column: still a match.
        await db.ExecuteAsync($"""
            CREATE TABLE employee (name varchar(100) NOT NULL, employeeid {bigint} PRIMARY KEY, managerid {bigint} REFERENCES employee (employeeid), note text);
            CREATE TABLE customer (customerid {bigint} PRIMARY KEY, name text NOT NULL, vip boolean, joined timestamp, supportrepid {bigint} REFERENCES employee (employeeid));
            """);
        var result = await DatabaseSeeder.SeedAsync(ShopDataset.Build(), db.Location);
        Assert.Equal([false, false, true, true, true], result.Tables.Select(t => t.Created));
        Assert.Equal("employee", result.Tables[0].Name);
        Assert.Equal(2, await db.CountAsync("SELECT managerid FROM employee WHERE employeeid = 3"));
        foreach (var key in ShopDataset.Metadata.ForeignKeys.Where(k => k.ChildTable is "OrderLine" or "Shipment"))
            Assert.Equal(0, await db.OrphansAsync(key));
        Assert.Equal(0, await db.CountAsync("SELECT COUNT(*) FROM \"Order\" o LEFT JOIN customer c ON c.customerid = o.\"CustomerId\" WHERE c.customerid IS NULL"));
        // The created table's key to the existing one is a real constraint.
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            db.ExecuteAsync("INSERT INTO \"Order\" (\"OrderId\", \"CustomerId\", \"PlacedAt\", \"Total\") VALUES (9, 99, '2024-01-01', 1)"));

        await using var other = await TestDatabase.CreateAsync(provider);
        await other.ExecuteAsync($"CREATE TABLE \"Employee\" (\"EmployeeId\" {bigint} PRIMARY KEY, \"FullName\" text, \"ManagerId\" {bigint})");
        var before = await other.DumpAsync();
        var missing = await Assert.ThrowsAsync<SynthDataException>(() => DatabaseSeeder.SeedAsync(ShopDataset.Build(), other.Location));
        Assert.Contains("'Employee'", missing.Message);
        Assert.Contains("no column 'Name'", missing.Message);
        Assert.Equal(before, await other.DumpAsync());

        await using var typed = await TestDatabase.CreateAsync(provider);
        await typed.ExecuteAsync($"CREATE TABLE \"Employee\" (\"EmployeeId\" {bigint} PRIMARY KEY, \"Name\" {bigint}, \"ManagerId\" {bigint})");
        var wrongType = await Assert.ThrowsAsync<SynthDataException>(() => DatabaseSeeder.SeedAsync(ShopDataset.Build(), typed.Location));
        Assert.Contains("column 'Name'", wrongType.Message);
        Assert.Contains("NVARCHAR(40)", wrongType.Message);

        await using var fillOnly = await TestDatabase.CreateAsync(provider);
        var absent = await Assert.ThrowsAsync<SynthDataException>(() =>
            DatabaseSeeder.SeedAsync(ShopDataset.Build(), fillOnly.Location, new SeedOptions { CreateMissingTables = false }));
        Assert.Contains("'Employee' does not exist", absent.Message);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite, SeedMode.IntoEmpty)]
    [InlineData(DatabaseProvider.Sqlite, SeedMode.Truncate)]
    [InlineData(DatabaseProvider.PostgreSql, SeedMode.IntoEmpty)]
    [InlineData(DatabaseProvider.PostgreSql, SeedMode.Truncate)]
    public async Task A_bad_cell_in_the_last_table_leaves_the_database_exactly_as_before(DatabaseProvider provider, SeedMode mode)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        if (mode == SeedMode.Truncate) await DatabaseSeeder.SeedAsync(ShopDataset.Build(offset: 50), db.Location);
        var before = await db.DumpAsync();
        var bad = ShopDataset.Build(change: columns => columns["Shipment"][3][2] = "2024-13-45");

        var error = await Assert.ThrowsAsync<SynthDataException>(() => DatabaseSeeder.SeedAsync(bad, db.Location, new SeedOptions { Mode = mode }));

        Assert.Contains("Table 'Shipment', column 'ShippedOn', row 3: '2024-13-45'", error.Message);
        Assert.Contains("Nothing was written", error.Message);
        Assert.Equal(before, await db.DumpAsync());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_cancellation_after_the_first_table_leaves_the_database_exactly_as_before(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await DatabaseSeeder.SeedAsync(ShopDataset.Build(offset: 50), db.Location);
        var before = await db.DumpAsync();
        using var cancel = new CancellationTokenSource();
        var written = new List<string>();
        var options = new SeedOptions { Mode = SeedMode.Truncate, Progress = new Inline(p => { written.Add(p.Table); cancel.Cancel(); }) };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DatabaseSeeder.SeedAsync(ShopDataset.Build(), db.Location, options, cancel.Token));

        Assert.Equal(["Employee"], written);
        Assert.Equal(before, await db.DumpAsync());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_foreign_key_violation_found_at_commit_leaves_a_new_database_empty(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var before = await db.DumpAsync();
        var orphan = ShopDataset.Build(change: columns => columns["Order"][1][2] = "42");

        var error = await Assert.ThrowsAsync<SynthDataException>(() => DatabaseSeeder.SeedAsync(orphan, db.Location));

        Assert.Contains("Order", error.Message);
        Assert.Contains("Customer", error.Message);
        Assert.Contains("42", error.Message); // the offending key value
        Assert.Contains("Nothing was written", error.Message);
        Assert.Equal(before, await db.DumpAsync());
    }

    [Fact]
    public async Task A_failed_seed_into_a_new_SQLite_file_leaves_no_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"seed-{Guid.NewGuid():N}.sqlite");
        var bad = ShopDataset.Build(change: columns => columns["Shipment"][3][2] = "2024-13-45");

        await Assert.ThrowsAsync<SynthDataException>(() => DatabaseSeeder.SeedAsync(bad, DatabaseLocation.Parse(path)));

        Assert.False(File.Exists(path));
        Assert.False(File.Exists(path + "-journal"));
    }

    [SkippableFact]
    public async Task A_connection_lost_halfway_leaves_the_PostgreSQL_database_exactly_as_before()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await DatabaseSeeder.SeedAsync(ShopDataset.Build(offset: 50), db.Location);
        var before = await db.DumpAsync();
        await using var connection = (Npgsql.NpgsqlConnection)db.Connection();
        await connection.OpenAsync();
        var pid = connection.ProcessID;
        // After the first table, another session kills the seed's server process: the server rolls the transaction back.
        var options = new SeedOptions
        {
            Mode = SeedMode.Truncate,
            Progress = new Inline(_ => db.ExecuteAsync($"SELECT pg_terminate_backend({pid})").GetAwaiter().GetResult()),
        };

        var error = await Assert.ThrowsAsync<SynthDataException>(() => DatabaseSeeder.SeedAsync(ShopDataset.Build(), connection, options));

        Assert.Contains("Nothing was written", error.Message);
        Assert.Equal(before, await db.DumpAsync());
    }

    [Fact]
    public async Task Seeds_an_open_in_memory_SQLite_connection_and_leaves_it_open()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:;Foreign Keys=False");
        await connection.OpenAsync();

        var result = await DatabaseSeeder.SeedAsync(ShopDataset.Build(), connection);

        Assert.Equal(16, result.TotalRows);
        Assert.Equal(System.Data.ConnectionState.Open, connection.State);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"Shipment\" s JOIN \"OrderLine\" l ON l.\"OrderId\" = s.\"OrderId\" AND l.\"LineNo\" = s.\"LineNo\"";
        Assert.Equal(3L, await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA foreign_keys";
        Assert.Equal(0L, await command.ExecuteScalarAsync()); // the connection's own setting (off) is given back
    }

    [Fact]
    public async Task A_memory_location_is_refused_because_it_would_vanish()
    {
        var error = await Assert.ThrowsAsync<SynthDataException>(() => DatabaseSeeder.SeedAsync(ShopDataset.Build(), DatabaseLocation.Parse(":memory:")));
        Assert.Contains("open SqliteConnection", error.Message);
    }

    /// <summary>Reports on the seeding thread, so the test can cancel at an exact point.</summary>
    private sealed class Inline(Action<SeedProgress> report) : IProgress<SeedProgress>
    {
        public void Report(SeedProgress value) => report(value);
    }
}
