using SynthFixtures.Data;
using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.EntityFrameworkCore.Tests;

/// <summary>Small relational datasets written out by hand, in the raw-text form generated databases come in.</summary>
internal static class Datasets
{
    /// <summary>A table given row by row.</summary>
    public sealed record Rows(string Name, string[] Columns, string?[][] Cells, string[]? PrimaryKey = null);

    public static RelationalDataset Of(IReadOnlyList<ForeignKey> keys, params Rows[] tables)
    {
        var metadata = new RelationalMetadata
        {
            Tables = tables.Select(t => new RelationalTable
            {
                Name = t.Name,
                PrimaryKey = t.PrimaryKey ?? [t.Columns[0]],
                Columns = t.Columns.Select(c => new SqlColumn(c, "TEXT", true)).ToList(),
            }).ToList(),
            ForeignKeys = keys,
        };
        return new RelationalDataset(metadata, tables.ToDictionary(
            t => t.Name,
            t => new Table(t.Columns, Enumerable.Range(0, t.Columns.Length).Select(c => t.Cells.Select(r => r[c]).ToArray()).ToArray())));
    }

    public static ForeignKey Key(string child, string childColumn, string parent, string parentColumn) =>
        new() { ChildTable = child, ChildColumns = [childColumn], ParentTable = parent, ParentColumns = [parentColumn] };

    public static readonly string[] CustomerColumns = ["customer_id", "name", "tier", "joined", "active"];
    public static readonly string[] OrderColumns = ["order_id", "customer_id", "total", "placed_at", "reference"];

    /// <summary>Three customers and five orders; the orders table comes first, so insert order cannot follow table order.</summary>
    public static RelationalDataset Shop(string? badTotal = null) => Of(
        [Key("orders", "customer_id", "customers", "customer_id")],
        new Rows("orders", OrderColumns,
        [
            ["1", "1", "19.99", "2024-03-01 10:15:00", "0f8fad5b-d9cb-469f-a165-70867728950e"],
            ["2", "1", "5.50", "2024-03-02T08:00:00", null],
            ["3", "2", "120", "2024-04-11 23:59:59", null],
            ["4", "3", badTotal ?? "0.01", "2024-05-05", ""],
            ["5", "3", "77.10", "2024-05-06 12:00:00", "7c9e6679-7425-40de-944b-e07fc1f90ae7"],
        ]),
        new Rows("customers", CustomerColumns,
        [
            ["1", "Ada", "Gold", "2023-01-15", "true"],
            ["2", "Grace", "Silver", "2023-02-01 00:00:00", "0"],
            ["3", "Linus", "Bronze", "2023-03-20", "1"],
        ]));
}
