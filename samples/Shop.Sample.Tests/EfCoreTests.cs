using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SynthFixtures.EntityFrameworkCore;

namespace Shop.Sample;

/// <summary>The application's EF Core model over the generated database, and the same rows seeded through EF Core.</summary>
public sealed class EfCoreTests(ShopDatabase shop) : IClassFixture<ShopDatabase>
{
    [Fact]
    public async Task Linq_over_the_fixture_database_reads_orders_per_customer_and_their_lines()
    {
        await using var db = ShopContext.Open(shop.ConnectionString);

        var perCustomer = await db.Customers
            .Select(c => new { c.CustomerId, Orders = c.Orders.Count })
            .OrderByDescending(c => c.Orders).ThenBy(c => c.CustomerId)
            .ToListAsync();
        var busiest = await db.Orders.Include(o => o.Lines).ThenInclude(l => l.Product)
            .Where(o => o.CustomerId == perCustomer[0].CustomerId)
            .ToListAsync();

        Assert.Equal(shop.Data["customers"].RowCount, perCustomer.Count);
        Assert.Equal(shop.Data["orders"].RowCount, perCustomer.Sum(c => c.Orders));
        Assert.Equal(perCustomer[0].Orders, busiest.Count);
        Assert.All(busiest, order =>
        {
            Assert.NotEmpty(order.Lines);
            Assert.All(order.Lines, line => Assert.NotNull(line.Product));
            Assert.Equal(order.Lines.Sum(l => l.Quantity * l.UnitPrice), order.Total, 2);
        });
    }

    [Fact]
    public async Task The_generated_rows_seeded_through_ef_core_into_its_own_schema_answer_the_same()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var db = new ShopContext(new DbContextOptionsBuilder<ShopContext>().UseSqlite(connection).Options);
        await db.Database.EnsureCreatedAsync();

        await db.SeedSynthAsync(shop.Data);

        await using var fixtureDb = ShopContext.Open(shop.ConnectionString);
        Assert.Equal(await fixtureDb.OrderLines.CountAsync(), await db.OrderLines.CountAsync());
        var expected = await fixtureDb.Orders.OrderBy(o => o.OrderId).Select(o => new { o.OrderId, o.CustomerId, o.OrderDate, o.Total }).ToListAsync();
        var actual = await db.Orders.OrderBy(o => o.OrderId).Select(o => new { o.OrderId, o.CustomerId, o.OrderDate, o.Total }).ToListAsync();
        Assert.Equal(expected, actual);
    }
}
