using SynthFixtures.Data;
using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Tests.Databases;

/// <summary>
/// A small invented shop: employees with a self-referencing manager (a report listed before its manager), customers
/// served by an employee, orders (a table named with a reserved word), order lines with a composite key, and shipments
/// referencing an order line by that composite key. Tables are listed children first, so the seeder must order them.
/// </summary>
internal static class ShopDataset
{
    /// <summary>The metadata (source-like declared types).</summary>
    public static RelationalMetadata Metadata { get; } = new()
    {
        Tables =
        [
            Table("Shipment", ["ShipmentId"], ("ShipmentId", "INTEGER", false), ("OrderId", "INTEGER", false), ("LineNo", "INTEGER", false),
                ("ShippedOn", "DATE", true)),
            Table("OrderLine", ["OrderId", "LineNo"], ("OrderId", "INTEGER", false), ("LineNo", "INTEGER", false),
                ("Product", "NVARCHAR(20)", false), ("Quantity", "INTEGER", false), ("Price", "REAL", false)),
            Table("Order", ["OrderId"], ("OrderId", "INTEGER", false), ("CustomerId", "INTEGER", false), ("PlacedAt", "DATETIME", false),
                ("Total", "NUMERIC(10,2)", false)),
            Table("Customer", ["CustomerId"], ("CustomerId", "INTEGER", false), ("Name", "NVARCHAR(40)", false), ("Vip", "BOOLEAN", true),
                ("Joined", "DATETIME", true), ("SupportRepId", "INTEGER", true)),
            Table("Employee", ["EmployeeId"], ("EmployeeId", "INTEGER", false), ("Name", "NVARCHAR(40)", false), ("ManagerId", "INTEGER", true)),
        ],
        ForeignKeys =
        [
            Key("Shipment", ["OrderId", "LineNo"], "OrderLine", ["OrderId", "LineNo"]),
            Key("OrderLine", ["OrderId"], "Order", ["OrderId"]),
            Key("Order", ["CustomerId"], "Customer", ["CustomerId"]),
            Key("Customer", ["SupportRepId"], "Employee", ["EmployeeId"]),
            Key("Employee", ["ManagerId"], "Employee", ["EmployeeId"]),
        ],
    };

    /// <summary>The rows; every key is shifted by <paramref name="offset"/> so a second copy can be appended.</summary>
    public static RelationalDataset Build(int offset = 0, Action<Dictionary<string, string?[][]>>? change = null)
    {
        string Id(int id) => (id + offset).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var columns = new Dictionary<string, string?[][]>(StringComparer.Ordinal)
        {
            ["Employee"] = Columns(
                [Id(1), "Ana Report", Id(3)],
                [Id(2), "Bo Boss", null],
                [Id(3), "Cy Middle", Id(2)]),
            ["Customer"] = Columns(
                [Id(1), "Élodie Dupré", "true", "2024-01-05 10:30:00", Id(1)],
                [Id(2), "Kwame, Jr.", "false", "2023-12-31 23:59:59", Id(3)],
                [Id(3), "O'Brien \"Ltd\"", null, null, null]),
            ["Order"] = Columns(
                [Id(1), Id(1), "2024-02-01 09:00:00", "12.50"],
                [Id(2), Id(1), "2024-02-02 14:15:00", "3.99"],
                [Id(3), Id(2), "2024-03-10 08:00:00", "1000.00"]),
            ["OrderLine"] = Columns(
                [Id(1), "1", "Widget", "2", "5.25"],
                [Id(1), "2", "Gadget", "1", "2"],
                [Id(2), "1", "Widget", "1", "3.99"],
                [Id(3), "1", "Gizmo", "4", "250"]),
            ["Shipment"] = Columns(
                [Id(1), Id(1), "1", "2024-02-03"],
                [Id(2), Id(1), "2", null],
                [Id(3), Id(3), "1", "2024-03-12"]),
        };
        change?.Invoke(columns);
        return new RelationalDataset(Metadata, Metadata.Tables.ToDictionary(t => t.Name,
            t => new Table(t.Columns.Select(c => c.Name).ToList(), columns[t.Name]), StringComparer.Ordinal));
    }

    /// <summary>Rows per table in <see cref="Build"/>.</summary>
    public static IReadOnlyDictionary<string, int> RowCounts { get; } = new Dictionary<string, int>
    {
        ["Employee"] = 3, ["Customer"] = 3, ["Order"] = 3, ["OrderLine"] = 4, ["Shipment"] = 3,
    };

    private static string?[][] Columns(params string?[][] rows) =>
        Enumerable.Range(0, rows[0].Length).Select(c => rows.Select(r => r[c]).ToArray()).ToArray();

    private static RelationalTable Table(string name, string[] key, params (string Name, string Type, bool Nullable)[] columns) => new()
    {
        Name = name,
        PrimaryKey = key,
        Columns = columns.Select(c => new SqlColumn(c.Name, c.Type, c.Nullable)).ToList(),
    };

    private static ForeignKey Key(string child, string[] childColumns, string parent, string[] parentColumns) => new()
    {
        ChildTable = child, ChildColumns = childColumns, ParentTable = parent, ParentColumns = parentColumns,
    };
}
