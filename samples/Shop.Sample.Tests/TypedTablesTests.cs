using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SynthFixtures;
using SynthFixtures.EntityFrameworkCore;

namespace Shop.Sample;

/// <summary>
/// The entity classes bound to the tables of the shop database learned at build time: objects taken from one
/// SynthGraph are rows of one sample of the whole database, so every foreign key points at an object of the same graph.
/// </summary>
public sealed class TypedTablesTests(ShopDatabase shop) : IClassFixture<ShopDatabase>
{
    [Fact]
    public void Orders_taken_from_a_graph_bring_their_customers_along_first()
    {
        var graph = new SynthGraph(1);

        var orders = Order.Synth.In(graph).Take(50).ToList();

        Assert.Equal(50, orders.Count);
        var customers = graph.Objects.OfType<Customer>().ToList();
        Assert.NotEmpty(customers);
        Assert.Equal(orders.Select(o => o.CustomerId).Distinct().Order(), customers.Select(c => c.CustomerId).Order());
        var position = graph.Objects.Select((o, i) => (o, i)).ToDictionary(x => x.o, x => x.i, ReferenceEqualityComparer.Instance);
        foreach (var order in orders)
            Assert.True(position[customers.Single(c => c.CustomerId == order.CustomerId)] < position[order], "a customer comes before its orders");
    }

    [Fact]
    public void Every_key_of_the_whole_database_resolves_within_the_graph_and_totals_fit_their_lines()
    {
        var graph = new SynthGraph(2);

        var lines = OrderLine.Synth.In(graph).ToList();
        var orders = Order.Synth.In(graph).ToList();
        var customers = Customer.Synth.In(graph).ToList();
        var products = Product.Synth.In(graph).ToList();

        var data = graph.Database(Order.OrderSynthesizer.Model).Data;
        Assert.Equal(data["order_lines"].RowCount, lines.Count);
        Assert.Equal(data["orders"].RowCount, orders.Count);
        // Each row's object is made once: the orders the lines brought along are the ones taken afterwards.
        Assert.Equal(orders.Count + customers.Count + products.Count + lines.Count, graph.Objects.Count);
        Assert.All(graph.Objects.OfType<Order>(), o => Assert.Contains(o, orders));
        var orderIds = orders.Select(o => o.OrderId).ToHashSet();
        var customerIds = customers.Select(c => c.CustomerId).ToHashSet();
        var productIds = products.Select(p => p.ProductId).ToHashSet();
        Assert.Equal(orders.Count, orderIds.Count);
        Assert.All(lines, l => Assert.Contains(l.OrderId, orderIds));
        Assert.All(lines, l => Assert.Contains(l.ProductId, productIds));
        Assert.All(orders, o => Assert.Contains(o.CustomerId, customerIds));
        // The learned rule orders.total = SUM(quantity × unit_price) holds to the cent on the typed objects.
        var sums = lines.GroupBy(l => l.OrderId).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity * l.UnitPrice));
        Assert.All(orders, o => Assert.Equal(sums.GetValueOrDefault(o.OrderId), o.Total));
        // Children per parent are the model's: about 1.9 lines per order and 3.3 orders per customer in the source.
        Assert.InRange(lines.Count / (double)orders.Count, 1.4, 2.4);
        Assert.InRange(orders.Count / (double)customers.Count, 2.4, 4.2);
    }

    [Fact]
    public void The_same_seed_gives_the_same_objects_and_another_seed_others()
    {
        static List<string> Lines(long seed) => OrderLine.Synth.In(new SynthGraph(seed)).Take(200)
            .Select(l => $"{l.LineId}|{l.OrderId}|{l.ProductId}|{l.Quantity}|{l.UnitPrice}").ToList();

        Assert.Equal(Lines(5), Lines(5));
        Assert.NotEqual(Lines(5), Lines(6));
    }

    [Fact]
    public void A_graph_with_the_fixture_seed_holds_the_rows_the_fixture_seeded()
    {
        // The build learned the same CSVs with the same kind and seed as the fixture does, so seed 7 gives its rows.
        var graph = new SynthGraph(7);

        var orders = Order.Synth.In(graph).Select(o => $"{o.OrderId}|{o.CustomerId}|{o.Channel}|{o.Total:F2}").ToList();

        using var connection = shop.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT order_id, customer_id, channel, printf('%.2f', total) FROM orders ORDER BY order_id";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add($"{reader.GetInt64(0)}|{reader.GetInt64(1)}|{reader.GetString(2)}|{reader.GetString(3)}");
        Assert.Equal(rows, orders);
    }

    [Fact]
    public void A_larger_scale_gives_proportionally_more_rows()
    {
        var one = Order.Synth.In(new SynthGraph(3)).ToList().Count;
        var two = Order.Synth.In(new SynthGraph(3) { Scale = 2 }).ToList().Count;

        Assert.InRange(two / (double)one, 1.6, 2.4);
    }

    [Fact]
    public void Taking_more_rows_than_the_table_has_stops_at_the_table()
    {
        var graph = new SynthGraph(4) { Scale = 0.1 };

        var customers = Customer.Synth.In(graph).Take(100_000).ToList();

        Assert.Equal(graph.Database(Customer.CustomerSynthesizer.Model).Data["customers"].RowCount, customers.Count);
        Assert.InRange(customers.Count, 15, 25);
    }

    [Fact]
    public async Task Typed_objects_of_a_graph_seed_a_dbcontext_with_every_foreign_key_resolving()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var db = new ShopContext(new DbContextOptionsBuilder<ShopContext>().UseSqlite(connection).Options);
        await db.Database.EnsureCreatedAsync();
        var graph = new SynthGraph(8);
        var lines = OrderLine.Synth.In(graph).Take(100).ToList();

        await db.SeedSynthAsync(graph);

        Assert.Equal(100, await db.OrderLines.CountAsync());
        Assert.Equal(lines.Select(l => l.OrderId).Distinct().Count(), await db.Orders.CountAsync());
        foreach (var orphans in new[]
        {
            "SELECT COUNT(*) FROM order_lines l LEFT JOIN orders o ON o.order_id = l.order_id WHERE o.order_id IS NULL",
            "SELECT COUNT(*) FROM order_lines l LEFT JOIN products p ON p.product_id = l.product_id WHERE p.product_id IS NULL",
            "SELECT COUNT(*) FROM orders o LEFT JOIN customers c ON c.customer_id = o.customer_id WHERE c.customer_id IS NULL",
        })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = orphans;
            Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
        }
        var withLines = await db.Orders.Include(o => o.Customer).Include(o => o.Lines).ToListAsync();
        Assert.All(withLines, o => Assert.NotNull(o.Customer));
        Assert.Equal(100, withLines.Sum(o => o.Lines.Count));
    }
}
