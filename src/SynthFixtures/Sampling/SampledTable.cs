using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Transforms;

namespace SynthFixtures.Sampling;

/// <summary>
/// Synthetic rows in typed form, column by column: numbers (NaN = missing) for numeric and datetime columns, category
/// codes into a label list for categorical and boolean columns, text for generated columns. Typed binders read these
/// directly; <see cref="ToTable"/> formats them as text exactly as the source wrote its values.
/// </summary>
public sealed class SampledTable
{
    private readonly SampledColumn[] _columns;

    internal SampledTable(TableMetadata metadata, SampledColumn[] columns, int rowCount)
    {
        Metadata = metadata;
        _columns = columns;
        RowCount = rowCount;
    }

    /// <summary>The schema of the rows.</summary>
    public TableMetadata Metadata { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>Columns in metadata order.</summary>
    public IReadOnlyList<SampledColumn> Columns => _columns;

    /// <summary>The column called <paramref name="name"/>.</summary>
    public SampledColumn this[string name] =>
        _columns.FirstOrDefault(c => c.Metadata.Name == name) ?? throw new KeyNotFoundException($"No column '{name}'.");

    /// <summary>These rows with the column at <paramref name="index"/> holding <paramref name="cells"/> instead (a learned text column written after the others).</summary>
    internal SampledTable WithTexts(int index, string?[] cells)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(cells.Length, RowCount);
        var columns = (SampledColumn[])_columns.Clone();
        columns[index] = new SampledColumn(_columns[index].Metadata, _columns[index].MissingToken, texts: cells);
        return new SampledTable(Metadata, columns, RowCount);
    }

    /// <summary>These rows with the column at <paramref name="index"/> replaced by <paramref name="column"/> (a given column written over the drawn one).</summary>
    internal SampledTable WithColumn(int index, SampledColumn column)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(column.Length, RowCount);
        var columns = (SampledColumn[])_columns.Clone();
        columns[index] = column;
        return new SampledTable(Metadata, columns, RowCount);
    }

    /// <summary>The rows as text cells, formatted as the source wrote them (integers integral, dates in their format, labels verbatim).</summary>
    public Table ToTable()
    {
        var names = _columns.Select(c => c.Metadata.Name).ToArray();
        var cells = _columns.Select(c => c.Cells()).ToArray();
        var missing = _columns.Select(c => c.MissingToken).ToArray();
        return new Table(names, cells, missing);
    }
}

/// <summary>One column of a <see cref="SampledTable"/>; exactly one of <see cref="Numbers"/>, <see cref="Codes"/>, <see cref="Texts"/> is set.</summary>
public sealed class SampledColumn
{
    internal SampledColumn(ColumnMetadata metadata, string? missingToken, double[]? numbers = null, int[]? codes = null,
        IReadOnlyList<string?>? categories = null, string?[]? texts = null)
    {
        Metadata = metadata;
        MissingToken = missingToken;
        Numbers = numbers;
        Codes = codes;
        Categories = categories;
        Texts = texts;
    }

    /// <summary>The column's metadata.</summary>
    public ColumnMetadata Metadata { get; }

    /// <summary>The token written for a missing value (the source's own, such as <c>" ?"</c>), or <c>null</c> for an empty field.</summary>
    public string? MissingToken { get; }

    /// <summary>Values of a numeric or datetime column (datetimes as seconds since 0001-01-01); NaN is missing.</summary>
    public double[]? Numbers { get; }

    /// <summary>Category codes of a categorical or boolean column, indexing <see cref="Categories"/>.</summary>
    public int[]? Codes { get; }

    /// <summary>Labels for <see cref="Codes"/> as the source wrote them; a <c>null</c> label is a missing value.</summary>
    public IReadOnlyList<string?>? Categories { get; }

    /// <summary>Cells of a generated column (keys, text, fakes); <c>null</c> is missing.</summary>
    public string?[]? Texts { get; }

    /// <summary>Number of rows.</summary>
    internal int Length => Texts?.Length ?? Codes?.Length ?? Numbers!.Length;

    /// <summary>The cell text of every row; <c>null</c> for missing.</summary>
    public string?[] Cells()
    {
        if (Texts is not null) return Texts;
        if (Codes is not null) return Codes.Select(code => Categories![code]).ToArray();
        var numbers = Numbers!;
        var cells = new string?[numbers.Length];
        for (var i = 0; i < cells.Length; i++)
            cells[i] = double.IsNaN(numbers[i]) ? null : ColumnValues.Format(numbers[i], Metadata);
        return cells;
    }
}
