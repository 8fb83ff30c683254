using SynthFixtures.Data;

namespace SynthFixtures.Metadata.Relational;

/// <summary>A row's key (one or more columns) as one comparable string, cells compared as <see cref="CellText.Normalize"/> compares them.</summary>
internal static class KeyTuple
{
    private const char Separator = '\u001f';

    /// <summary>The row's key, or <c>null</c> when any of its cells is missing.</summary>
    public static string? Of(IReadOnlyList<string?>[] columns, int row)
    {
        if (columns.Length == 1) return columns[0][row] is { } single ? CellText.Normalize(single) : null;
        var parts = new string[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i][row] is not { } cell) return null;
            parts[i] = CellText.Normalize(cell);
        }
        return string.Join(Separator, parts);
    }

    /// <summary><c>CustomerId = 7</c> or <c>(PlaylistId, TrackId) = (1, 3402)</c>, as messages show a key.</summary>
    public static string Display(IReadOnlyList<string> columns, string tuple) => columns.Count == 1
        ? $"{columns[0]} = '{tuple}'"
        : $"({string.Join(", ", columns)}) = ({string.Join(", ", tuple.Split(Separator).Select(p => $"'{p}'"))})";
}
