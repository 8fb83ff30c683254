namespace SynthFixtures.Databases.Writing;

/// <summary>Identifier quoting shared by SQLite and PostgreSQL (both take standard double-quoted identifiers).</summary>
internal static class SqlNames
{
    /// <summary><c>"name"</c>, with inner quotes doubled.</summary>
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary><c>"a", "b"</c>.</summary>
    public static string List(IEnumerable<string> names) => string.Join(", ", names.Select(Quote));
}
