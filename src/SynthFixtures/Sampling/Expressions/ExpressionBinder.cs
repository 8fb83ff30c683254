using System.Globalization;
using SynthFixtures.Metadata;
using SynthFixtures.Transforms;

namespace SynthFixtures.Sampling.Expressions;

/// <summary>
/// Binds a parsed expression to how rows hold their columns: names become slots, literals are read with each column's
/// own parser (numbers, dates in the column's format or ISO 8601, labels), and what cannot hold is an error at its
/// character: an unknown or generated column, a label the column never holds, an ordering of labels, a value of the
/// wrong kind.
/// </summary>
internal sealed class ExpressionBinder(string text, RowLayout layout)
{
    private static readonly string[] TrueWords = ["true", "t", "yes", "y", "1"];
    private static readonly string[] FalseWords = ["false", "f", "no", "n", "0"];

    /// <summary>The node that evaluates <paramref name="expression"/> on rows of the layout.</summary>
    public PredicateNode Bind(RowExpression expression) => expression switch
    {
        AndExpression and => new AndNode(Bind(and.Left), Bind(and.Right)),
        OrExpression or => new OrNode(Bind(or.Left), Bind(or.Right)),
        NotExpression not => new NotNode(Bind(not.Inner)),
        ComparisonExpression comparison => BindComparison(comparison),
        BetweenExpression between => Negate(BindBetween(between), between.Negated),
        InExpression @in => Negate(BindIn(@in), @in.Negated),
        IsNullExpression isNull => Negate(new IsNullNode(Slot(isNull.Column)), isNull.Negated),
        _ => throw new ArgumentException($"Unknown expression node {expression.GetType().Name}.", nameof(expression)),
    };

    /// <summary>The slot of a named column, or an error naming the known columns and the nearest name.</summary>
    public ColumnSlot Slot(ColumnOperand column)
    {
        if (layout.Slots.TryGetValue(column.Name, out var slot)) return slot;
        if (layout.Unavailable.TryGetValue(column.Name, out var why))
            throw new RowExpressionException($"column '{column.Name}' is {why}, so a condition cannot name it.", text, column.Span,
                "Name a learned column, or filter the sampled rows afterwards.", column.Name);
        var names = layout.Metadata.Columns.Select(c => c.Name).ToList();
        var nearest = NearestNames.Find(column.Name, names);
        throw new RowExpressionException($"there is no column '{column.Name}' in the model.", text, column.Span,
            (nearest is null ? "" : $"Did you mean {Quoted(nearest)}? ") + $"The columns are: {string.Join(", ", names)}."
            + " Column names are matched exactly; write names with spaces or symbols in double quotes.");
    }

    /// <summary>
    /// The number a numeric or datetime column reads <paramref name="literal"/> as: the column's own parser first, then
    /// ISO 8601 for dates.
    /// </summary>
    public double Number(ColumnSlot column, LiteralOperand literal)
    {
        var meta = column.Column;
        var isDate = meta.Kind == ColumnKind.DateTime;
        if (literal.Kind is LiteralKind.Date or LiteralKind.Timestamp && !isDate)
            throw Error(literal, $"a date compared with the {Kind(meta)} column '{meta.Name}'.", "Compare it with a number, e.g. age < 25.", meta);
        if (literal.Kind == LiteralKind.Boolean)
            throw Error(literal, $"{literal.Text} compared with the {Kind(meta)} column '{meta.Name}'.",
                isDate ? "Compare it with a date, e.g. DATE '2020-01-31'." : "Compare it with a number, e.g. age < 25.", meta);
        if (ColumnValues.TryParse(literal.Text, meta, out var value)) return value;
        if (isDate && literal.Kind != LiteralKind.Number
            && DateTime.TryParse(literal.Text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var iso))
            return iso.Ticks / (double)TimeSpan.TicksPerSecond;
        throw Error(literal, $"'{literal.Text}' is not a {(isDate ? "date" : "number")} for the {Kind(meta)} column '{meta.Name}'.",
            isDate ? $"Write DATE 'yyyy-mm-dd' or a date in the column's format ({meta.DateTimeFormat ?? "ISO 8601"})." : "Write numbers in the invariant culture, e.g. 42 or 3.5.", meta);
    }

    /// <summary>The code of the label <paramref name="literal"/> names in a categorical or boolean column, or an error listing the labels.</summary>
    public int Code(ColumnSlot column, LiteralOperand literal)
    {
        var labels = column.Labels!;
        var meta = column.Column;
        if (literal.Kind is LiteralKind.Date or LiteralKind.Timestamp)
            throw Error(literal, $"a date compared with the {Kind(meta)} column '{meta.Name}'.", $"Compare it with one of its labels: {ConditionErrors.KnownLabels(labels)}.", meta);
        var wanted = literal.Text.Trim();
        for (var k = 0; k < labels.Count; k++)
            if (labels[k] is { } label && string.Equals(label.Trim(), wanted, StringComparison.Ordinal)) return k;
        if (literal.Kind == LiteralKind.Boolean)
        {
            var words = literal.Text == "TRUE" ? TrueWords : FalseWords;
            for (var k = 0; k < labels.Count; k++)
                if (labels[k] is { } label && words.Contains(label.Trim().ToLowerInvariant())) return k;
        }
        var present = labels.OfType<string>().Select(l => l.Trim()).ToList();
        var nearest = NearestNames.Find(wanted, present);
        throw Error(literal, $"'{wanted}' is not a label of the {Kind(meta)} column '{meta.Name}'.",
            (nearest is null ? "" : $"Did you mean '{nearest}'? ") + $"Its labels are: {ConditionErrors.KnownLabels(labels)} (matched exactly, surrounding spaces ignored).", meta);
    }

    private PredicateNode BindComparison(ComparisonExpression comparison)
    {
        var op = comparison.Operator;
        var (left, right) = (comparison.Left, comparison.Right);
        if (left is LiteralOperand)
        {
            (left, right) = (right, left);
            op = Comparisons.Swapped(op);
        }
        var column = Slot((ColumnOperand)left);
        if (right is ColumnOperand other) return BindColumns(comparison, column, op, Slot(other));
        var literal = (LiteralOperand)right;
        switch (column.Form)
        {
            case SlotForm.Number:
                return new NumberLiteralNode(column.Slot, op, Number(column, literal));
            case SlotForm.Code:
                RequireEquality(op, column, comparison.Span);
                var code = Code(column, literal);
                return CodeSet(column, k => op == ComparisonOperator.Equal ? k == code : k != code);
            default:
                return new TextNode(CellText.Of(column), op, CellText.Of(literal.Text));
        }
    }

    private PredicateNode BindColumns(ComparisonExpression comparison, ColumnSlot left, ComparisonOperator op, ColumnSlot right)
    {
        if (left.Form == SlotForm.Number && right.Form == SlotForm.Number)
        {
            if ((left.Column.Kind == ColumnKind.DateTime) != (right.Column.Kind == ColumnKind.DateTime))
                throw new RowExpressionException($"the comparison sets the {Kind(left.Column)} column '{left.Column.Name}' against the {Kind(right.Column)} column '{right.Column.Name}'.",
                    text, comparison.Span, "Compare numbers with numbers and dates with dates.");
            return new NumberColumnsNode(left.Slot, op, right.Slot);
        }
        if (left.Form == SlotForm.Number || right.Form == SlotForm.Number)
            throw new RowExpressionException($"the comparison sets the {Kind(left.Column)} column '{left.Column.Name}' against the {Kind(right.Column)} column '{right.Column.Name}'.",
                text, comparison.Span, "Compare columns of the same kind: numbers with numbers, labels with labels.");
        if (left.Form == SlotForm.Code || right.Form == SlotForm.Code) RequireEquality(op, left.Form == SlotForm.Code ? left : right, comparison.Span);
        return new TextNode(CellText.Of(left), op, CellText.Of(right));
    }

    private PredicateNode BindBetween(BetweenExpression between)
    {
        var column = Slot(between.Column);
        if (column.Form == SlotForm.Code)
            throw new RowExpressionException($"BETWEEN orders the labels of the {Kind(column.Column)} column '{column.Column.Name}', which have no order.",
                text, between.Span, $"Use IN with the labels wanted: {ConditionErrors.KnownLabels(column.Labels!)}.", column.Column.Name);
        if (column.Form == SlotForm.Text)
            return new AndNode(new TextNode(CellText.Of(column), ComparisonOperator.GreaterOrEqual, CellText.Of(between.Low.Text)),
                new TextNode(CellText.Of(column), ComparisonOperator.LessOrEqual, CellText.Of(between.High.Text)));
        return new AndNode(new NumberLiteralNode(column.Slot, ComparisonOperator.GreaterOrEqual, Number(column, between.Low)),
            new NumberLiteralNode(column.Slot, ComparisonOperator.LessOrEqual, Number(column, between.High)));
    }

    private PredicateNode BindIn(InExpression @in)
    {
        var column = Slot(@in.Column);
        switch (column.Form)
        {
            case SlotForm.Number:
                return new NumberSetNode(column.Slot, @in.Values.Select(v => Number(column, v)).ToHashSet());
            case SlotForm.Code:
                var codes = @in.Values.Select(v => Code(column, v)).ToHashSet();
                return CodeSet(column, codes.Contains);
            default:
                PredicateNode? any = null;
                foreach (var value in @in.Values)
                {
                    var equal = new TextNode(CellText.Of(column), ComparisonOperator.Equal, CellText.Of(value.Text));
                    any = any is null ? equal : new OrNode(any, equal);
                }
                return any!;
        }
    }

    private static CodeSetNode CodeSet(ColumnSlot column, Func<int, bool> member)
    {
        var labels = column.Labels!;
        var members = new bool[labels.Count];
        var missing = new bool[labels.Count];
        for (var k = 0; k < labels.Count; k++)
        {
            missing[k] = labels[k] is null;
            members[k] = !missing[k] && member(k);
        }
        return new CodeSetNode(column.Slot, members, missing);
    }

    private void RequireEquality(ComparisonOperator op, ColumnSlot column, TextSpan span)
    {
        if (op is ComparisonOperator.Equal or ComparisonOperator.NotEqual) return;
        throw new RowExpressionException($"'{Comparisons.Symbol(op)}' orders the labels of the {Kind(column.Column)} column '{column.Column.Name}', which have no order.",
            text, span, $"Use = or <> with one label, or IN with several: {ConditionErrors.KnownLabels(column.Labels ?? [])}.", column.Column.Name);
    }

    private static PredicateNode Negate(PredicateNode node, bool negated) => negated ? new NotNode(node) : node;

    private RowExpressionException Error(LiteralOperand literal, string reason, string hint, ColumnMetadata column) =>
        new(reason, text, literal.Span, hint, column.Name);

    private static string Kind(ColumnMetadata column) => column.Kind.ToString().ToLowerInvariant();

    private static string Quoted(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_') ? name : $"\"{name}\"";
}
