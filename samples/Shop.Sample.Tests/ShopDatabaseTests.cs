using System.Globalization;

namespace Shop.Sample;

/// <summary>What a user's integration tests check on the seeded shop database.</summary>
public sealed class ShopDatabaseTests(ShopDatabase shop) : IClassFixture<ShopDatabase>
{
    public static TheoryData<string> Tables => ["customers", "products", "orders", "order_lines"];

    [Theory, MemberData(nameof(Tables))]
    public void Every_table_has_rows_and_as_many_as_were_generated(string table)
    {
        var count = shop.Count($"SELECT COUNT(*) FROM {table}");

        Assert.True(count > 0, $"{table} is empty.");
        Assert.Equal(shop.Data[table].RowCount, count);
    }

    [Fact]
    public void The_scale_keeps_roughly_the_source_sizes()
    {
        // samples/shop has 200 customers and 40 products; generated keys are fresh, counts come from the learned model.
        Assert.InRange(shop.Count("SELECT COUNT(*) FROM customers"), 150, 250);
        Assert.InRange(shop.Count("SELECT COUNT(*) FROM order_lines"), 600, 2400);
    }

    [Theory]
    [InlineData("orders", "customer_id", "customers", "customer_id")]
    [InlineData("order_lines", "order_id", "orders", "order_id")]
    [InlineData("order_lines", "product_id", "products", "product_id")]
    public void Every_foreign_key_resolves(string child, string column, string parent, string key)
    {
        var orphans = shop.Count($"SELECT COUNT(*) FROM {child} c LEFT JOIN {parent} p ON p.{key} = c.{column} WHERE p.{key} IS NULL");

        Assert.Equal(0, orphans);
    }

    [Fact]
    public void Orders_per_customer_and_revenue_per_country_come_out_of_plain_sql()
    {
        using var connection = shop.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.country, COUNT(DISTINCT c.customer_id) AS customers, COUNT(o.order_id) AS orders, COALESCE(SUM(o.total), 0) AS revenue
            FROM customers c LEFT JOIN orders o ON o.customer_id = c.customer_id
            GROUP BY c.country ORDER BY revenue DESC
            """;
        using var reader = command.ExecuteReader();
        var rows = new List<(string Country, long Customers, long Orders, double Revenue)>();
        while (reader.Read()) rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetDouble(3)));

        // The learned countries only, every customer counted once, and every order counted under its customer's country.
        Assert.Subset(new HashSet<string> { "DE", "FR", "NL", "ES", "IT" }, rows.Select(r => r.Country).ToHashSet());
        Assert.Equal(shop.Count("SELECT COUNT(*) FROM customers"), rows.Sum(r => r.Customers));
        Assert.Equal(shop.Count("SELECT COUNT(*) FROM orders"), rows.Sum(r => r.Orders));
        Assert.True(rows[0].Revenue > 0);
    }

    [Fact]
    public void Order_totals_equal_the_sum_of_their_lines()
    {
        using var connection = shop.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT o.order_id, o.total, COALESCE(SUM(l.quantity * l.unit_price), 0)
            FROM orders o LEFT JOIN order_lines l ON l.order_id = o.order_id
            GROUP BY o.order_id, o.total
            """;
        using var reader = command.ExecuteReader();
        var checkedOrders = 0;
        while (reader.Read())
        {
            var total = Convert.ToDecimal(reader.GetValue(1), CultureInfo.InvariantCulture);
            var lines = Convert.ToDecimal(reader.GetValue(2), CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(total - lines) <= 0.01m, $"Order {reader.GetInt64(0)}: total {total}, lines {lines}.");
            checkedOrders++;
        }
        Assert.True(checkedOrders > 0);
    }
}
