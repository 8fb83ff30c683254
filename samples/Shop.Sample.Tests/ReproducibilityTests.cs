namespace Shop.Sample;

/// <summary>The same seed gives the same database; the scale changes how many rows there are at every level.</summary>
public sealed class ReproducibilityTests(ShopDatabase shop, SameSeedShopDatabase again, DoubleShopDatabase twice)
    : IClassFixture<ShopDatabase>, IClassFixture<SameSeedShopDatabase>, IClassFixture<DoubleShopDatabase>
{
    [Theory, MemberData(nameof(ShopDatabaseTests.Tables), MemberType = typeof(ShopDatabaseTests))]
    public void The_same_seed_gives_the_same_rows(string table)
    {
        Assert.NotEqual(shop.ConnectionString, again.ConnectionString);
        using var first = shop.OpenConnection();
        using var second = again.OpenConnection();

        Assert.Equal(Dump.Rows(first, table), Dump.Rows(second, table));
    }

    [Fact]
    public void Scale_two_has_about_twice_the_orders_and_lines()
    {
        using var connection = twice.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM orders), (SELECT COUNT(*) FROM order_lines)";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());

        var orders = reader.GetInt64(0) / (double)shop.Data["orders"].RowCount;
        var lines = reader.GetInt64(1) / (double)shop.Data["order_lines"].RowCount;
        Assert.InRange(orders, 1.6, 2.4);
        Assert.InRange(lines, 1.6, 2.4);
    }

    [Fact]
    public async Task A_file_database_is_deleted_when_its_fixture_is_disposed()
    {
        var fixture = new SameSeedShopDatabase();
        await fixture.InitializeAsync();
        var path = fixture.DatabasePath!;
        Assert.True(File.Exists(path));

        await fixture.DisposeAsync();

        Assert.False(File.Exists(path));
    }
}
