using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Transforms;

namespace SynthFixtures.Models.Given;

/// <summary>
/// The rows a conditional sample is drawn for (<see cref="SynthModel.SampleGiven"/>): each given column matched to the
/// model's column of the same name, numeric cells parsed once, and the number of the first row, which picks every
/// row's random stream so that a table split into pieces gives the rows of the whole.
/// </summary>
internal sealed class GivenRows
{
    private GivenRows(IReadOnlyList<GivenColumn> columns, int rowCount, long firstRow)
    {
        Columns = columns;
        RowCount = rowCount;
        FirstRow = firstRow;
    }

    /// <summary>The given columns, in the given table's order.</summary>
    public IReadOnlyList<GivenColumn> Columns { get; }

    /// <summary>Rows to draw.</summary>
    public int RowCount { get; }

    /// <summary>The number of the first given row within the whole sample: row i draws from stream <c>FirstRow + i</c>.</summary>
    public long FirstRow { get; }

    /// <summary>The given column for metadata column <paramref name="metadataIndex"/>, or <c>null</c> when it is drawn.</summary>
    public GivenColumn? Find(int metadataIndex)
    {
        foreach (var column in Columns)
            if (column.MetadataIndex == metadataIndex) return column;
        return null;
    }

    /// <summary>Matches <paramref name="given"/>'s columns to <paramref name="metadata"/> and parses the numeric cells.</summary>
    /// <exception cref="SynthDataException">
    /// A column is unknown, given twice, written by a learned text model, or a numeric cell does not parse as its column's kind.
    /// </exception>
    public static GivenRows Resolve(TableMetadata metadata, IReadOnlyCollection<string> learnedTextColumns, Table given, long firstRow)
    {
        var columns = new List<GivenColumn>(given.ColumnCount);
        var seen = new HashSet<int>();
        for (var g = 0; g < given.ColumnCount; g++)
        {
            var name = given.ColumnNames[g];
            var index = IndexOf(metadata, name);
            if (index < 0)
                throw new SynthDataException($"The given column '{name}' is not a column of the model.", given.SourcePath, column: g + 1,
                    hint: $"Give a subset of the model's columns: {string.Join(", ", metadata.Columns.Select(c => c.Name))}.", columnName: name);
            if (!seen.Add(index))
                throw new SynthDataException($"The column '{name}' is given twice.", given.SourcePath, column: g + 1,
                    hint: "Give each column once.", columnName: name);
            if (learnedTextColumns.Contains(name))
                throw new SynthDataException($"The given column '{name}' is written by a learned text model, which cannot be conditioned on.",
                    given.SourcePath, column: g + 1,
                    hint: "Give the columns the text is conditioned on instead; the text is written from them.", columnName: name);
            var meta = metadata.Columns[index];
            var cells = given.Column(g);
            columns.Add(new GivenColumn(index, meta, cells, meta.IsNumeric ? Parse(given, g, meta) : null));
        }
        return new GivenRows(columns, given.RowCount, firstRow);
    }

    private static int IndexOf(TableMetadata metadata, string name)
    {
        for (var i = 0; i < metadata.Columns.Count; i++)
            if (string.Equals(metadata.Columns[i].Name, name, StringComparison.Ordinal)) return i;
        return -1;
    }

    private static double[] Parse(Table given, int g, ColumnMetadata meta)
    {
        var cells = given.Column(g);
        var values = new double[cells.Count];
        for (var row = 0; row < values.Length; row++)
        {
            var cell = cells[row];
            if (cell is null) values[row] = double.NaN;
            else if (!ColumnValues.TryParse(cell, meta, out values[row]))
                throw new SynthDataException(
                    string.Create(CultureInfo.InvariantCulture, $"Given row {row + 1}: '{cell.Trim()}' is not a valid value for the {meta.Kind.ToString().ToLowerInvariant()} column '{meta.Name}'."),
                    given.SourcePath, given.SourceLine(row), g + 1,
                    meta.Kind == ColumnKind.DateTime ? $"Write dates as {meta.DateTimeFormat ?? "ISO 8601"}." : "Write numbers in the invariant culture, e.g. 42 or 3.5.",
                    meta.Name);
        }
        return values;
    }
}

/// <summary>One given column: where it sits in the model's metadata, its cells, and for a numeric column their values (NaN: missing).</summary>
/// <param name="MetadataIndex">Index of the column in the model's metadata.</param>
/// <param name="Metadata">The model's metadata of the column.</param>
/// <param name="Cells">The given cells; <c>null</c> is missing.</param>
/// <param name="Numbers">Parsed values of a numeric or datetime column; <c>null</c> for other kinds.</param>
internal sealed record GivenColumn(int MetadataIndex, ColumnMetadata Metadata, IReadOnlyList<string?> Cells, double[]? Numbers)
{
    /// <summary>Column name.</summary>
    public string Name => Metadata.Name;
}
