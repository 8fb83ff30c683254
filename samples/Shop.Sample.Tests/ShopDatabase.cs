using Microsoft.Data.Sqlite;
using SynthFixtures.Xunit.Databases;

namespace Shop.Sample;

/// <summary>
/// The shop's database, learned from samples/shop (customers, products, orders, order lines; keys and the rule
/// orders.total = SUM(quantity × unit_price) in relations.json), generated at scale 1 with seed 7.
/// </summary>
public sealed class ShopDatabase() : SynthDatabaseFixture(new() { LearnFrom = "shop", Scale = 1, Seed = 7 })
{
    /// <summary>One number from SQL.</summary>
    public long Count(string sql)
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>The same database with the same seed, kept apart from <see cref="ShopDatabase"/> (its own file).</summary>
public sealed class SameSeedShopDatabase() : SynthDatabaseFixture(new() { LearnFrom = "shop", Scale = 1, Seed = 7 });

/// <summary>Twice as many rows at every level, in memory.</summary>
public sealed class DoubleShopDatabase() : SynthDatabaseFixture(new() { LearnFrom = "shop", Scale = 2, Seed = 7, Storage = SynthDatabaseStorage.SharedMemory });

/// <summary>Reads whole tables as rows of invariant text, to compare two databases.</summary>
internal static class Dump
{
    public static List<string> Rows(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }
}
