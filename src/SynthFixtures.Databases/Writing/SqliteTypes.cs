namespace SynthFixtures.Databases.Writing;

/// <summary>
/// SQLite column types: tables are created with the declared types as written (SQLite keeps them and derives an
/// affinity); cells are converted by that affinity, with booleans stored as 0/1 and timestamps as ISO-8601 text
/// (<c>yyyy-MM-dd HH:mm:ss</c>, what SQLite's date functions read).
/// </summary>
internal static class SqliteTypes
{
    /// <summary>The value kind cells of a column declared <paramref name="declared"/> are written as.</summary>
    public static ValueKind Kind(DeclaredType declared)
    {
        var name = declared.Name;
        // SQLite's own affinity rules first (an INT anywhere makes an integer), then the date and boolean spellings
        // SQLite gives NUMERIC affinity but that hold dates and truth values.
        if (name.Contains("INT", StringComparison.Ordinal)) return ValueKind.Int64;
        if (name.Contains("CHAR", StringComparison.Ordinal) || name.Contains("CLOB", StringComparison.Ordinal)
            || name.Contains("TEXT", StringComparison.Ordinal) || name.Contains("BLOB", StringComparison.Ordinal) || name.Length == 0)
            return ValueKind.Text;
        if (name.Contains("REAL", StringComparison.Ordinal) || name.Contains("FLOA", StringComparison.Ordinal)
            || name.Contains("DOUB", StringComparison.Ordinal))
            return ValueKind.Double;
        if (name.Contains("BOOL", StringComparison.Ordinal) || name == "BIT") return ValueKind.Boolean;
        if (name.StartsWith("TIMESTAMP", StringComparison.Ordinal) || name.StartsWith("DATETIME", StringComparison.Ordinal)
            || name == "SMALLDATETIME")
            return ValueKind.Timestamp;
        if (name == "DATE") return ValueKind.Date;
        if (name.StartsWith("TIME", StringComparison.Ordinal)) return ValueKind.Time;
        if (name is "UUID" or "UNIQUEIDENTIFIER") return ValueKind.Uuid;
        return ValueKind.Decimal;
    }
}
