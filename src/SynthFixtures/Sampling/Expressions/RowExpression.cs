namespace SynthFixtures.Sampling.Expressions;

/// <summary>
/// A condition on one row, as written in a small SQL expression language (<c>fraud = 1 AND amount BETWEEN 100 AND 500</c>):
/// the tree the parser produces and the planner, filters and replace rules read. Every node keeps the character span of
/// its source text so errors found after parsing (an unknown column, a label the column never holds) can point at it.
/// </summary>
/// <param name="Span">Where the node was written in the source text.</param>
public abstract record RowExpression(TextSpan Span);

/// <summary>Both sides hold.</summary>
public sealed record AndExpression(RowExpression Left, RowExpression Right, TextSpan Span) : RowExpression(Span);

/// <summary>At least one side holds.</summary>
public sealed record OrExpression(RowExpression Left, RowExpression Right, TextSpan Span) : RowExpression(Span);

/// <summary>The inner expression does not hold.</summary>
public sealed record NotExpression(RowExpression Inner, TextSpan Span) : RowExpression(Span);

/// <summary>
/// <c>left op right</c>, where each side is a column or a literal (<c>age &lt; 25</c>, <c>25 &gt; age</c>,
/// <c>discharged &gt; admitted</c>). SQL semantics: a comparison with a missing value is not true.
/// </summary>
public sealed record ComparisonExpression(ExpressionOperand Left, ComparisonOperator Operator, ExpressionOperand Right, TextSpan Span) : RowExpression(Span);

/// <summary><c>column [NOT] BETWEEN low AND high</c>, both bounds inclusive.</summary>
public sealed record BetweenExpression(ColumnOperand Column, LiteralOperand Low, LiteralOperand High, bool Negated, TextSpan Span) : RowExpression(Span);

/// <summary><c>column [NOT] IN (v1, v2, …)</c>.</summary>
public sealed record InExpression(ColumnOperand Column, IReadOnlyList<LiteralOperand> Values, bool Negated, TextSpan Span) : RowExpression(Span)
{
    /// <summary>Value equality over the value list (records compare lists by reference otherwise).</summary>
    public bool Equals(InExpression? other) =>
        other is not null && Column == other.Column && Negated == other.Negated && Span == other.Span && Values.SequenceEqual(other.Values);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Column, Negated, Span, Values.Count);
}

/// <summary><c>column IS [NOT] NULL</c>: whether the cell is missing.</summary>
public sealed record IsNullExpression(ColumnOperand Column, bool Negated, TextSpan Span) : RowExpression(Span);

/// <summary>The six SQL comparison operators (<c>&lt;&gt;</c> and <c>!=</c> both read as <see cref="NotEqual"/>).</summary>
public enum ComparisonOperator
{
    /// <summary><c>=</c></summary>
    Equal,
    /// <summary><c>&lt;&gt;</c> or <c>!=</c></summary>
    NotEqual,
    /// <summary><c>&lt;</c></summary>
    Less,
    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,
    /// <summary><c>&gt;</c></summary>
    Greater,
    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,
}

/// <summary>One side of a comparison.</summary>
/// <param name="Span">Where the operand was written.</param>
public abstract record ExpressionOperand(TextSpan Span);

/// <summary>
/// A column by name: a bare identifier (<c>age</c>) or a double-quoted one for names with spaces or symbols
/// (<c>"Review Text"</c>, <c>"hours-per-week"</c>). Matched against the model's columns exactly.
/// </summary>
public sealed record ColumnOperand(string Name, TextSpan Span) : ExpressionOperand(Span);

/// <summary>
/// A literal: a single-quoted string (<c>'&gt;50K'</c>, quotes doubled inside), a number (<c>25</c>, <c>-1.5e3</c>), a
/// date or timestamp (<c>DATE '2020-01-31'</c>, <c>TIMESTAMP '2020-01-31 12:00:00'</c>), <c>TRUE</c>/<c>FALSE</c> or
/// <c>NULL</c>. <see cref="Text"/> is the value without quotes or keyword; a model column reads it with its own parser.
/// </summary>
public sealed record LiteralOperand(LiteralKind Kind, string Text, TextSpan Span) : ExpressionOperand(Span);

/// <summary>How a literal was written.</summary>
public enum LiteralKind
{
    /// <summary>A single-quoted string.</summary>
    String,
    /// <summary>A number.</summary>
    Number,
    /// <summary><c>DATE '…'</c>.</summary>
    Date,
    /// <summary><c>TIMESTAMP '…'</c>.</summary>
    Timestamp,
    /// <summary><c>TRUE</c> or <c>FALSE</c>.</summary>
    Boolean,
    /// <summary><c>NULL</c>.</summary>
    Null,
}

/// <summary>A range of characters in an expression's source text (zero-based start, length).</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>One past the last character.</summary>
    public int End => Start + Length;

    /// <summary>The span from the start of <paramref name="first"/> to the end of <paramref name="last"/>.</summary>
    public static TextSpan Covering(TextSpan first, TextSpan last) => new(first.Start, last.End - first.Start);
}
