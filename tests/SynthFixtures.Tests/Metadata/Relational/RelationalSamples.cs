using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Tests.Metadata.Relational;

/// <summary>Small invented relational shapes and rows for the relational metadata tests.</summary>
internal static class RelationalSamples
{
    public static readonly ForeignKey OrderToCustomer = new()
    {
        ChildTable = "Order", ChildColumns = ["CustomerId"], ParentTable = "Customer", ParentColumns = ["CustomerId"], Evidence = "declared",
    };

    public static readonly ForeignKey CustomerToReferrer = new()
    {
        ChildTable = "Customer", ChildColumns = ["ReferredBy"], ParentTable = "Customer", ParentColumns = ["CustomerId"],
    };

    public static readonly ForeignKey LineToOrder = new()
    {
        ChildTable = "Line", ChildColumns = ["Shop", "OrderNo"], ParentTable = "Order", ParentColumns = ["Shop", "OrderNo"],
    };

    /// <summary>Customer (self-referencing) ← Order (composite key Shop, OrderNo) ← Line, with a sum rule Order.Total = Σ Price × Qty.</summary>
    public static RelationalMetadata Shop(bool profiled = false) => new()
    {
        Tables =
        [
            new RelationalTable
            {
                Name = "Customer", PrimaryKey = ["CustomerId"], Evidence = "declared",
                Columns = [new("CustomerId", "INTEGER", false), new("Name", "TEXT", false), new("ReferredBy", "INTEGER", true)],
                Profile = profiled ? new TableMetadata
                {
                    Columns =
                    [
                        new ColumnMetadata { Name = "CustomerId", Kind = ColumnKind.Identifier },
                        new ColumnMetadata { Name = "Name", Kind = ColumnKind.Text, Pii = PiiKind.PersonName, Evidence = "names" },
                        new ColumnMetadata { Name = "ReferredBy", Kind = ColumnKind.Identifier },
                    ],
                    PrimaryKey = "CustomerId",
                } : null,
            },
            new RelationalTable
            {
                Name = "Order", PrimaryKey = ["Shop", "OrderNo"],
                Columns = [new("Shop", "TEXT", false), new("OrderNo", "INTEGER", false), new("CustomerId", "INTEGER", false), new("Total", "NUMERIC(10,2)", false)],
            },
            new RelationalTable
            {
                Name = "Line", PrimaryKey = [],
                Columns = [new("Shop", "TEXT", false), new("OrderNo", "INTEGER", false), new("Price", "NUMERIC(10,2)", false), new("Qty", "INTEGER", false)],
            },
        ],
        ForeignKeys = [OrderToCustomer, CustomerToReferrer, LineToOrder],
        SumRules = [new ChildSumRule { Column = "Total", Key = LineToOrder, Factors = ["Price", "Qty"] }],
    };

    /// <summary>Rows that satisfy <see cref="Shop"/>'s keys.</summary>
    public static Dictionary<string, Table> ShopRows() => new()
    {
        ["Customer"] = Columns(["CustomerId", "Name", "ReferredBy"], ["1", "Ann", null], ["2", "Bob", "1"], ["3", "Cy", "1"]),
        ["Order"] = Columns(["Shop", "OrderNo", "CustomerId", "Total"], ["A", "1", "1", "3.00"], ["A", "2", "2", "2.00"], ["B", "1", "2", "1.50"]),
        ["Line"] = Columns(["Shop", "OrderNo", "Price", "Qty"], ["A", "1", "1.00", "3"], ["A", "2", "2.00", "1"], ["B", "1", "1.50", "1"]),
    };

    /// <summary>A table from rows of cells.</summary>
    public static Table Columns(string[] names, params string?[][] rows) =>
        new(names, Enumerable.Range(0, names.Length).Select(c => rows.Select(r => r[c]).ToArray()).ToArray());
}
