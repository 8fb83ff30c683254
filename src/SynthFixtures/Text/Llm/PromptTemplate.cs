using System.Text;

namespace SynthFixtures.Text.Llm;

/// <summary>
/// A prompt that names the row's other cells by column, e.g. <c>Write a {Rating}-star review of a {Class Name}.</c>:
/// <c>{name}</c> is the row's cell of that column as the sample writes it (a missing cell renders as nothing), and
/// <c>{{</c> and <c>}}</c> stand for literal braces.
/// </summary>
public sealed class PromptTemplate
{
    private readonly (string? Literal, int Column)[] _parts;

    private PromptTemplate(string text, (string? Literal, int Column)[] parts, IReadOnlyList<string> columns)
    {
        Text = text;
        _parts = parts;
        Columns = columns;
    }

    /// <summary>The template as written.</summary>
    public string Text { get; }

    /// <summary>Every column name the template may reference, in the order <see cref="Render(Func{int, string})"/> takes their cells.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The columns the template references, in order of first use.</summary>
    public IReadOnlyList<string> Referenced => _parts.Where(p => p.Literal is null).Select(p => Columns[p.Column]).Distinct().ToList();

    /// <summary>Parses <paramref name="text"/> against the table's <paramref name="columns"/>.</summary>
    /// <param name="text">The template.</param>
    /// <param name="columns">The sample's columns, which the template may name.</param>
    /// <param name="writtenColumn">The column the LLM writes: a template cannot name it, since its cell is what is asked for.</param>
    /// <param name="what">What the template is, for errors (e.g. <c>prompt of column 'Review Text'</c>).</param>
    /// <param name="sourceFile">The file the template was read from, for errors.</param>
    /// <exception cref="SynthDataException">An unknown or written column, an empty name or an unclosed brace, at its character.</exception>
    public static PromptTemplate Parse(string text, IReadOnlyList<string> columns, string writtenColumn, string what, string? sourceFile = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(columns);
        var parts = new List<(string?, int)>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '}')
            {
                if (i + 1 < text.Length && text[i + 1] == '}')
                {
                    literal.Append('}');
                    i++;
                    continue;
                }
                throw Error($"The {what} has a '}}' that closes nothing", i, text, sourceFile, "Write '}}' for a literal brace.");
            }
            if (c != '{')
            {
                literal.Append(c);
                continue;
            }
            if (i + 1 < text.Length && text[i + 1] == '{')
            {
                literal.Append('{');
                i++;
                continue;
            }
            var close = text.IndexOf('}', i + 1);
            if (close < 0) throw Error($"The {what} opens '{{' without a closing '}}'", i, text, sourceFile, "Close the column name with '}', or write '{{' for a literal brace.");
            var name = text[(i + 1)..close];
            var index = IndexOf(columns, name);
            if (index < 0)
                throw Error($"The {what} names {{{name}}}, which is not a column of the sample", i, text, sourceFile,
                    $"Name one of: {string.Join(", ", columns.Where(n => n != writtenColumn).Take(20))}{(columns.Count > 21 ? ", …" : "")}.");
            if (columns[index] == writtenColumn)
                throw Error($"The {what} names {{{name}}}, the column it writes", i, text, sourceFile,
                    "A prompt can use the row's other cells; the written column's cell is what the LLM is asked for.");
            if (literal.Length > 0) parts.Add((literal.ToString(), -1));
            literal.Clear();
            parts.Add((null, index));
            i = close;
        }
        if (literal.Length > 0) parts.Add((literal.ToString(), -1));
        return new PromptTemplate(text, [.. parts], columns);
    }

    /// <summary>The prompt for one row; <paramref name="cell"/> gives the row's cell of a column index in <see cref="Columns"/>.</summary>
    public string Render(Func<int, string?> cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var text = new StringBuilder();
        foreach (var (literal, column) in _parts) text.Append(literal ?? cell(column)?.Trim());
        return text.ToString();
    }

    /// <summary>The prompt for cells given by name (e.g. a few-shot example's row); a column the row lacks renders as nothing.</summary>
    public string Render(IReadOnlyDictionary<string, string?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return Render(column => cells.GetValueOrDefault(Columns[column]));
    }

    // Exact names first; a name that differs only in case is accepted when it is unambiguous, as users type headers loosely.
    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
            if (columns[i] == name) return i;
        var loose = Enumerable.Range(0, columns.Count).Where(i => string.Equals(columns[i].Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        return loose.Count == 1 ? loose[0] : -1;
    }

    private static SynthDataException Error(string message, int index, string text, string? file, string hint) =>
        new($"{message} at character {index + 1}: \"{Excerpt(text, index)}\".", file, column: index + 1, hint: hint);

    private static string Excerpt(string text, int index)
    {
        var start = Math.Max(0, index - 20);
        var end = Math.Min(text.Length, index + 30);
        return (start > 0 ? "…" : "") + text[start..end] + (end < text.Length ? "…" : "");
    }
}
