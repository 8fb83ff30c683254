using SynthFixtures.Data;
using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Tests.Models.Relational;

/// <summary>What every generated database must satisfy, and the measures the tests compare real and generated data by.</summary>
internal static class RelationalChecks
{
    /// <summary>Foreign-key values that reference no parent row (0 for referential integrity).</summary>
    public static int Orphans(RelationalDataset data, ForeignKey key)
    {
        var parent = data[key.ParentTable];
        var child = data[key.ChildTable];
        var keys = Enumerable.Range(0, parent.RowCount).Select(r => Tuple(parent, r, key.ParentColumns)).ToHashSet();
        return Enumerable.Range(0, child.RowCount).Select(r => Tuple(child, r, key.ChildColumns))
            .Count(t => t is not null && !keys.Contains(t));
    }

    /// <summary>Rows whose primary key repeats an earlier row's, or is null.</summary>
    public static int DuplicateKeys(RelationalDataset data, RelationalTable table)
    {
        var rows = data[table.Name];
        var seen = new HashSet<string?>();
        return Enumerable.Range(0, rows.RowCount).Count(r => Tuple(rows, r, table.PrimaryKey) is not { } t || !seen.Add(t));
    }

    /// <summary>Children per parent row through <paramref name="key"/>, parents in row order.</summary>
    public static int[] ChildrenPerParent(RelationalDataset data, ForeignKey key)
    {
        var parent = data[key.ParentTable];
        var child = data[key.ChildTable];
        var counts = new Dictionary<string, int>();
        for (var r = 0; r < child.RowCount; r++)
            if (Tuple(child, r, key.ChildColumns) is { } t) counts[t] = counts.GetValueOrDefault(t) + 1;
        return Enumerable.Range(0, parent.RowCount).Select(r => counts.GetValueOrDefault(Tuple(parent, r, key.ParentColumns)!)).ToArray();
    }

    /// <summary>The two-sample Kolmogorov–Smirnov statistic of two samples of whole numbers.</summary>
    public static double Ks(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        var max = Math.Max(a.DefaultIfEmpty().Max(), b.DefaultIfEmpty().Max());
        double worst = 0;
        for (var v = 0; v <= max; v++)
            worst = Math.Max(worst, Math.Abs(a.Count(x => x <= v) / (double)a.Count - b.Count(x => x <= v) / (double)b.Count));
        return worst;
    }

    /// <summary>For each child row, the parent row its key references (-1: none).</summary>
    public static int[] ParentRows(RelationalDataset data, ForeignKey key)
    {
        var parent = data[key.ParentTable];
        var child = data[key.ChildTable];
        var index = new Dictionary<string, int>();
        for (var r = 0; r < parent.RowCount; r++) index[Tuple(parent, r, key.ParentColumns)!] = r;
        return Enumerable.Range(0, child.RowCount).Select(r => Tuple(child, r, key.ChildColumns) is { } t ? index.GetValueOrDefault(t, -1) : -1).ToArray();
    }

    /// <summary>Every table as CSV text, to compare two databases byte for byte.</summary>
    public static string Text(RelationalDataset data) =>
        string.Concat(data.Tables.Select(t => $"## {t.Table.Name}\n{CsvTableWriter.WriteToString(t.Rows)}"));

    private static string? Tuple(Table table, int row, IReadOnlyList<string> columns)
    {
        var parts = columns.Select(c => table[row, table.IndexOf(c)]).ToArray();
        return parts.Any(p => p is null) ? null : string.Join('\u001f', parts);
    }
}
