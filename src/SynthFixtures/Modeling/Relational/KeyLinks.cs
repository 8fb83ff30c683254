using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Modeling.Relational;

/// <summary>Which source parent row each child row references through one foreign key, and how many children each parent has.</summary>
/// <param name="ParentRowOf">Per child row, the parent row (-1: the key is null).</param>
/// <param name="Children">Per parent row, its number of children through the key.</param>
internal sealed record KeyLinks(int[] ParentRowOf, int[] Children)
{
    /// <summary>Share of child rows whose key is null.</summary>
    public double NullRate => ParentRowOf.Length == 0 ? 0 : ParentRowOf.Count(p => p < 0) / (double)ParentRowOf.Length;

    /// <summary>Share of parent rows with at least one child.</summary>
    public double Coverage => Children.Length == 0 ? 0 : Children.Count(c => c > 0) / (double)Children.Length;

    /// <summary>Joins the key's child rows to its parent rows.</summary>
    /// <exception cref="SynthDataException">The parent's key is not unique, or a child references no parent row (an orphan).</exception>
    public static KeyLinks Of(RelationalDataset data, ForeignKey key)
    {
        var parent = data[key.ParentTable];
        var child = data[key.ChildTable];
        var parentColumns = key.ParentColumns.Select(parent.IndexOf).ToArray();
        var childColumns = key.ChildColumns.Select(child.IndexOf).ToArray();
        var rowOf = new Dictionary<string, int>(parent.RowCount, StringComparer.Ordinal);
        for (var row = 0; row < parent.RowCount; row++)
            if (KeyText(parent, row, parentColumns) is { } text && !rowOf.TryAdd(text, row))
                throw new SynthDataException($"The key ({string.Join(", ", key.ParentColumns)}) of '{key.ParentTable}' is not unique: rows {rowOf[text] + 1} and {row + 1} share it.",
                    parent.SourcePath, hint: "A foreign key must reference a unique key: fix the data or the relational metadata.");
        var parentRowOf = new int[child.RowCount];
        var children = new int[parent.RowCount];
        for (var row = 0; row < child.RowCount; row++)
        {
            if (KeyText(child, row, childColumns) is not { } text) { parentRowOf[row] = -1; continue; }
            if (!rowOf.TryGetValue(text, out var parentRow))
                throw new SynthDataException(
                    string.Create(CultureInfo.InvariantCulture, $"Row {row + 1} of '{key.ChildTable}' references no row of '{key.ParentTable}' through {key} (an orphan)."),
                    child.SourcePath, hint: "Fix the data, or remove the foreign key from the relational metadata.");
            parentRowOf[row] = parentRow;
            children[parentRow]++;
        }
        return new KeyLinks(parentRowOf, children);
    }

    // A key with any null part references nothing (as in SQL).
    private static string? KeyText(Table table, int row, int[] columns)
    {
        if (columns.Length == 1) return table[row, columns[0]] is { } single ? CellText.Normalize(single) : null;
        var parts = new string[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            if (table[row, columns[i]] is not { } cell) return null;
            parts[i] = CellText.Normalize(cell);
        }
        return string.Join('\u001f', parts);
    }
}
