using System.Globalization;

namespace SynthFixtures.Modeling.Plans;

/// <summary>
/// A plan request written on one line: <c>count=1000; where=fraud = 1</c>. Fields are separated by semicolons outside
/// quotes and each is <c>key=value</c>: <c>count</c> (required, a whole number), <c>where</c> (a SQL-style condition) and
/// <c>name</c> (how reports call the request). The condition is kept as text and parsed when the plan is sampled.
/// </summary>
public static class PlanRequestText
{
    private const string FormHint = "Write count=N, optionally followed by '; where=condition' and '; name=label', e.g. count=1000; where=fraud = 1.";

    /// <summary>Reads one request.</summary>
    /// <exception cref="SynthDataException">A field is not key=value, a key is unknown or repeated, or the count is missing or not a whole number ≥ 0.</exception>
    public static PlanRequest Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int? count = null;
        string? where = null, name = null;
        foreach (var field in SplitFields(text))
        {
            if (field.Trim().Length == 0) continue;
            var equals = field.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                throw new SynthDataException($"Request '{text}': '{field.Trim()}' is not key=value.", hint: FormHint);
            var key = field[..equals].Trim().ToLowerInvariant();
            var value = field[(equals + 1)..].Trim();
            switch (key)
            {
                case "count" when count is null:
                    count = ParseCount(text, value);
                    break;
                case "where" when where is null:
                    where = value.Length > 0 ? value
                        : throw new SynthDataException($"Request '{text}' has an empty where.", hint: "Write the condition after where=, e.g. where=fraud = 1, or leave the field out.");
                    break;
                case "name" when name is null:
                    name = value.Length > 0 ? value : null;
                    break;
                case "count" or "where" or "name":
                    throw new SynthDataException($"Request '{text}' gives {key} twice.", hint: "Give each field once; join conditions with AND.");
                default:
                    throw new SynthDataException($"Request '{text}' has an unknown field '{field[..equals].Trim()}'.", hint: "The fields are count, where and name.");
            }
        }
        if (count is not { } rows)
            throw new SynthDataException($"Request '{text}' has no count.", hint: FormHint);
        return new PlanRequest(rows) { Where = where, Name = name };
    }

    private static int ParseCount(string text, string value)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count)) return count;
        throw new SynthDataException($"Request '{text}': count '{value}' is not a whole number of rows (0 to {int.MaxValue:N0}).", hint: FormHint);
    }

    /// <summary>The text split at semicolons outside single-quoted strings and double-quoted column names.</summary>
    private static IEnumerable<string> SplitFields(string text)
    {
        var start = 0;
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is { } open)
            {
                if (c == open) quote = null;   // a doubled quote closes and reopens: still inside
            }
            else if (c is '\'' or '"') quote = c;
            else if (c == ';')
            {
                yield return text[start..i];
                start = i + 1;
            }
        }
        yield return text[start..];
    }
}
