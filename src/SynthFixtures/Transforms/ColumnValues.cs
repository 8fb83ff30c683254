using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;

namespace SynthFixtures.Transforms;

/// <summary>
/// Turns a column's raw cells into numbers and back, as its metadata says: integers and decimals in the invariant
/// culture, datetimes with their format to seconds since 0001-01-01. Used by the models and by evaluation alike,
/// so both read a CSV the same way. A cell that does not parse is an error with its line, never a silent NaN.
/// </summary>
public static class ColumnValues
{
    private const NumberStyles NumberStyle = NumberStyles.Float | NumberStyles.AllowThousands;

    /// <summary>Numeric values of a numeric or datetime column; NaN for a missing cell.</summary>
    /// <exception cref="SynthDataException">A cell does not parse as the column's kind.</exception>
    public static double[] ToDoubles(Table table, int columnIndex, ColumnMetadata column)
    {
        if (!column.IsNumeric)
            throw new ArgumentException($"Column '{column.Name}' is {column.Kind}, not numeric.", nameof(column));
        var cells = table.Column(columnIndex);
        var values = new double[cells.Count];
        for (var row = 0; row < values.Length; row++)
        {
            var cell = cells[row];
            if (cell is null)
            {
                values[row] = double.NaN;
                continue;
            }
            if (!TryParse(cell, column, out values[row]))
                throw new SynthDataException(
                    $"'{cell.Trim()}' in column '{column.Name}' is not {Describe(column)}.",
                    table.SourcePath, table.SourceLine(row), columnIndex + 1,
                    $"Fix the value, add it to the missing-value tokens, or change the column's kind in the metadata (now {column.Kind}).",
                    column.Name);
        }
        return values;
    }

    /// <summary>Parses one cell of a numeric or datetime column.</summary>
    public static bool TryParse(string cell, ColumnMetadata column, out double value)
    {
        var text = cell.AsSpan().Trim();
        switch (column.Kind)
        {
            case ColumnKind.Integer:
            case ColumnKind.Decimal:
                return double.TryParse(text, NumberStyle, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
            case ColumnKind.DateTime:
                if (column.DateTimeFormat is { } format
                    ? DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var exact)
                    : DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out exact))
                {
                    value = exact.Ticks / (double)TimeSpan.TicksPerSecond;
                    return true;
                }
                value = double.NaN;
                return false;
            default:
                value = double.NaN;
                return false;
        }
    }

    /// <summary>Writes a sampled number back as the column's text: integral for integers, the column's decimal places, its datetime format.</summary>
    public static string Format(double value, ColumnMetadata column) => column.Kind switch
    {
        ColumnKind.Integer => Math.Round(value, MidpointRounding.ToEven).ToString("0", CultureInfo.InvariantCulture),
        ColumnKind.Decimal => column.DecimalPlaces is { } places
            ? Math.Round(value, Math.Clamp(places, 0, 15), MidpointRounding.ToEven).ToString("F" + Math.Clamp(places, 0, 15), CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture),
        ColumnKind.DateTime => ToDateTime(value).ToString(column.DateTimeFormat ?? "O", CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"Column '{column.Name}' is {column.Kind}, not numeric.", nameof(column)),
    };

    /// <summary>Rounds a sampled number to what the column can hold (whole numbers, decimal places, the datetime format's resolution), so that what is written is what was sampled.</summary>
    public static double Quantize(double value, ColumnMetadata column) => column.Kind switch
    {
        ColumnKind.Integer => Math.Round(value, MidpointRounding.ToEven),
        ColumnKind.Decimal when column.DecimalPlaces is { } places => Math.Round(value, Math.Clamp(places, 0, 15), MidpointRounding.ToEven),
        ColumnKind.DateTime when !HasTimeOfDay(column.DateTimeFormat) => Math.Round(value / 86400.0, MidpointRounding.ToEven) * 86400.0,
        ColumnKind.DateTime => Math.Round(value),
        _ => value,
    };

    /// <summary>Seconds since 0001-01-01 back to a <see cref="DateTime"/>, clamped to the representable range.</summary>
    public static DateTime ToDateTime(double seconds)
    {
        var ticks = seconds * TimeSpan.TicksPerSecond;
        if (double.IsNaN(ticks)) throw new ArgumentException("NaN is not a date.", nameof(seconds));
        return new DateTime((long)Math.Clamp(ticks, DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks));
    }

    /// <summary>Whether a datetime format writes a time of day (hours, minutes or seconds).</summary>
    public static bool HasTimeOfDay(string? format) =>
        format is null || format.IndexOfAny(['H', 'h', 'm', 's', 'f', 'F', 't']) >= 0 || format is "O" or "o" or "s" or "u" or "R" or "r";

    private static string Describe(ColumnMetadata column) => column.Kind switch
    {
        ColumnKind.Integer => "an integer",
        ColumnKind.Decimal => "a number (invariant culture: '.' for decimals)",
        ColumnKind.DateTime => column.DateTimeFormat is { } f ? $"a date in the format '{f}'" : "a date",
        _ => column.Kind.ToString(),
    };
}
