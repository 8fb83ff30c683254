namespace SynthFixtures.Databases.Writing;

/// <summary>The .NET value a cell is converted to before it is written into a column.</summary>
internal enum ValueKind
{
    Text,
    Int16,
    Int32,
    Int64,
    Decimal,
    Single,
    Double,
    Boolean,
    Timestamp,
    TimestampWithTimeZone,
    Date,
    Time,
    Uuid,
}

/// <summary>Groups of <see cref="ValueKind"/>s a dataset column may be written into (any value fits a text column).</summary>
internal static class ValueKinds
{
    /// <summary>Whether values declared as <paramref name="declared"/> can be written into a column holding <paramref name="target"/>.</summary>
    public static bool Fits(ValueKind declared, ValueKind target) =>
        target == ValueKind.Text || Family(declared) == Family(target);

    private static int Family(ValueKind kind) => kind switch
    {
        ValueKind.Int16 or ValueKind.Int32 or ValueKind.Int64 or ValueKind.Decimal or ValueKind.Single or ValueKind.Double => 1,
        ValueKind.Timestamp or ValueKind.TimestampWithTimeZone or ValueKind.Date or ValueKind.Time => 2,
        ValueKind.Boolean => 3,
        ValueKind.Uuid => 4,
        _ => 0,
    };
}

/// <summary>A dataset column as it will be written: the target column's name and type, and how to read its cells.</summary>
/// <param name="Name">The dataset's column name (the cells' header).</param>
/// <param name="TargetName">The column's name in the database (differs from <paramref name="Name"/> only in case).</param>
/// <param name="Kind">The value cells are converted to.</param>
/// <param name="TypeName">The column's type as the database names it (for messages).</param>
/// <param name="MaxLength">The longest text the column takes (<c>varchar(n)</c> in PostgreSQL), or <c>null</c>.</param>
/// <param name="DateTimeFormat">The source's timestamp format (from the profile), tried first when reading a timestamp cell.</param>
internal sealed record ColumnSpec(string Name, string TargetName, ValueKind Kind, string TypeName, int? MaxLength, string? DateTimeFormat);
