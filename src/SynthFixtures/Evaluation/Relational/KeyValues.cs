using SynthFixtures.Data;

namespace SynthFixtures.Evaluation.Relational;

/// <summary>
/// The key of each row over one or more columns, as one comparable text: cells trimmed (<see cref="CellText.Normalize"/>)
/// and joined with a unit separator, so a composite key compares as a tuple. As SQL's default foreign-key match does, a
/// key with any missing part is missing (<c>null</c>): it references nothing and is not checked.
/// </summary>
internal static class KeyValues
{
    private const char Separator = '\u001F';

    /// <summary>Per row, the key over <paramref name="columns"/> of <paramref name="table"/>, <c>null</c> when a part is missing.</summary>
    public static string?[] Of(Table table, IReadOnlyList<string> columns)
    {
        var cells = columns.Select(table.Column).ToArray();
        var keys = new string?[table.RowCount];
        for (var row = 0; row < keys.Length; row++)
        {
            if (cells.Length == 1)
            {
                keys[row] = cells[0][row] is { } cell ? CellText.Normalize(cell) : null;
                continue;
            }
            var parts = new string[cells.Length];
            var missing = false;
            for (var c = 0; c < cells.Length && !missing; c++)
            {
                if (cells[c][row] is { } cell) parts[c] = CellText.Normalize(cell);
                else missing = true;
            }
            keys[row] = missing ? null : string.Join(Separator, parts);
        }
        return keys;
    }

    /// <summary>A key as the reports show it: the value itself, or <c>(a, b)</c> for a composite key.</summary>
    public static string Display(string key) => key.Contains(Separator, StringComparison.Ordinal)
        ? "(" + string.Join(", ", key.Split(Separator)) + ")"
        : key;

    /// <summary>Whether <paramref name="table"/> has every one of <paramref name="columns"/>.</summary>
    public static bool Has(Table table, IReadOnlyList<string> columns) => columns.All(table.HasColumn);
}
