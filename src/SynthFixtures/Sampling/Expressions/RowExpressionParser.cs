namespace SynthFixtures.Sampling.Expressions;

/// <summary>
/// Reads a row expression: comparisons (<c>= &lt;&gt; != &lt; &lt;= &gt; &gt;=</c>) between columns and literals,
/// <c>[NOT] BETWEEN</c>, <c>[NOT] IN (…)</c>, <c>IS [NOT] NULL</c>, combined with <c>NOT</c>, <c>AND</c>, <c>OR</c> (in
/// that order of precedence, as in SQL) and parentheses. Keywords are case-insensitive; column names are bare words or
/// double-quoted; strings are single-quoted (<c>''</c> inside for a quote); dates are <c>DATE '…'</c> or
/// <c>TIMESTAMP '…'</c>. Names and values are not checked here: binding the tree to a model does that.
/// </summary>
public static class RowExpressionParser
{
    private static readonly string[] Keywords = ["AND", "OR", "NOT", "BETWEEN", "IN", "IS", "NULL", "TRUE", "FALSE", "DATE", "TIMESTAMP"];

    private const string ValueHint = "Write a number (25), a 'quoted label', DATE 'yyyy-mm-dd', TRUE, FALSE or a column name.";

    /// <summary>Parses <paramref name="text"/> into its tree.</summary>
    /// <exception cref="RowExpressionException">The text is not a row expression; the message points at the character.</exception>
    public static RowExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new Reader(text, RowExpressionLexer.Tokenize(text));
        if (reader.Peek.Kind == TokenKind.End)
            throw reader.Error("the expression is empty.", reader.Peek.Span, "Write a condition such as age < 25 AND sex = 'Female'.");
        var expression = reader.Or();
        var next = reader.Peek;
        if (next.Kind != TokenKind.End)
            throw next.Kind == TokenKind.Close
                ? reader.Error("this ')' closes no '('.", next.Span, "Remove it, or add the '(' it closes.")
                : reader.Error($"expected AND, OR or the end of the expression, found {next.Describe(text)}.", next.Span,
                    "Join conditions with AND or OR; quote labels in single quotes and names with spaces in double quotes.");
        return expression;
    }

    private sealed class Reader(string text, List<Token> tokens)
    {
        private int position;

        public Token Peek => tokens[position];

        private Token Take() => tokens[position++];

        public RowExpressionException Error(string reason, TextSpan span, string hint) => new(reason, text, span, hint);

        public RowExpression Or()
        {
            var left = And();
            while (Peek.Is("OR"))
            {
                Take();
                var right = And();
                left = new OrExpression(left, right, TextSpan.Covering(left.Span, right.Span));
            }
            return left;
        }

        private RowExpression And()
        {
            var left = Not();
            while (Peek.Is("AND"))
            {
                Take();
                var right = Not();
                left = new AndExpression(left, right, TextSpan.Covering(left.Span, right.Span));
            }
            return left;
        }

        private RowExpression Not()
        {
            if (!Peek.Is("NOT")) return Predicate();
            var not = Take();
            var inner = Not();
            return new NotExpression(inner, TextSpan.Covering(not.Span, inner.Span));
        }

        private RowExpression Predicate()
        {
            if (Peek.Kind == TokenKind.Open)
            {
                var open = Take();
                if (Peek.Kind == TokenKind.Close)
                    throw Error("the parentheses hold nothing.", TextSpan.Covering(open.Span, Peek.Span), "Write a condition inside them, or remove them.");
                var inner = Or();
                if (Peek.Kind != TokenKind.Close)
                    throw Peek.Kind == TokenKind.End
                        ? Error("this '(' is never closed.", open.Span, "Add the ')' that closes it.")
                        : Error($"expected ')' or AND/OR, found {Peek.Describe(text)}.", Peek.Span, "Close the parentheses, or join the conditions with AND or OR.");
                Take();
                return inner;
            }
            var left = Operand("a condition");
            var notSpan = Peek.Is("NOT") ? Take().Span : (TextSpan?)null;
            var next = Peek;
            if (next.Is("BETWEEN")) return Between(Column(left, "BETWEEN"), notSpan);
            if (next.Is("IN")) return In(Column(left, "IN"), notSpan);
            if (notSpan is not null)
                throw Error($"expected BETWEEN or IN after NOT, found {next.Describe(text)}.", next.Span,
                    "NOT after a column goes with BETWEEN or IN; to negate a condition, put NOT before it: NOT (a = 1).");
            if (next.Is("IS")) return IsNull(Column(left, "IS NULL"));
            if (next.Kind != TokenKind.Operator)
                throw Error($"expected a comparison (=, <>, <, <=, >, >=), BETWEEN, IN or IS NULL after {Describe(left)}, found {next.Describe(text)}.", next.Span,
                    left is ColumnOperand column
                        ? $"Compare the column with a value, e.g. {Quote(column.Name)} = 'label', or write {Quote(column.Name)} = TRUE for a boolean column."
                        : "Quote labels in single quotes and column names with spaces in double quotes.");
            var op = Take();
            var right = Operand($"a value after '{op.Value}'");
            if (left is LiteralOperand && right is LiteralOperand)
                throw Error("this comparison has no column on either side.", TextSpan.Covering(left.Span, right.Span),
                    "Compare a column with a value, e.g. age < 25.");
            if ((left as LiteralOperand ?? right as LiteralOperand) is { Kind: LiteralKind.Null } literalNull)
                throw Error($"a comparison with NULL is never true.", literalNull.Span, "Write column IS NULL or column IS NOT NULL.");
            return new ComparisonExpression(left, OperatorOf(op.Value), right, TextSpan.Covering(left.Span, right.Span));
        }

        private BetweenExpression Between(ColumnOperand column, TextSpan? not)
        {
            Take();
            var low = Literal("the lower bound after BETWEEN");
            if (!Peek.Is("AND"))
                throw Error($"expected AND between the bounds of BETWEEN, found {Peek.Describe(text)}.", Peek.Span, "Write column BETWEEN low AND high.");
            Take();
            var high = Literal("the upper bound after AND");
            return new BetweenExpression(column, low, high, not is not null, TextSpan.Covering(column.Span, high.Span));
        }

        private InExpression In(ColumnOperand column, TextSpan? not)
        {
            Take();
            if (Peek.Kind != TokenKind.Open)
                throw Error($"expected '(' after IN, found {Peek.Describe(text)}.", Peek.Span, "Write column IN ('a', 'b').");
            Take();
            var values = new List<LiteralOperand>();
            while (true)
            {
                values.Add(Literal("a value in the IN list"));
                if (Peek.Kind == TokenKind.Comma)
                {
                    Take();
                    continue;
                }
                if (Peek.Kind == TokenKind.Close) break;
                throw Error($"expected ',' or ')' in the IN list, found {Peek.Describe(text)}.", Peek.Span, "Separate the values with commas and close the list with ')'.");
            }
            var close = Take();
            return new InExpression(column, values, not is not null, TextSpan.Covering(column.Span, close.Span));
        }

        private IsNullExpression IsNull(ColumnOperand column)
        {
            Take();
            var negated = false;
            if (Peek.Is("NOT"))
            {
                Take();
                negated = true;
            }
            if (!Peek.Is("NULL"))
                throw Error($"expected NULL after IS{(negated ? " NOT" : "")}, found {Peek.Describe(text)}.", Peek.Span,
                    "IS only tests for missing values: column IS NULL or column IS NOT NULL; compare values with =.");
            var end = Take();
            return new IsNullExpression(column, negated, TextSpan.Covering(column.Span, end.Span));
        }

        private ColumnOperand Column(ExpressionOperand operand, string construct) =>
            operand as ColumnOperand ?? throw Error($"{construct} needs a column on its left, found {Describe(operand)}.", operand.Span,
                $"Write the column first, e.g. age {(construct == "IS NULL" ? "IS NULL" : construct + " …")}.");

        private LiteralOperand Literal(string what) =>
            Operand(what) as LiteralOperand is { } literal
                ? literal.Kind == LiteralKind.Null
                    ? throw Error($"NULL cannot be {what}.", literal.Span, "NULL matches nothing in BETWEEN or IN; test missing values with column IS NULL.")
                    : literal
                : throw Error($"expected {what}, found a column name.", tokens[position - 1].Span,
                    "Bounds and IN lists hold values: numbers, 'quoted labels' or DATE '…'; quote labels in single quotes.");

        private ExpressionOperand Operand(string what)
        {
            var token = Peek;
            switch (token.Kind)
            {
                case TokenKind.Number:
                    Take();
                    return new LiteralOperand(LiteralKind.Number, token.Value, token.Span);
                case TokenKind.String:
                    Take();
                    return new LiteralOperand(LiteralKind.String, token.Value, token.Span);
                case TokenKind.QuotedName:
                    Take();
                    return new ColumnOperand(token.Value, token.Span);
                case TokenKind.Word when token.Is("TRUE") || token.Is("FALSE"):
                    Take();
                    return new LiteralOperand(LiteralKind.Boolean, token.Value.ToUpperInvariant(), token.Span);
                case TokenKind.Word when token.Is("NULL"):
                    Take();
                    return new LiteralOperand(LiteralKind.Null, "NULL", token.Span);
                case TokenKind.Word when (token.Is("DATE") || token.Is("TIMESTAMP")) && tokens[position + 1].Kind == TokenKind.String:
                    Take();
                    var value = Take();
                    return new LiteralOperand(token.Is("DATE") ? LiteralKind.Date : LiteralKind.Timestamp, value.Value, TextSpan.Covering(token.Span, value.Span));
                case TokenKind.Word when !IsKeyword(token):
                    Take();
                    return new ColumnOperand(token.Value, token.Span);
                default:
                    throw Error($"expected {what}, found {token.Describe(text)}.", token.Span,
                        token.Kind == TokenKind.Word ? $"{token.Value.ToUpperInvariant()} is a keyword; write a column with that name in double quotes (\"{token.Value}\"). {ValueHint}" : ValueHint);
            }
        }

        private static bool IsKeyword(Token token) => Keywords.Any(token.Is);

        private string Describe(ExpressionOperand operand) => $"'{text.Substring(operand.Span.Start, operand.Span.Length)}'";

        private static string Quote(string name) => name.All(c => char.IsLetterOrDigit(c) || c == '_') && name.Length > 0 && !char.IsAsciiDigit(name[0]) ? name : $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

        private static ComparisonOperator OperatorOf(string op) => op switch
        {
            "=" => ComparisonOperator.Equal,
            "<>" or "!=" => ComparisonOperator.NotEqual,
            "<" => ComparisonOperator.Less,
            "<=" => ComparisonOperator.LessOrEqual,
            ">" => ComparisonOperator.Greater,
            _ => ComparisonOperator.GreaterOrEqual,
        };
    }
}
