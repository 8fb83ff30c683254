using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Tests.Evaluation.Relational;

/// <summary>
/// An invented shop database built in code, whose answers the tests know: Customer (Country independent of Age, a free
/// text Note) → Invoice (0–6 per customer, Total ≈ 2 × the customer's Age, so the relation runs across the key) and a
/// link table InvoiceTag (InvoiceId, TagId) → Tag with keys only. Cells are mutable so a test can break one thing.
/// </summary>
internal sealed class InventedShop
{
    public Dictionary<string, Dictionary<string, string?[]>> Cells { get; } = new(StringComparer.Ordinal);

    public static InventedShop Build(int customers = 120, int seed = 7)
    {
        var random = new Random(seed);
        var shop = new InventedShop();
        string S(int value) => value.ToString(CultureInfo.InvariantCulture);
        var ages = Enumerable.Range(0, customers).Select(_ => 20 + random.Next(51)).ToArray();
        shop.Cells["Customer"] = new(StringComparer.Ordinal)
        {
            ["CustomerId"] = Enumerable.Range(1, customers).Select(S).ToArray(),
            ["Country"] = Enumerable.Range(0, customers).Select(_ => new[] { "NL", "DE", "FR" }[random.Next(3)]).ToArray(),
            ["Age"] = ages.Select(S).ToArray(),
            ["Note"] = Enumerable.Range(0, customers).Select(i => $"customer note number {i} written by hand").ToArray(),
        };
        var invoiceCustomer = new List<string?>();
        var totals = new List<string?>();
        var channels = new List<string?>();
        for (var c = 0; c < customers; c++)
            for (var n = random.Next(7); n > 0; n--)
            {
                invoiceCustomer.Add(S(c + 1));
                totals.Add((2.0 * ages[c] + random.NextDouble() * 10).ToString("F2", CultureInfo.InvariantCulture));
                channels.Add(random.Next(3) == 0 ? "store" : "web");
            }
        var invoices = invoiceCustomer.Count;
        shop.Cells["Invoice"] = new(StringComparer.Ordinal)
        {
            ["InvoiceId"] = Enumerable.Range(1, invoices).Select(S).ToArray(),
            ["CustomerId"] = invoiceCustomer.ToArray(),
            ["Total"] = totals.ToArray(),
            ["Channel"] = channels.ToArray(),
        };
        shop.Cells["Tag"] = new(StringComparer.Ordinal)
        {
            ["TagId"] = ["1", "2", "3"],
            ["Label"] = ["gift", "bulk", "gift"],
        };
        var tagInvoice = new List<string?>();
        var tagId = new List<string?>();
        for (var i = 1; i <= invoices; i += 2)
        {
            tagInvoice.Add(S(i));
            tagId.Add(S(1 + random.Next(3)));
        }
        shop.Cells["InvoiceTag"] = new(StringComparer.Ordinal) { ["InvoiceId"] = tagInvoice.ToArray(), ["TagId"] = tagId.ToArray() };
        return shop;
    }

    public static ForeignKey InvoiceCustomer { get; } = Key("Invoice", ["CustomerId"], "Customer", ["CustomerId"]);

    public static ForeignKey TagInvoice { get; } = Key("InvoiceTag", ["InvoiceId"], "Invoice", ["InvoiceId"]);

    public static ForeignKey TagTag { get; } = Key("InvoiceTag", ["TagId"], "Tag", ["TagId"]);

    public static RelationalMetadata Metadata { get; } = new()
    {
        Tables =
        [
            Table("Customer", ["CustomerId"], new ColumnMetadata { Name = "CustomerId", Kind = ColumnKind.Integer },
                new ColumnMetadata { Name = "Country", Kind = ColumnKind.Categorical }, new ColumnMetadata { Name = "Age", Kind = ColumnKind.Integer },
                new ColumnMetadata { Name = "Note", Kind = ColumnKind.Text }),
            Table("Invoice", ["InvoiceId"], new ColumnMetadata { Name = "InvoiceId", Kind = ColumnKind.Integer },
                new ColumnMetadata { Name = "CustomerId", Kind = ColumnKind.Integer }, new ColumnMetadata { Name = "Total", Kind = ColumnKind.Decimal, DecimalPlaces = 2 },
                new ColumnMetadata { Name = "Channel", Kind = ColumnKind.Categorical }),
            Table("Tag", ["TagId"], new ColumnMetadata { Name = "TagId", Kind = ColumnKind.Integer },
                new ColumnMetadata { Name = "Label", Kind = ColumnKind.Categorical }),
            Table("InvoiceTag", ["InvoiceId", "TagId"], new ColumnMetadata { Name = "InvoiceId", Kind = ColumnKind.Integer },
                new ColumnMetadata { Name = "TagId", Kind = ColumnKind.Integer }),
        ],
        ForeignKeys = [InvoiceCustomer, TagInvoice, TagTag],
    };

    /// <summary>The cells as a dataset (a table or column removed from <see cref="Cells"/> is missing from it, and from its metadata).</summary>
    public RelationalDataset Dataset()
    {
        var tables = Metadata.Tables.Where(t => Cells.ContainsKey(t.Name)).Select(t => t with
        {
            Columns = t.Columns.Where(c => Cells[t.Name].ContainsKey(c.Name)).ToArray(),
            Profile = t.Profile! with { Columns = t.Profile.Columns.Where(c => Cells[t.Name].ContainsKey(c.Name)).ToArray() },
        }).ToArray();
        var names = tables.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var metadata = Metadata with
        {
            Tables = tables,
            ForeignKeys = Metadata.ForeignKeys.Where(k => names.Contains(k.ChildTable) && names.Contains(k.ParentTable)).ToArray(),
        };
        return new RelationalDataset(metadata, tables.ToDictionary(t => t.Name,
            t => new Table(t.Columns.Select(c => c.Name).ToArray(), t.Columns.Select(c => Cells[t.Name][c.Name]).ToArray())));
    }

    /// <summary>A deep copy, to perturb.</summary>
    public InventedShop Copy()
    {
        var copy = new InventedShop();
        foreach (var (table, columns) in Cells)
            copy.Cells[table] = columns.ToDictionary(c => c.Key, c => (string?[])c.Value.Clone(), StringComparer.Ordinal);
        return copy;
    }

    /// <summary>Replaces a table's rows by the given columns (same column names).</summary>
    public void Replace(string table, Dictionary<string, string?[]> columns) => Cells[table] = columns;

    private static ForeignKey Key(string child, string[] childColumns, string parent, string[] parentColumns) => new()
    {
        ChildTable = child, ChildColumns = childColumns, ParentTable = parent, ParentColumns = parentColumns,
    };

    private static RelationalTable Table(string name, string[] primaryKey, params ColumnMetadata[] columns) => new()
    {
        Name = name,
        PrimaryKey = primaryKey,
        Columns = columns.Select(c => new SqlColumn(c.Name, c.IsNumeric ? "INTEGER" : "TEXT", Nullable: false)).ToArray(),
        Profile = new TableMetadata { Columns = columns },
    };
}
