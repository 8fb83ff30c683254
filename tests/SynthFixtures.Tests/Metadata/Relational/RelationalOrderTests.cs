using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Tests.Metadata.Relational;

public class RelationalOrderTests
{
    private static RelationalTable Table(string name, params (string Name, bool Nullable)[] columns) => new()
    {
        Name = name, PrimaryKey = ["Id"], Columns = [new("Id", "INTEGER", false), .. columns.Select(c => new SqlColumn(c.Name, "INTEGER", c.Nullable))],
    };

    private static ForeignKey Key(string child, string column, string parent) =>
        new() { ChildTable = child, ChildColumns = [column], ParentTable = parent, ParentColumns = ["Id"] };

    [Fact]
    public void Parents_come_before_children_whatever_the_listed_order()
    {
        var order = RelationalOrder.Of(RelationalSamples.Shop() with { Tables = [.. RelationalSamples.Shop().Tables.Reverse()] });
        Assert.Equal(["Customer", "Order", "Line"], order.Tables);
        Assert.Empty(order.Deferred);
    }

    [Fact]
    public void A_self_reference_does_not_constrain_the_order_even_when_not_nullable()
    {
        var metadata = new RelationalMetadata { Tables = [Table("Employee", ("Boss", false))], ForeignKeys = [Key("Employee", "Boss", "Employee")] };
        var order = RelationalOrder.Of(metadata);
        Assert.Equal(["Employee"], order.Tables);
        Assert.Empty(order.Deferred);
    }

    [Fact]
    public void A_cycle_is_broken_at_its_nullable_key_which_is_deferred()
    {
        var favourite = Key("Customer", "FavouriteOrder", "Order");
        var metadata = new RelationalMetadata
        {
            Tables = [Table("Order", ("CustomerId", false)), Table("Customer", ("FavouriteOrder", true)), Table("Line", ("OrderId", false))],
            ForeignKeys = [Key("Order", "CustomerId", "Customer"), favourite, Key("Line", "OrderId", "Order")],
        };
        var order = RelationalOrder.Of(metadata);
        Assert.Equal(["Customer", "Order", "Line"], order.Tables);
        Assert.Equal(favourite, Assert.Single(order.Deferred));
        Assert.True(order.IsDeferred(favourite with { Evidence = "same key" }));
        Assert.False(order.IsDeferred(metadata.ForeignKeys[0]));
    }

    [Fact]
    public void A_cycle_of_three_without_a_nullable_key_cannot_be_ordered()
    {
        var metadata = new RelationalMetadata
        {
            Tables = [Table("Root"), Table("A", ("BId", false)), Table("B", ("CId", false)), Table("C", ("AId", false))],
            ForeignKeys = [Key("A", "BId", "B"), Key("B", "CId", "C"), Key("C", "AId", "A")],
        };
        var error = Assert.Throws<SynthDataException>(() => RelationalOrder.Of(metadata));
        Assert.Contains("A(BId) → B(Id); B(CId) → C(Id); C(AId) → A(Id)", error.Reason);
        Assert.Contains("(A → B → C → A)", error.Reason);
        Assert.Contains("nullable", error.Hint);
    }
}
