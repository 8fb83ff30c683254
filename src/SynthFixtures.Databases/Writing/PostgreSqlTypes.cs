using System.Globalization;

namespace SynthFixtures.Databases.Writing;

/// <summary>
/// PostgreSQL column types: the type a declared source type is created as (docs/databases.md has the table), and the
/// value kind an existing PostgreSQL type is written with.
/// </summary>
internal static class PostgreSqlTypes
{
    /// <summary>
    /// The PostgreSQL type to create for a column declared <paramref name="declared"/>. Integer types are widened when a
    /// cell does not fit them (SQLite's INTEGER is 64-bit, PostgreSQL's 32-bit); unknown types become <c>text</c>.
    /// </summary>
    public static string ForDeclared(DeclaredType declared, IReadOnlyList<string?> cells) => declared.Name switch
    {
        "SMALLINT" or "INT2" or "TINYINT" => Widened(cells, short.MinValue, short.MaxValue) ?? "smallint",
        "INT" or "INTEGER" or "INT4" or "MEDIUMINT" => Widened(cells, int.MinValue, int.MaxValue) ?? "integer",
        "BIGINT" or "INT8" or "UNSIGNED BIG INT" => "bigint",
        "NUMERIC" or "DECIMAL" => declared.Arguments.Count switch
        {
            0 => "numeric",
            1 => $"numeric({declared.Arguments[0]})",
            _ => $"numeric({declared.Arguments[0]},{declared.Arguments[1]})",
        },
        "MONEY" or "SMALLMONEY" => "numeric(19,4)",
        "REAL" or "FLOAT4" => "real",
        "DOUBLE" or "DOUBLE PRECISION" or "FLOAT" or "FLOAT8" => "double precision",
        "BOOLEAN" or "BOOL" or "BIT" => "boolean",
        "DATETIME" or "DATETIME2" or "SMALLDATETIME" or "TIMESTAMP" or "TIMESTAMP WITHOUT TIME ZONE" => "timestamp",
        "TIMESTAMPTZ" or "TIMESTAMP WITH TIME ZONE" or "DATETIMEOFFSET" => "timestamptz",
        "DATE" => "date",
        "TIME" or "TIME WITHOUT TIME ZONE" => "time",
        "UUID" or "UNIQUEIDENTIFIER" => "uuid",
        "VARCHAR" or "NVARCHAR" or "CHARACTER VARYING" or "VARYING CHARACTER" or "NATIONAL VARCHAR" or "NCHAR VARYING"
            or "CHAR" or "NCHAR" or "CHARACTER" or "NATIVE CHARACTER" or "NATIONAL CHARACTER"
            => declared.First is { } length && !declared.Unbounded ? $"varchar({length})" : "text",
        _ => "text",
    };

    /// <summary>
    /// How to write into a column of PostgreSQL type <paramref name="typeName"/> (as <c>format_type</c> prints it, or
    /// as <see cref="ForDeclared"/> creates it), or <c>null</c> for a type the seeder does not write.
    /// </summary>
    public static (ValueKind Kind, int? MaxLength)? Writable(string typeName)
    {
        var type = DeclaredType.Parse(typeName, "", "");
        ValueKind? kind = type.Name switch
        {
            "SMALLINT" => ValueKind.Int16,
            "INTEGER" => ValueKind.Int32,
            "BIGINT" => ValueKind.Int64,
            "NUMERIC" => ValueKind.Decimal,
            "REAL" => ValueKind.Single,
            "DOUBLE PRECISION" => ValueKind.Double,
            "BOOLEAN" => ValueKind.Boolean,
            "TIMESTAMP" or "TIMESTAMP WITHOUT TIME ZONE" => ValueKind.Timestamp,
            "TIMESTAMPTZ" or "TIMESTAMP WITH TIME ZONE" => ValueKind.TimestampWithTimeZone,
            "DATE" => ValueKind.Date,
            "TIME" or "TIME WITHOUT TIME ZONE" => ValueKind.Time,
            "UUID" => ValueKind.Uuid,
            "TEXT" or "VARCHAR" or "CHARACTER VARYING" or "CHARACTER" or "BPCHAR" => ValueKind.Text,
            _ => null,
        };
        if (kind is null) return null;
        return (kind.Value, kind == ValueKind.Text ? type.First : null);
    }

    private static string? Widened(IReadOnlyList<string?> cells, long min, long max)
    {
        var widest = 0;
        foreach (var cell in cells)
        {
            if (cell is null || !long.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) continue;
            if (value < int.MinValue || value > int.MaxValue) return "bigint";
            if (value < min || value > max) widest = 1;
        }
        return widest == 1 ? "integer" : null;
    }
}
