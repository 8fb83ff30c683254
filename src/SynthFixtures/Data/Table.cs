namespace SynthFixtures.Data;

/// <summary>
/// A table of raw cells as read from a CSV (or produced by a sampler): one array per column, <c>null</c> for a
/// missing value. Cells keep their text exactly as written (leading spaces included), so output reproduces the input
/// faithfully; comparisons that must ignore padding use <see cref="CellText.Normalize"/>.
/// </summary>
public sealed class Table
{
    private readonly string?[][] _columns;
    private readonly int[]? _sourceLines;

    /// <summary>Creates a table from column arrays that all have the same length.</summary>
    /// <param name="columnNames">Header names, unique and non-empty.</param>
    /// <param name="columns">One array of cells per column; <c>null</c> marks a missing value.</param>
    /// <param name="missingTokens">Per column, the raw token that stood for a missing value in the source (e.g. <c>" ?"</c>), so output can write it back; <c>null</c> means an empty field.</param>
    /// <param name="sourcePath">The file the table came from, for error messages.</param>
    /// <param name="sourceLines">Per row, the 1-based line in <paramref name="sourcePath"/> where the row starts.</param>
    public Table(IReadOnlyList<string> columnNames, string?[][] columns, IReadOnlyList<string?>? missingTokens = null,
        string? sourcePath = null, int[]? sourceLines = null)
    {
        ArgumentNullException.ThrowIfNull(columnNames);
        ArgumentNullException.ThrowIfNull(columns);
        if (columnNames.Count != columns.Length)
            throw new ArgumentException($"{columnNames.Count} column names but {columns.Length} columns.", nameof(columns));
        RowCount = columns.Length == 0 ? 0 : columns[0].Length;
        foreach (var column in columns)
            if (column.Length != RowCount) throw new ArgumentException("All columns must have the same number of rows.", nameof(columns));
        if (sourceLines is not null && sourceLines.Length != RowCount)
            throw new ArgumentException("One source line per row is required.", nameof(sourceLines));
        if (missingTokens is not null && missingTokens.Count != columns.Length)
            throw new ArgumentException("One missing token per column is required.", nameof(missingTokens));
        ColumnNames = columnNames.ToArray();
        _columns = columns;
        MissingTokens = missingTokens?.ToArray() ?? new string?[columns.Length];
        SourcePath = sourcePath;
        _sourceLines = sourceLines;
    }

    /// <summary>Header names in file order.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>Number of data rows (the header is not a row).</summary>
    public int RowCount { get; }

    /// <summary>Number of columns.</summary>
    public int ColumnCount => _columns.Length;

    /// <summary>The file this table was read from, if any.</summary>
    public string? SourcePath { get; }

    /// <summary>The field separator the source was read with (detected or forced; a comma for tables not read from CSV).</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>The encoding the source was transcoded from (<c>UTF-16LE</c>, …), or <c>null</c> when it was UTF-8 or not a file.</summary>
    public string? TranscodedFrom { get; init; }

    /// <summary>Per column, the raw token that marked missing values in the source (<c>null</c>: an empty field).</summary>
    public IReadOnlyList<string?> MissingTokens { get; }

    /// <summary>The cells of column <paramref name="index"/>; <c>null</c> is a missing value.</summary>
    public IReadOnlyList<string?> Column(int index) => _columns[index];

    /// <summary>The cells of the column called <paramref name="name"/> (ordinal match).</summary>
    public IReadOnlyList<string?> Column(string name) => _columns[IndexOf(name)];

    /// <summary>The cell at <paramref name="row"/>, <paramref name="column"/>.</summary>
    public string? this[int row, int column] => _columns[column][row];

    /// <summary>Index of the column called <paramref name="name"/>, or an error that lists the columns.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < ColumnNames.Count; i++)
            if (string.Equals(ColumnNames[i], name, StringComparison.Ordinal)) return i;
        throw new SynthDataException($"There is no column '{name}'.", SourcePath,
            hint: $"The columns are: {string.Join(", ", ColumnNames)}.");
    }

    /// <summary>Whether a column with this exact name exists.</summary>
    public bool HasColumn(string name) => ColumnNames.Contains(name, StringComparer.Ordinal);

    /// <summary>The column's backing array, for building a corrected copy without copying untouched columns.</summary>
    internal string?[] ColumnArray(int index) => _columns[index];

    /// <summary>Every row's source line, or <c>null</c>.</summary>
    internal int[]? SourceLines => _sourceLines;

    /// <summary>A copy with some columns replaced (same names, missing tokens, source and lines).</summary>
    internal Table WithColumns(IReadOnlyDictionary<int, string?[]> replaced) =>
        new(ColumnNames, Enumerable.Range(0, ColumnCount).Select(i => replaced.TryGetValue(i, out var c) ? c : _columns[i]).ToArray(),
            MissingTokens, SourcePath, _sourceLines)
        {
            Delimiter = Delimiter,
            TranscodedFrom = TranscodedFrom,
        };

    /// <summary>The 1-based source line where <paramref name="row"/> starts, or <c>null</c> when the table is not from a file.</summary>
    public int? SourceLine(int row) => _sourceLines?[row];
}
