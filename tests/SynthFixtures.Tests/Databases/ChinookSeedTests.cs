using System.Globalization;
using Microsoft.Data.Sqlite;
using SynthFixtures.Databases;
using SynthFixtures.Databases.Writing;
using SynthFixtures.Tests.TestData;

namespace SynthFixtures.Tests.Databases;

/// <summary>
/// Chinook (11 tables, the self-reference Employee.ReportsTo, the link table PlaylistTrack with a composite key) read
/// from its SQLite file and seeded into fresh SQLite and PostgreSQL databases: every row arrives, every foreign key
/// holds (checked by SQL), and the values sum to what the original database holds. Skipped when the dataset (or, for PostgreSQL, the server) is absent.
/// </summary>
public class ChinookSeedTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Chinook_seeds_whole_with_every_foreign_key_satisfied(DatabaseProvider provider)
    {
        Skip.If(Chinook.SqliteFile is null, Chinook.Missing);
        var data = Chinook.Read()!;
        Assert.Equal(11, data.Metadata.Tables.Count);
        Assert.Contains(data.Metadata.ForeignKeys, k => k.IsSelfReference);
        await using var db = await TestDatabase.CreateAsync(provider);

        var result = await DatabaseSeeder.SeedAsync(data, db.Location);

        Assert.Equal(data.RowCount, result.TotalRows);
        Assert.Equal(["Artist", "Album"], result.Tables.Select(t => t.Name).Where(n => n is "Artist" or "Album"));
        foreach (var (table, rows) in data.Tables)
            Assert.Equal(rows.RowCount, await db.CountAsync($"SELECT COUNT(*) FROM {TestDatabase.Q(table.Name)}"));
        foreach (var key in data.Metadata.ForeignKeys)
            Assert.True(await db.OrphansAsync(key) == 0, $"{key} has orphans");
        Assert.Equal(7, await db.CountAsync("SELECT COUNT(*) FROM \"Employee\" WHERE \"ReportsTo\" IS NOT NULL"));

        await using var original = new SqliteConnection(new SqliteConnectionStringBuilder
            { DataSource = Chinook.SqliteFile, Mode = SqliteOpenMode.ReadOnly }.ConnectionString);
        await original.OpenAsync();
        foreach (var sum in new[] { "SELECT SUM(\"Total\") FROM \"Invoice\"", "SELECT SUM(\"UnitPrice\" * \"Quantity\") FROM \"InvoiceLine\"",
                     "SELECT SUM(\"Milliseconds\") FROM \"Track\"", "SELECT COUNT(DISTINCT \"BillingCountry\") FROM \"Invoice\"" })
        {
            await using var command = original.CreateCommand();
            command.CommandText = sum;
            var expected = Convert.ToDecimal(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            Assert.Equal(Math.Round(expected, 2), Math.Round(Convert.ToDecimal(await db.ScalarAsync(sum), CultureInfo.InvariantCulture), 2));
        }

        // Idempotent: the same dataset again with truncate gives the same database.
        var first = await db.DumpAsync();
        await DatabaseSeeder.SeedAsync(data, db.Location, new SeedOptions { Mode = SeedMode.Truncate });
        Assert.Equal(first, await db.DumpAsync());
    }
}
