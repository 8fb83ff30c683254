using System.Globalization;

namespace SynthFixtures.Metadata;

/// <summary>
/// A cell that does not parse as its column's kind (a stray word among integers, <c>NaN</c>, a number out of range, a
/// date in another format), found when a table is checked against its metadata. Under
/// <see cref="Data.BadCellPolicy.TreatAsMissing"/> it was read as a missing value; the issues are returned with the
/// result for the caller to show.
/// </summary>
/// <param name="Source">The file, or <c>null</c> for a table in memory.</param>
/// <param name="Line">The 1-based line where the cell's row starts, when known.</param>
/// <param name="Column">The 1-based column number.</param>
/// <param name="ColumnName">The column's name.</param>
/// <param name="Value">The cell's text, trimmed.</param>
/// <param name="Expected">What the column holds, e.g. "an integer".</param>
public sealed record CellIssue(string? Source, int? Line, int Column, string ColumnName, string Value, string Expected)
{
    /// <summary>How many issues a log lists one by one before it sums up the rest in <see cref="Remainder"/>.</summary>
    public const int ListedInLogs = 10;

    /// <summary>The line standing for the issues past the first <see cref="ListedInLogs"/> of <paramref name="count"/>, or <c>null</c> when none are left.</summary>
    public static string? Remainder(int count) =>
        count > ListedInLogs ? string.Create(CultureInfo.InvariantCulture, $"and {count - ListedInLogs:N0} more cells read as missing") : null;

    /// <summary>One line: where, what, and what was done (<c>adult.csv line 7, column 1 (age): 'abc' is not an integer; read as missing</c>).</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{(Source is null ? "" : Path.GetFileName(Source) + " ")}{(Line is { } line ? $"line {line}, " : "")}column {Column} ({ColumnName}): '{Value}' is not {Expected}; read as missing");
}
