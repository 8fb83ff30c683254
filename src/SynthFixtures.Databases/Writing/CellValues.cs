using System.Globalization;
using SynthFixtures.Data;

namespace SynthFixtures.Databases.Writing;

/// <summary>
/// Converts a table's invariant-culture text cells to the values its target columns hold, and says exactly which cell
/// does not fit (table, column, row, value, expected type) when one does not.
/// </summary>
internal sealed class CellValues(string table, Table rows)
{
    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd",
    ];

    /// <summary>The text SQLite stores a timestamp as (the fraction only when there is one).</summary>
    public const string SqliteTimestampFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    /// <summary>The cell as a 16-bit integer.</summary>
    public short Int16(string cell, ColumnSpec column, int row) =>
        short.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : throw Bad(cell, column, row, "a whole number from -32768 to 32767");

    /// <summary>The cell as a 32-bit integer.</summary>
    public int Int32(string cell, ColumnSpec column, int row) =>
        int.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : throw Bad(cell, column, row, "a 32-bit whole number");

    /// <summary>The cell as a 64-bit integer.</summary>
    public long Int64(string cell, ColumnSpec column, int row) =>
        long.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : throw Bad(cell, column, row, "a whole number");

    /// <summary>The cell as a decimal (exponents allowed).</summary>
    public decimal Decimal(string cell, ColumnSpec column, int row) =>
        decimal.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw Bad(cell, column, row, "a decimal number");

    /// <summary>The cell as a double.</summary>
    public double Double(string cell, ColumnSpec column, int row) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw Bad(cell, column, row, "a number");

    /// <summary>The cell as a truth value: true/false, yes/no, y/n, t/f or 1/0 in any case.</summary>
    public bool Boolean(string cell, ColumnSpec column, int row) => cell.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" or "y" or "t" or "1" => true,
        "false" or "no" or "n" or "f" or "0" => false,
        _ => throw Bad(cell, column, row, "true/false, yes/no or 1/0"),
    };

    /// <summary>The cell as a timestamp without zone: the source's format first, then ISO-8601 spellings.</summary>
    public DateTime Timestamp(string cell, ColumnSpec column, int row)
    {
        if (column.DateTimeFormat is { } format
            && DateTime.TryParseExact(cell, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
            return exact;
        if (DateTime.TryParseExact(cell, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
            return iso;
        if (DateTime.TryParse(cell, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var other))
            return DateTime.SpecifyKind(other.Kind == DateTimeKind.Local ? other.ToUniversalTime() : other, DateTimeKind.Unspecified);
        throw Bad(cell, column, row, column.DateTimeFormat is { } f ? $"a timestamp like {f}" : "a timestamp like yyyy-MM-dd HH:mm:ss");
    }

    /// <summary>The cell as a UTC instant (a cell without an offset is taken as UTC).</summary>
    public DateTime TimestampUtc(string cell, ColumnSpec column, int row)
    {
        if (DateTimeOffset.TryParse(cell, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var offset))
            return offset.UtcDateTime;
        return DateTime.SpecifyKind(Timestamp(cell, column, row), DateTimeKind.Utc);
    }

    /// <summary>The cell as a date (a time of day, if written, must be midnight).</summary>
    public DateOnly Date(string cell, ColumnSpec column, int row)
    {
        var timestamp = Timestamp(cell, column, row);
        return timestamp.TimeOfDay == TimeSpan.Zero ? DateOnly.FromDateTime(timestamp) : throw Bad(cell, column, row, "a date without a time of day");
    }

    /// <summary>The cell as a time of day.</summary>
    public TimeOnly Time(string cell, ColumnSpec column, int row) =>
        TimeOnly.TryParse(cell, CultureInfo.InvariantCulture, DateTimeStyles.None, out var v) ? v : throw Bad(cell, column, row, "a time of day like HH:mm:ss");

    /// <summary>The cell as a UUID.</summary>
    public Guid Uuid(string cell, ColumnSpec column, int row) =>
        Guid.TryParse(cell, out var v) ? v : throw Bad(cell, column, row, "a UUID");

    /// <summary>The cell as text, checked against the column's length limit.</summary>
    public string Text(string cell, ColumnSpec column, int row) =>
        column.MaxLength is { } max && cell.Length > max ? throw Bad(cell, column, row, $"at most {max} characters") : cell;

    /// <summary>The value SQLite stores for the cell (integers, reals, 0/1 booleans, ISO-8601 text for dates).</summary>
    public object ForSqlite(string cell, ColumnSpec column, int row) => column.Kind switch
    {
        ValueKind.Int16 or ValueKind.Int32 or ValueKind.Int64 => Int64(cell, column, row),
        ValueKind.Decimal => Decimal(cell, column, row),
        ValueKind.Single or ValueKind.Double => Double(cell, column, row),
        ValueKind.Boolean => Boolean(cell, column, row) ? 1L : 0L,
        ValueKind.Timestamp or ValueKind.TimestampWithTimeZone =>
            Timestamp(cell, column, row).ToString(SqliteTimestampFormat, CultureInfo.InvariantCulture),
        ValueKind.Date => Date(cell, column, row).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ValueKind.Time => Time(cell, column, row).ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        ValueKind.Uuid => Uuid(cell, column, row).ToString("D"),
        _ => Text(cell, column, row),
    };

    /// <summary>The error for a cell that does not parse as its column's type (a NULL in a NOT NULL column is the database's to report).</summary>
    private SynthDataException Bad(string cell, ColumnSpec column, int row, string expected)
    {
        var line = rows.SourceLine(row);
        var shown = cell.Length > 60 ? cell[..60] + "…" : cell;
        return new SynthDataException(
            $"Table '{table}', column '{column.Name}', row {row + 1}: '{shown}' does not fit the column's type {column.TypeName} (expected {expected}). Nothing was written.",
            filePath: rows.SourcePath, line: line, columnName: column.Name,
            hint: "Fix the value, or declare the column with a type that holds it in the relational metadata.");
    }
}
