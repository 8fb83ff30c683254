namespace SynthFixtures;

/// <summary>
/// The one exception type for bad input anywhere in SynthFixtures: a CSV, a metadata file, a model artifact,
/// a sampling condition. It always says where (file, line, column when known), what was expected, and what to do.
/// </summary>
public class SynthDataException : Exception
{
    /// <summary>Creates an error with its location and a hint.</summary>
    /// <param name="message">What is wrong, in one sentence.</param>
    /// <param name="filePath">The file the problem is in, when there is one.</param>
    /// <param name="line">1-based line in <paramref name="filePath"/>, or <c>null</c>.</param>
    /// <param name="column">1-based column (character position or field number, see <paramref name="columnName"/>), or <c>null</c>.</param>
    /// <param name="hint">What the user can do about it.</param>
    /// <param name="columnName">The data column (CSV header) involved, when there is one.</param>
    /// <param name="inner">The lower-level exception, if any.</param>
    public SynthDataException(string message, string? filePath = null, int? line = null, int? column = null,
        string? hint = null, string? columnName = null, Exception? inner = null)
        : base(Compose(message, filePath, line, column, hint, columnName), inner)
    {
        Reason = message;
        FilePath = filePath;
        Line = line;
        Column = column;
        Hint = hint;
        ColumnName = columnName;
    }

    /// <summary>The problem without location or hint.</summary>
    public string Reason { get; }

    /// <summary>The file involved, if any.</summary>
    public string? FilePath { get; }

    /// <summary>1-based line number in <see cref="FilePath"/>, if known.</summary>
    public int? Line { get; }

    /// <summary>1-based column: the field number in a CSV row or the character position in a JSON file, if known.</summary>
    public int? Column { get; }

    /// <summary>The data column (CSV header name) involved, if any.</summary>
    public string? ColumnName { get; }

    /// <summary>What to do about it.</summary>
    public string? Hint { get; }

    /// <summary>
    /// The settings this error is about, by their <see cref="SettingNames"/> (the property names of the request types):
    /// first the one at fault, then the ones that would fix it. Empty when no setting is involved. The core words its
    /// messages in domain terms; a front end uses these names to add its own spelling (a command-line option, an
    /// MSBuild item metadata) to what it shows.
    /// </summary>
    public IReadOnlyList<string> Settings { get; init; } = [];

    private static string Compose(string message, string? file, int? line, int? column, string? hint, string? columnName)
    {
        var where = file ?? "";
        if (line is not null) where += (where.Length > 0 ? "" : "line ") + $"({line}{(column is not null ? "," + column : "")})";
        else if (column is not null) where += $"(column {column})";
        var text = where.Length > 0 ? $"{where}: error: {message}" : message;
        if (columnName is not null && !message.Contains($"'{columnName}'", StringComparison.Ordinal)) text += $" [column '{columnName}']";
        if (hint is not null) text += $" Hint: {hint}";
        return text;
    }
}
