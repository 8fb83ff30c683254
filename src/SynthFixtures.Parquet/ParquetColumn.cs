using System.Globalization;
using Parquet;
using Parquet.Schema;
using SynthFixtures.Metadata;
using SynthFixtures.Transforms;

namespace SynthFixtures.Parquet;

/// <summary>
/// One model column as a Parquet column: its typed, nullable field, chosen by the column's kind, and the conversion of
/// a chunk's cells (the text the CSV would hold) to that type, so a Parquet sample holds exactly the CSV's values.
/// </summary>
internal sealed class ParquetColumn
{
    private static readonly string[] TrueWords = ["true", "yes", "y", "t", "1"];
    private static readonly string[] FalseWords = ["false", "no", "n", "f", "0"];

    private readonly ColumnMetadata _column;

    private ParquetColumn(ColumnMetadata column, DataField field)
    {
        _column = column;
        Field = field;
    }

    /// <summary>The Parquet field: INT64, DOUBLE, a timestamp or date, BOOLEAN or a UTF-8 string, always nullable.</summary>
    public DataField Field { get; }

    /// <summary>The Parquet column for <paramref name="column"/>.</summary>
    public static ParquetColumn For(ColumnMetadata column) => new(column, column.Kind switch
    {
        ColumnKind.Integer => new DataField<long?>(column.Name, true),
        ColumnKind.Decimal => new DataField<double?>(column.Name, true),
        ColumnKind.DateTime => ColumnValues.HasTimeOfDay(column.DateTimeFormat)
            ? new DateTimeDataField(column.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: false, unit: DateTimeTimeUnit.Micros, isNullable: true)
            : new DateTimeDataField(column.Name, DateTimeFormat.Date, isAdjustedToUTC: false, isNullable: true),
        ColumnKind.Boolean => new DataField<bool?>(column.Name, true),
        _ => new DataField<string>(column.Name, true),
    });

    /// <summary>The chunk's cells of this column as typed values (<c>null</c> cells stay null).</summary>
    /// <exception cref="SynthDataException">A cell does not read as the column's type.</exception>
    public ParquetColumnValues Convert(IReadOnlyList<string?> cells) => _column.Kind switch
    {
        ColumnKind.Integer => Structs<long>(cells, cell => long.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null),
        ColumnKind.Decimal => Structs<double>(cells, cell => double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null),
        ColumnKind.DateTime => Structs<DateTime>(cells, cell => ColumnValues.TryParse(cell, _column, out var seconds) ? ColumnValues.ToDateTime(seconds) : (DateTime?)null),
        ColumnKind.Boolean => Structs<bool>(cells, Boolean),
        _ => new ParquetStrings(Field, cells as string?[] ?? cells.ToArray()),
    };

    private ParquetStructs<T> Structs<T>(IReadOnlyList<string?> cells, Func<string, T?> parse) where T : struct
    {
        var values = new T?[cells.Count];
        for (var row = 0; row < values.Length; row++)
        {
            if (cells[row] is not { } cell) continue;
            values[row] = parse(cell) ?? throw new SynthDataException(
                $"The sampled cell '{cell}' of column '{_column.Name}' does not read as {_column.Kind}, the Parquet type its column is written as.",
                columnName: _column.Name, hint: "Write the sample as CSV, or check the step that rewrote this column.");
        }
        return new ParquetStructs<T>(Field, values);
    }

    private static bool? Boolean(string cell)
    {
        var word = cell.Trim();
        if (TrueWords.Any(w => w.Equals(word, StringComparison.OrdinalIgnoreCase))) return true;
        if (FalseWords.Any(w => w.Equals(word, StringComparison.OrdinalIgnoreCase))) return false;
        return null;
    }
}

/// <summary>One chunk's values of one column, ready to be written into a row group.</summary>
internal abstract class ParquetColumnValues
{
    /// <summary>Writes the values as the row group's next column.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter group, CancellationToken cancellationToken);
}

/// <summary>Values of a value type, <c>null</c> for missing.</summary>
internal sealed class ParquetStructs<T>(DataField field, T?[] values) : ParquetColumnValues where T : struct
{
    public override Task WriteAsync(ParquetRowGroupWriter group, CancellationToken cancellationToken) =>
        group.WriteAsync<T>(field, values.AsMemory(), cancellationToken: cancellationToken);
}

/// <summary>Strings, <c>null</c> for missing.</summary>
internal sealed class ParquetStrings(DataField field, string?[] values) : ParquetColumnValues
{
    public override Task WriteAsync(ParquetRowGroupWriter group, CancellationToken cancellationToken) =>
        group.WriteAsync(field, values!, null);
}
