using Microsoft.EntityFrameworkCore;
using static SynthFixtures.EntityFrameworkCore.Tests.Datasets;

namespace SynthFixtures.EntityFrameworkCore.Tests;

public sealed class DatasetSeedingTests : IDisposable
{
    private readonly ShopDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Rows_land_with_their_values_converted_to_the_property_types()
    {
        await using (var db = _database.NewContext())
            await db.SeedSynthAsync(Shop());

        await using var check = _database.NewContext();
        var customers = await check.Customers.OrderBy(c => c.Id).ToListAsync();
        Assert.Equal([1, 2, 3], customers.Select(c => c.Id));
        Assert.Equal([Tier.Gold, Tier.Silver, Tier.Bronze], customers.Select(c => c.Tier));
        Assert.Equal([true, false, true], customers.Select(c => c.Active));
        Assert.Equal(new DateOnly(2023, 2, 1), customers[1].Joined);
        var orders = await check.Orders.OrderBy(o => o.Id).ToListAsync();
        Assert.Equal([19.99m, 5.50m, 120m, 0.01m, 77.10m], orders.Select(o => o.Total));
        Assert.Equal(new DateTime(2024, 4, 11, 23, 59, 59), orders[2].PlacedAt);
        Assert.Equal(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), orders[0].Reference);
        Assert.Null(orders[3].Reference);
        Assert.Equal([1, 1, 2, 3, 3], orders.Select(o => o.CustomerId));
    }

    [Fact]
    public async Task The_converter_is_respected_the_enum_is_stored_as_its_name()
    {
        await using (var db = _database.NewContext())
            await db.SeedSynthAsync(Shop());

        Assert.Equal(1, _database.Scalar("SELECT COUNT(*) FROM customers WHERE tier = 'Silver'"));
    }

    [Fact]
    public async Task Every_foreign_key_resolves_in_sql()
    {
        await using (var db = _database.NewContext())
            await db.SeedSynthAsync(Shop());

        Assert.Equal(5, _database.Scalar("SELECT COUNT(*) FROM orders"));
        Assert.Equal(0, _database.Scalar("SELECT COUNT(*) FROM orders o LEFT JOIN customers c ON c.customer_id = o.customer_id WHERE c.customer_id IS NULL"));
    }

    [Fact]
    public async Task A_self_reference_is_inserted_whatever_the_row_order()
    {
        // The report comes before its manager, and the manager before the top: EF Core orders the rows within the table.
        var data = Of(
            [Key("employees", "manager_id", "employees", "Id")],
            new Rows("employees", ["Id", "Name", "manager_id"], [["3", "Report", "2"], ["2", "Manager", "1"], ["1", "Top", null]]));

        await using (var db = _database.NewContext())
            await db.SeedSynthAsync(data);

        Assert.Equal(3, _database.Scalar("SELECT COUNT(*) FROM employees"));
        Assert.Equal(2, _database.Scalar("SELECT manager_id FROM employees WHERE Id = 3"));
    }

    [Fact]
    public async Task Large_tables_are_inserted_in_several_saves_within_the_one_transaction()
    {
        var orders = Enumerable.Range(1, 4_500)
            .Select(i => new string?[] { i.ToString(System.Globalization.CultureInfo.InvariantCulture), "1", "1.00", "2024-01-01", null })
            .ToArray();
        var data = Of(
            [Key("orders", "customer_id", "customers", "customer_id")],
            new Rows("customers", CustomerColumns, [["1", "Ada", "Gold", "2023-01-15", "true"]]),
            new Rows("orders", OrderColumns, orders));

        await using var db = _database.NewContext();
        await db.SeedSynthAsync(data);

        Assert.Equal(4_500, _database.Scalar("SELECT COUNT(*) FROM orders"));
        Assert.Empty(db.ChangeTracker.Entries());
    }

    [Fact]
    public async Task A_cell_that_does_not_convert_names_table_column_row_and_value_and_nothing_is_written()
    {
        await using var db = _database.NewContext();

        var error = await Assert.ThrowsAsync<SynthDataException>(() => db.SeedSynthAsync(Shop(badTotal: "twelve")));

        Assert.Contains("Table 'orders', column 'total', row 4: 'twelve' is not a Decimal", error.Message);
        // Customers come first in key order, so they had been inserted before the bad order cell was reached.
        Assert.Equal(0, _database.Scalar("SELECT COUNT(*) FROM customers"));
        Assert.Empty(db.ChangeTracker.Entries());
    }

    [Fact]
    public async Task A_dangling_foreign_key_is_refused_by_the_database_and_the_transaction_rolls_back()
    {
        var data = Of(
            [Key("orders", "customer_id", "customers", "customer_id")],
            new Rows("customers", CustomerColumns, [["1", "Ada", "Gold", "2023-01-15", "true"]]),
            new Rows("orders", OrderColumns, [["1", "1", "1.00", "2024-01-01", null], ["2", "99", "1.00", "2024-01-01", null]]));
        await using var db = _database.NewContext();

        var error = await Assert.ThrowsAsync<SynthDataException>(() => db.SeedSynthAsync(data));

        Assert.Contains("table 'orders'", error.Message);
        Assert.Contains("FOREIGN KEY", error.Message);
        Assert.Contains("rolled back", error.Message);
        Assert.Equal(0, _database.Scalar("SELECT COUNT(*) FROM customers"));
        Assert.Equal(0, _database.Scalar("SELECT COUNT(*) FROM orders"));
    }

    [Fact]
    public async Task Inside_the_callers_transaction_the_rows_go_with_it()
    {
        await using var db = _database.NewContext();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.SeedSynthAsync(Shop());
            Assert.Equal(3, await db.Customers.CountAsync());
            await transaction.RollbackAsync();
        }

        Assert.Equal(0, _database.Scalar("SELECT COUNT(*) FROM customers"));
    }

    [Fact]
    public async Task A_table_the_context_does_not_map_is_named()
    {
        var data = Of([], new Rows("invoices", ["invoice_id"], [["1"]]));
        await using var db = _database.NewContext();

        var error = await Assert.ThrowsAsync<SynthDataException>(() => db.SeedSynthAsync(data));

        Assert.Contains("Table 'invoices' has no entity type in ShopContext", error.Message);
        Assert.Contains("customers, employees, orders", error.Message);
    }

    [Fact]
    public async Task A_column_the_entity_does_not_map_is_named()
    {
        var data = Of([], new Rows("customers", ["customer_id", "nickname"], [["1", "A"]]));
        await using var db = _database.NewContext();

        var error = await Assert.ThrowsAsync<SynthDataException>(() => db.SeedSynthAsync(data));

        Assert.Contains("Column 'nickname' of table 'customers' has no property in entity type Customer", error.Message);
    }

    [Fact]
    public async Task Names_match_ignoring_case_when_that_is_unambiguous()
    {
        var data = Of([], new Rows("Customers", ["Customer_Id", "NAME", "tier", "joined", "active"], [["7", "Ada", "Gold", "2023-01-15", "yes"]]));

        await using (var db = _database.NewContext())
            await db.SeedSynthAsync(data);

        Assert.Equal(7, _database.Scalar("SELECT customer_id FROM customers"));
    }

    [Fact]
    public async Task A_missing_value_for_a_required_property_is_an_error()
    {
        var data = Of([], new Rows("customers", CustomerColumns, [["1", "Ada", "Gold", null, "true"]]));
        await using var db = _database.NewContext();

        var error = await Assert.ThrowsAsync<SynthDataException>(() => db.SeedSynthAsync(data));

        Assert.Contains("Table 'customers', column 'joined', row 1: the value is missing, but Customer.Joined is required", error.Message);
    }

    [Fact]
    public async Task An_enum_cell_its_converter_cannot_read_is_an_error()
    {
        var data = Of([], new Rows("customers", CustomerColumns, [["1", "Ada", "Platinum", "2023-01-15", "true"]]));
        await using var db = _database.NewContext();

        var error = await Assert.ThrowsAsync<SynthDataException>(() => db.SeedSynthAsync(data));

        Assert.Contains("row 1: 'Platinum' does not convert to a member of Tier through the value converter of Customer.Tier", error.Message);
    }

    [Fact]
    public async Task A_context_with_unsaved_changes_is_refused_before_anything_is_written()
    {
        await using var db = _database.NewContext();
        db.Customers.Add(new Customer { Id = 50, Name = "Pending", Joined = new DateOnly(2024, 1, 1) });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SeedSynthAsync(Shop()));

        Assert.Contains("unsaved changes", error.Message);
        Assert.Equal(0, _database.Scalar("SELECT COUNT(*) FROM customers"));
    }
}
