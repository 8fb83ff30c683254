using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata.Relational;
using SynthFixtures.Randomness;

namespace SynthFixtures.Tests.Models.Relational;

/// <summary>
/// A small invented shop, written by the test: employees (a reporting tree), customers (a support rep each; the country
/// drives how many orders a customer places and through which channel), orders (total = sum of their lines), products
/// with prefixed codes, order lines (an order and a product: two parents), tags and a product–tag link table.
/// </summary>
internal static class ShopDataset
{
    public static readonly ForeignKey CustomerRep = Key("Customer", ["RepId"], "Employee", ["EmployeeId"]);
    public static readonly ForeignKey EmployeeBoss = Key("Employee", ["ReportsTo"], "Employee", ["EmployeeId"]);
    public static readonly ForeignKey OrderCustomer = Key("Order", ["CustomerId"], "Customer", ["CustomerId"]);
    public static readonly ForeignKey LineOrder = Key("Line", ["OrderId"], "Order", ["OrderId"]);
    public static readonly ForeignKey LineProduct = Key("Line", ["ProductCode"], "Product", ["ProductCode"]);
    public static readonly ForeignKey TagProduct = Key("ProductTag", ["ProductCode"], "Product", ["ProductCode"]);
    public static readonly ForeignKey TagTag = Key("ProductTag", ["TagId"], "Tag", ["TagId"]);

    public static RelationalDataset Create(int customers = 300, long seed = 7)
    {
        var random = new SynthRandom(seed);
        var employees = new Rows("EmployeeId", "Title", "ReportsTo");
        for (var e = 1; e <= 20; e++)
            employees.Add(I(e), e <= 2 ? "Manager" : "Agent", e <= 2 ? null : I(1 + random.NextInt(2)));
        var products = new Rows("ProductCode", "Category", "Price");
        var prices = new decimal[41];
        for (var p = 1; p <= 40; p++)
        {
            prices[p] = Math.Round(0.99m + random.NextInt(20) * 0.5m, 2);
            products.Add($"P-{p:0000}", p % 3 == 0 ? "books" : p % 3 == 1 ? "music" : "games", prices[p].ToString("F2", CultureInfo.InvariantCulture));
        }
        var tags = new Rows("TagId", "Label");
        for (var t = 1; t <= 6; t++) tags.Add(I(t), "tag" + t);
        var productTags = new Rows("ProductCode", "TagId");
        for (var p = 1; p <= 40; p++)
            foreach (var t in Enumerable.Range(1, 6).Where(_ => random.NextDouble() < 0.35))
                productTags.Add($"P-{p:0000}", I(t));
        var customerRows = new Rows("CustomerId", "Country", "Segment", "RepId");
        var orders = new Rows("OrderId", "CustomerId", "Channel", "Total");
        var lines = new Rows("LineId", "OrderId", "ProductCode", "Quantity", "UnitPrice");
        var orderId = 100;
        var lineId = 1;
        for (var c = 1; c <= customers; c++)
        {
            var country = (c % 3) switch { 0 => "A", 1 => "B", _ => "C" };
            customerRows.Add(I(c), country, random.NextDouble() < 0.5 ? "retail" : "business", I(3 + random.NextInt(6)));
            var orderCount = country switch { "A" => 6 + random.NextInt(5), "B" => 1 + random.NextInt(3), _ => random.NextInt(2) };
            for (var o = 0; o < orderCount; o++)
            {
                var channel = random.NextDouble() < 0.85 ? country switch { "A" => "web", "B" => "store", _ => "phone" }
                    : new[] { "web", "store", "phone" }[random.NextInt(3)];
                var total = 0m;
                var lineCount = 1 + random.NextInt(4);
                for (var l = 0; l < lineCount; l++)
                {
                    var product = 1 + Math.Min(random.NextInt(40), random.NextInt(40));
                    var quantity = 1 + random.NextInt(3);
                    total += prices[product] * quantity;
                    lines.Add(I(lineId++), I(orderId), $"P-{product:0000}", I(quantity), prices[product].ToString("F2", CultureInfo.InvariantCulture));
                }
                orders.Add(I(orderId++), I(c), channel, total.ToString("F2", CultureInfo.InvariantCulture));
            }
        }
        var metadata = new RelationalMetadata
        {
            Tables =
            [
                employees.Describe("Employee", ["EmployeeId"]), customerRows.Describe("Customer", ["CustomerId"]), orders.Describe("Order", ["OrderId"]),
                lines.Describe("Line", ["LineId"]), products.Describe("Product", ["ProductCode"]), tags.Describe("Tag", ["TagId"]),
                productTags.Describe("ProductTag", ["ProductCode", "TagId"]),
            ],
            ForeignKeys = [CustomerRep, EmployeeBoss, OrderCustomer, LineOrder, LineProduct, TagProduct, TagTag],
            SumRules = [new ChildSumRule { Column = "Total", Key = LineOrder, Factors = ["Quantity", "UnitPrice"] }],
        };
        return new RelationalDataset(metadata, new Dictionary<string, Table>
        {
            ["Employee"] = employees.ToTable(), ["Customer"] = customerRows.ToTable(), ["Order"] = orders.ToTable(), ["Line"] = lines.ToTable(),
            ["Product"] = products.ToTable(), ["Tag"] = tags.ToTable(), ["ProductTag"] = productTags.ToTable(),
        });
    }

    private static ForeignKey Key(string child, string[] childColumns, string parent, string[] parentColumns) =>
        new() { ChildTable = child, ChildColumns = childColumns, ParentTable = parent, ParentColumns = parentColumns };

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Rows collected as text, turned into a table and its metadata.</summary>
    internal sealed class Rows(params string[] names)
    {
        private readonly List<string?[]> _rows = [];

        public void Add(params string?[] cells) => _rows.Add(cells);

        public Table ToTable() =>
            new(names, Enumerable.Range(0, names.Length).Select(c => _rows.Select(r => r[c]).ToArray()).ToArray());

        public RelationalTable Describe(string name, string[] primaryKey) => new()
        {
            Name = name,
            PrimaryKey = primaryKey,
            Columns = names.Select((n, c) => new SqlColumn(n, "TEXT", _rows.Any(r => r[c] is null))).ToList(),
        };
    }
}
