using SynthFixtures.Data;
using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Tests.Metadata.Relational;

public class RelationalValidatorTests
{
    private static SynthDataException Fails(Dictionary<string, Table> rows, RelationalMetadata? metadata = null) =>
        Assert.Throws<SynthDataException>(() => RelationalValidator.Check(new RelationalDataset(metadata ?? RelationalSamples.Shop(), rows)));

    [Fact]
    public void Consistent_rows_pass()
    {
        RelationalValidator.Check(new RelationalDataset(RelationalSamples.Shop(), RelationalSamples.ShopRows()));
    }

    [Fact]
    public void A_repeated_primary_key_names_the_value_and_rows()
    {
        var rows = RelationalSamples.ShopRows();
        rows["Customer"] = RelationalSamples.Columns(["CustomerId", "Name", "ReferredBy"], ["1", "Ann", null], ["2", "Bob", "1"], ["2", "Cy", "1"]);
        var error = Fails(rows);
        Assert.Contains("primary key CustomerId of table 'Customer' is not unique", error.Reason);
        Assert.Contains("CustomerId = '2' is on 2 rows (2, 3)", error.Reason);
    }

    [Fact]
    public void A_repeated_composite_key_names_the_tuple()
    {
        var rows = RelationalSamples.ShopRows();
        rows["Order"] = RelationalSamples.Columns(["Shop", "OrderNo", "CustomerId", "Total"], ["A", "1", "1", "3.00"], ["A", "1", "2", "2.00"], ["B", "1", "2", "1.50"]);
        var error = Fails(rows);
        Assert.Contains("(Shop, OrderNo) = ('A', '1') is on 2 rows (1, 2)", error.Reason);
    }

    [Fact]
    public void A_missing_primary_key_names_the_row()
    {
        var rows = RelationalSamples.ShopRows();
        rows["Customer"] = RelationalSamples.Columns(["CustomerId", "Name", "ReferredBy"], ["1", "Ann", null], [null, "Bob", "1"], ["3", "Cy", "1"]);
        Assert.Contains("is missing on row 2", Fails(rows).Reason);
    }

    [Fact]
    public void Orphans_name_the_key_the_values_and_the_count()
    {
        var rows = RelationalSamples.ShopRows();
        rows["Order"] = RelationalSamples.Columns(["Shop", "OrderNo", "CustomerId", "Total"], ["A", "1", "9", "3.00"], ["A", "2", "9", "2.00"], ["B", "1", "7", "1.50"]);
        var error = Fails(rows);
        Assert.Contains("Order(CustomerId) → Customer(CustomerId): 3 rows of 'Order' reference no 'Customer' row", error.Reason);
        Assert.Contains("2 distinct values: CustomerId = '7' (1 row), CustomerId = '9' (2 rows)", error.Reason);
        Assert.Contains("first on row 1", error.Reason);
    }

    [Fact]
    public void A_self_reference_to_a_missing_row_is_an_orphan_and_a_partly_empty_composite_key_is_not()
    {
        var rows = RelationalSamples.ShopRows();
        rows["Customer"] = RelationalSamples.Columns(["CustomerId", "Name", "ReferredBy"], ["1", "Ann", null], ["2", "Bob", "5"], ["3", "Cy", "1"]);
        Assert.Contains("Customer(ReferredBy) → Customer(CustomerId): 1 row of 'Customer'", Fails(rows).Reason);

        rows = RelationalSamples.ShopRows();
        rows["Line"] = RelationalSamples.Columns(["Shop", "OrderNo", "Price", "Qty"], ["A", "1", "1.00", "3"], ["Z", null, "2.00", "1"]);
        RelationalValidator.Check(new RelationalDataset(RelationalSamples.Shop(), rows));
    }

    [Fact]
    public void A_key_to_a_column_that_is_not_unique_is_an_error()
    {
        var byName = new ForeignKey { ChildTable = "Order", ChildColumns = ["Shop"], ParentTable = "Customer", ParentColumns = ["Name"] };
        var metadata = RelationalSamples.Shop() with { ForeignKeys = [byName], SumRules = [] };
        var rows = RelationalSamples.ShopRows();
        rows["Customer"] = RelationalSamples.Columns(["CustomerId", "Name", "ReferredBy"], ["1", "A", null], ["2", "A", "1"], ["3", "B", "1"]);
        var error = Fails(rows, metadata);
        Assert.Contains("referenced key Name of table 'Customer', which Order(Shop) → Customer(Name) references, is not unique: Name = 'A' is on 2 rows (1, 2)", error.Reason);
    }

    [Fact]
    public void Unknown_tables_and_columns_and_duplicate_names_are_errors_without_json()
    {
        var shop = RelationalSamples.Shop();
        Assert.Contains("unknown parent table 'Nope'", Assert.Throws<SynthDataException>(() => RelationalValidator.Check(
            shop with { ForeignKeys = [RelationalSamples.OrderToCustomer with { ParentTable = "Nope" }] })).Reason);
        Assert.Contains("unknown column 'Cid' of table 'Order'", Assert.Throws<SynthDataException>(() => RelationalValidator.Check(
            shop with { ForeignKeys = [RelationalSamples.OrderToCustomer with { ChildColumns = ["Cid"] }] })).Reason);
        Assert.Contains("Two tables are named 'Order'", Assert.Throws<SynthDataException>(() => RelationalValidator.Check(
            shop with { Tables = [.. shop.Tables, shop.Tables[1]] })).Reason);
        Assert.Contains("declared twice", Assert.Throws<SynthDataException>(() => RelationalValidator.Check(
            shop with { ForeignKeys = [.. shop.ForeignKeys, RelationalSamples.OrderToCustomer with { Evidence = null }] })).Reason);
        Assert.Contains("not one of the foreign keys", Assert.Throws<SynthDataException>(() => RelationalValidator.Check(
            shop with { ForeignKeys = [RelationalSamples.OrderToCustomer] })).Reason);
    }
}
