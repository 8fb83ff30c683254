namespace SynthFixtures.Databases.Reading;

/// <summary>Quotes a table or column name for SQLite and PostgreSQL alike (both take standard double quotes).</summary>
internal static class SqlIdentifier
{
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
