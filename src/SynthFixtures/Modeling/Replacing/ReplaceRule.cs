using SynthFixtures.Sampling.Expressions;

namespace SynthFixtures.Modeling.Replacing;

/// <summary>
/// A rule applied to sampled rows: <c>color = 'black' WHEN door = 'rear' AND color &lt;&gt; 'black'</c> writes the literal
/// into the column on every row where the condition holds (every row without <c>WHEN</c>). The value is a literal
/// (a 'label', a number, <c>DATE '…'</c>, <c>TRUE</c>/<c>FALSE</c> or <c>NULL</c> for a missing cell), read with the
/// target column's own parser when the rule is bound to a model; the condition is a row expression over the row as
/// sampled and as changed by the rules before it.
/// </summary>
public sealed class ReplaceRule
{
    private const string FormHint = "Write column = value WHEN condition, e.g. color = 'black' WHEN door = 'rear' AND color <> 'black'.";

    private ReplaceRule(string text, ColumnOperand column, LiteralOperand value, RowExpression? when)
    {
        Text = text;
        Target = column;
        Value = value;
        When = when;
    }

    /// <summary>The rule as written.</summary>
    public string Text { get; }

    /// <summary>The column the rule writes.</summary>
    public string Column => Target.Name;

    /// <summary>The column as written, with its place in <see cref="Text"/>.</summary>
    public ColumnOperand Target { get; }

    /// <summary>The value written, as written (read with the column's parser when the rule is bound).</summary>
    public LiteralOperand Value { get; }

    /// <summary>Where the rule applies; <c>null</c>: every row.</summary>
    public RowExpression? When { get; }

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>Reads <c>column = literal [WHEN condition]</c>.</summary>
    /// <exception cref="RowExpressionException">The text is not such a rule; the message points at the character.</exception>
    public static ReplaceRule Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var whens = RowExpressionLexer.Tokenize(text).Where(t => t.Is("WHEN")).ToList();
        if (whens.Count > 1)
            throw new RowExpressionException("a rule has one WHEN.", text, whens[1].Span, "Join the conditions with AND or OR after the first WHEN.");
        var assignmentEnd = whens.Count == 1 ? whens[0].Span.Start : text.Length;
        var assignment = ParseAssignment(text, assignmentEnd);
        RowExpression? when = null;
        if (whens.Count == 1)
        {
            var start = whens[0].Span.End;
            if (text[start..].Trim().Length == 0)
                throw new RowExpressionException("WHEN has no condition after it.", text, whens[0].Span, FormHint);
            // The condition is parsed in place (blanked before it) so its spans, and any error's caret, count from the rule's start.
            when = Reported(text, () => RowExpressionParser.Parse(new string(' ', start) + text[start..]));
        }
        return new ReplaceRule(text, assignment.Column, assignment.Value, when);
    }

    private static (ColumnOperand Column, LiteralOperand Value) ParseAssignment(string text, int end)
    {
        if (text[..end].Trim().Length == 0)
            throw new RowExpressionException("the rule does not say which column to set.", text, new TextSpan(0, Math.Max(1, end)), FormHint);
        // "col = NULL" is no SQL comparison (the parser asks for IS NULL), but it is how a rule writes a missing cell.
        if (RowExpressionLexer.Tokenize(text[..end]) is [var name, { Kind: TokenKind.Operator, Value: "=" }, var missing, { Kind: TokenKind.End }]
            && name.Kind is TokenKind.Word or TokenKind.QuotedName && !IsKeyword(name) && missing.Is("NULL"))
            return (new ColumnOperand(name.Value, name.Span), new LiteralOperand(LiteralKind.Null, "NULL", missing.Span));
        var parsed = Reported(text, () => RowExpressionParser.Parse(text[..end]));
        if (parsed is ComparisonExpression { Left: ColumnOperand column, Operator: ComparisonOperator.Equal, Right: var right })
        {
            if (right is LiteralOperand value) return (column, value);
            throw new RowExpressionException($"the value is the column '{((ColumnOperand)right).Name}'; a rule writes a literal.", text, right.Span,
                "Write a 'label', a number, DATE 'yyyy-mm-dd', TRUE, FALSE or NULL; quote labels in single quotes.");
        }
        throw new RowExpressionException("a rule starts with column = value.", text, parsed.Span, FormHint);
    }

    private static bool IsKeyword(Token token) => token.Kind == TokenKind.Word && (token.Is("NULL") || token.Is("TRUE") || token.Is("FALSE") || token.Is("NOT"));

    /// <summary>Runs a parse of part of <paramref name="text"/>, reporting its errors against the whole rule.</summary>
    private static RowExpression Reported(string text, Func<RowExpression> parse)
    {
        try
        {
            return parse();
        }
        catch (RowExpressionException e)
        {
            throw new RowExpressionException(e.Reason, text, e.Span, e.Hint, e.ColumnName);
        }
    }
}
