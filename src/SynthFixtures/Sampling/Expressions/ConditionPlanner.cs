using SynthFixtures.Transforms;

namespace SynthFixtures.Sampling.Expressions;

/// <summary>
/// Splits a row expression into what a model meets itself and what is filtered. Only conditions the expression
/// <em>implies</em> are pushed: the top-level conjuncts (after moving <c>NOT</c> inwards, so <c>NOT (a OR b)</c> gives
/// two conjuncts) that are a column compared with a value (=, &lt;, &lt;=, &gt;, &gt;=), a <c>BETWEEN</c>, or an
/// <c>IN</c> with one value. A conjunct under <c>OR</c> is never pushed. The model meets the pushed conditions exactly
/// (its own conditional distribution), and the filter keeps the rows where the rest is true, so the rows kept are those
/// of the model's distribution where the whole expression holds.
/// </summary>
internal static class ConditionPlanner
{
    /// <summary>The plan of <paramref name="expression"/> (written as <paramref name="text"/>) on rows of <paramref name="layout"/>.</summary>
    /// <param name="expression">The parsed expression.</param>
    /// <param name="text">Its source text, for messages.</param>
    /// <param name="layout">How candidate rows hold the columns.</param>
    /// <param name="given">Conditions given beside the expression; they are pushed as they are.</param>
    /// <exception cref="RowExpressionException">A column or value the layout cannot read.</exception>
    public static ConditionPlan Plan(RowExpression expression, string text, RowLayout layout, IReadOnlyList<Condition> given)
    {
        var binder = new ExpressionBinder(text, layout);
        // Binding the whole expression first reports every unknown name or value, pushed or not, at its character.
        binder.Bind(expression);
        var pushed = new List<Condition>(given);
        var filtered = new List<string>();
        PredicateNode? filter = null;
        var conjuncts = Conjuncts(expression, negated: false).ToList();
        foreach (var (conjunct, negated) in conjuncts)
        {
            if (Push(binder, conjunct, negated) is { } condition)
            {
                pushed.Add(condition);
                continue;
            }
            var node = binder.Bind(conjunct);
            if (negated) node = new NotNode(node);
            filter = filter is null ? node : new AndNode(filter, node);
            var source = text.Substring(conjunct.Span.Start, conjunct.Span.Length);
            // A disjunction among other conjuncts keeps its parentheses, so the parts read back as the expression.
            filtered.Add(negated ? $"NOT ({source})" : conjunct is OrExpression && conjuncts.Count > 1 ? $"({source})" : source);
        }
        return new ConditionPlan(text, pushed, filtered, filter is null ? null : new RowPredicate(text, filter, layout));
    }

    /// <summary>The conjuncts whose conjunction is the expression, each with whether it is negated.</summary>
    private static IEnumerable<(RowExpression Conjunct, bool Negated)> Conjuncts(RowExpression expression, bool negated)
    {
        switch (expression)
        {
            case AndExpression both when !negated:
                foreach (var part in Conjuncts(both.Left, negated)) yield return part;
                foreach (var part in Conjuncts(both.Right, negated)) yield return part;
                break;
            case OrExpression either when negated:
                foreach (var part in Conjuncts(either.Left, negated)) yield return part;
                foreach (var part in Conjuncts(either.Right, negated)) yield return part;
                break;
            case NotExpression not:
                foreach (var part in Conjuncts(not.Inner, !negated)) yield return part;
                break;
            default:
                yield return (expression, negated);
                break;
        }
    }

    /// <summary>The model condition a conjunct is, or <c>null</c> when it must be filtered.</summary>
    private static Condition? Push(ExpressionBinder binder, RowExpression conjunct, bool negated)
    {
        switch (conjunct)
        {
            case ComparisonExpression comparison:
                var (left, right, op) = comparison.Left is LiteralOperand
                    ? (comparison.Right, comparison.Left, Comparisons.Swapped(comparison.Operator))
                    : (comparison.Left, comparison.Right, comparison.Operator);
                if (left is not ColumnOperand column || right is not LiteralOperand literal) return null;
                if (negated) op = Comparisons.Negated(op);
                return Compare(binder, column, op, literal);
            case BetweenExpression between when between.Negated == negated:
                var slot = binder.Slot(between.Column);
                if (slot.Form != SlotForm.Number) return null;
                return ValueText(binder, slot, between.Low) is { } low && ValueText(binder, slot, between.High) is { } high
                    ? new RangeCondition(slot.Column.Name, low, true, high, true)
                    : null;
            case InExpression { Values.Count: 1 } @in when @in.Negated == negated:
                return Compare(binder, @in.Column, ComparisonOperator.Equal, @in.Values[0]);
            default:
                return null;
        }
    }

    private static Condition? Compare(ExpressionBinder binder, ColumnOperand column, ComparisonOperator op, LiteralOperand literal)
    {
        var slot = binder.Slot(column);
        if (slot.Form == SlotForm.Code)
            return op == ComparisonOperator.Equal ? new EqualsCondition(slot.Column.Name, slot.Labels![binder.Code(slot, literal)]!.Trim()) : null;
        if (slot.Form != SlotForm.Number || ValueText(binder, slot, literal) is not { } value) return null;
        var name = slot.Column.Name;
        return op switch
        {
            ComparisonOperator.Equal => new EqualsCondition(name, value),
            ComparisonOperator.Less => new RangeCondition(name, null, false, value, false),
            ComparisonOperator.LessOrEqual => new RangeCondition(name, null, false, value, true),
            ComparisonOperator.Greater => new RangeCondition(name, value, false, null, false),
            ComparisonOperator.GreaterOrEqual => new RangeCondition(name, value, true, null, false),
            _ => null,
        };
    }

    /// <summary>
    /// The literal as text the model's own condition parser reads as the same number the filter would use, or <c>null</c>
    /// (then the conjunct is filtered rather than pushed with a different value).
    /// </summary>
    private static string? ValueText(ExpressionBinder binder, ColumnSlot slot, LiteralOperand literal)
    {
        var value = binder.Number(slot, literal);
        if (ColumnValues.TryParse(literal.Text, slot.Column, out var parsed) && parsed.Equals(value)) return literal.Text;
        var formatted = ColumnValues.Format(value, slot.Column);
        return ColumnValues.TryParse(formatted, slot.Column, out parsed) && parsed.Equals(value) ? formatted : null;
    }
}
