namespace SynthFixtures.Sampling;

/// <summary>
/// A requirement every sampled row must meet. Parse one from the CLI's text form with <see cref="Parse"/>:
/// <c>col=value</c>, <c>col&gt;=v</c>, <c>col&lt;=v</c>, <c>col&gt;v</c>, <c>col&lt;v</c>, or <c>col=a..b</c> (inclusive range).
/// Values stay text until a model reads them with the column's own parser (numbers, dates, labels).
/// </summary>
public abstract record Condition(string Column)
{
    private static readonly string[] Operators = [">=", "<=", "=", ">", "<"];

    /// <summary>The condition as the user would write it.</summary>
    public abstract override string ToString();

    /// <summary>Parses <c>column op value</c>; the column is everything before the first operator.</summary>
    /// <exception cref="SynthDataException">The text has no operator, no column or no value.</exception>
    public static Condition Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (index, op) = FindOperator(text);
        if (index <= 0)
            throw new SynthDataException($"Condition '{text}' is not of the form column=value.",
                hint: "Write col=value, col>=v, col<=v, col>v, col<v or col=a..b.");
        var column = text[..index].Trim();
        var value = text[(index + op.Length)..];
        if (value.Trim().Length == 0)
            throw new SynthDataException($"Condition '{text}' has no value after '{op}'.", hint: "Write the value to match, e.g. age>=65.");
        switch (op)
        {
            case "=":
                var dots = value.IndexOf("..", StringComparison.Ordinal);
                if (dots > 0 && dots < value.Length - 2)
                    return new RangeCondition(column, value[..dots].Trim(), true, value[(dots + 2)..].Trim(), true);
                return new EqualsCondition(column, value);
            case ">=": return new RangeCondition(column, value.Trim(), true, null, false);
            case ">": return new RangeCondition(column, value.Trim(), false, null, false);
            case "<=": return new RangeCondition(column, null, false, value.Trim(), true);
            default: return new RangeCondition(column, null, false, value.Trim(), false);
        }
    }

    private static (int Index, string Operator) FindOperator(string text)
    {
        for (var i = 0; i < text.Length; i++)
            foreach (var op in Operators)
                if (string.CompareOrdinal(text, i, op, 0, op.Length) == 0) return (i, op);
        return (-1, "");
    }
}

/// <summary>The column must hold exactly <paramref name="Value"/> (labels compared without surrounding spaces).</summary>
public sealed record EqualsCondition(string Column, string Value) : Condition(Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{Column}={Value}";
}

/// <summary>The column's number or date must lie within the bounds; a <c>null</c> bound is open.</summary>
public sealed record RangeCondition(string Column, string? Lower, bool LowerInclusive, string? Upper, bool UpperInclusive) : Condition(Column)
{
    /// <inheritdoc />
    public override string ToString() => (Lower, Upper) switch
    {
        ({ } lo, { } hi) when LowerInclusive && UpperInclusive => $"{Column}={lo}..{hi}",
        ({ } lo, { } hi) => $"{lo}{(LowerInclusive ? "<=" : "<")}{Column}{(UpperInclusive ? "<=" : "<")}{hi}",
        ({ } lo, null) => $"{Column}{(LowerInclusive ? ">=" : ">")}{lo}",
        (null, { } hi) => $"{Column}{(UpperInclusive ? "<=" : "<")}{hi}",
        _ => Column,
    };
}
