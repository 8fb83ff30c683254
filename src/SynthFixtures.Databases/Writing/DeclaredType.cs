using System.Globalization;
using System.Text.RegularExpressions;

namespace SynthFixtures.Databases.Writing;

/// <summary>
/// A SQL type as written in a schema (<c>NVARCHAR(70)</c>, <c>numeric(10,2)</c>, <c>timestamp(3) without time zone</c>):
/// its name in upper case with single spaces, and the numbers in its parentheses.
/// </summary>
internal sealed partial record DeclaredType(string Name, IReadOnlyList<int> Arguments, bool Unbounded)
{
    /// <summary>Parses <paramref name="text"/>; a type that could smuggle SQL into a CREATE TABLE is refused.</summary>
    /// <exception cref="SynthDataException">The text is not a plain type name with optional numeric arguments.</exception>
    public static DeclaredType Parse(string text, string table, string column)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0) return new DeclaredType("", [], false);
        var match = Shape().Match(trimmed);
        if (!match.Success)
            throw new SynthDataException($"Table '{table}', column '{column}': the declared type '{text}' is not a SQL type name.",
                hint: "Write a type such as INTEGER, NVARCHAR(70), NUMERIC(10,2) or TIMESTAMP in the relational metadata.");
        var name = Spaces().Replace($"{match.Groups["head"].Value} {match.Groups["tail"].Value}".Trim(), " ").ToUpperInvariant();
        var arguments = match.Groups["args"].Success ? match.Groups["args"].Value.Split(',', StringSplitOptions.TrimEntries) : [];
        var unbounded = arguments.Any(a => a.Equals("MAX", StringComparison.OrdinalIgnoreCase));
        var numbers = arguments.Where(a => !a.Equals("MAX", StringComparison.OrdinalIgnoreCase))
            .Select(a => int.Parse(a, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
        return new DeclaredType(name, numbers, unbounded);
    }

    /// <summary>The first argument (a length or a precision), or <c>null</c>.</summary>
    public int? First => Arguments.Count > 0 ? Arguments[0] : null;

    [GeneratedRegex(@"^(?<head>[A-Za-z][A-Za-z0-9_]*(?:\s+[A-Za-z][A-Za-z0-9_]*)*)\s*(?:\(\s*(?<args>(?:[0-9]+|MAX)(?:\s*,\s*[0-9]+)?)\s*\))?\s*(?<tail>[A-Za-z][A-Za-z0-9_]*(?:\s+[A-Za-z][A-Za-z0-9_]*)*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Shape();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
