using System.Globalization;
using System.Linq.Expressions;
using SynthFixtures.Metadata;
using SynthFixtures.Models;
using SynthFixtures.Transforms;

namespace SynthFixtures.Sampling.Typed;

/// <summary>
/// Reads a <c>Where</c> predicate for the conditions a model can meet itself, through the same planner as a row
/// expression (<see cref="SynthModel.PlanConditions"/>): the parts it can write as one — comparisons
/// <c>p.Property op value</c> (==, !=, &lt;, &lt;=, &gt;, &gt;=, either side), bare or negated bool properties, and
/// <c>&amp;&amp;</c>, <c>||</c> and <c>!</c> over them — become the expression, and the planner pushes what it implies.
/// Anything else (method calls, comparisons between properties) is left out: only implied conditions are pushed, so
/// pushing never changes which objects qualify, and the objects are still filtered by the predicate itself.
/// </summary>
public static class PredicateConditions
{
    /// <summary>The conditions implied by <paramref name="predicate"/> on bound columns.</summary>
    /// <param name="predicate">The query's predicate.</param>
    /// <param name="columnOfProperty">Bound properties and their model columns.</param>
    /// <param name="model">The model (for column kinds, formats and labels).</param>
    /// <exception cref="Expressions.RowExpressionException">A compared value is not a label of its column.</exception>
    public static IReadOnlyList<Condition> Translate<T>(Expression<Func<T, bool>> predicate, IReadOnlyDictionary<string, string> columnOfProperty, SynthModel model)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentNullException.ThrowIfNull(model);
        var text = ToExpression(predicate, columnOfProperty, model);
        return text is null ? [] : model.PlanConditions(text).Pushed;
    }

    /// <summary>
    /// The row expression the translatable part of <paramref name="predicate"/> makes (the conjuncts that cannot be
    /// written are dropped, which keeps the result implied by the predicate), or <c>null</c> when nothing can be written.
    /// </summary>
    /// <param name="predicate">The query's predicate.</param>
    /// <param name="columnOfProperty">Bound properties and their model columns.</param>
    /// <param name="model">The model (for column kinds, formats and labels).</param>
    public static string? ToExpression<T>(Expression<Func<T, bool>> predicate, IReadOnlyDictionary<string, string> columnOfProperty, SynthModel model)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentNullException.ThrowIfNull(columnOfProperty);
        ArgumentNullException.ThrowIfNull(model);
        return Conjuncts(predicate.Body, predicate.Parameters[0], columnOfProperty, model);
    }

    /// <summary>The conjuncts of <paramref name="node"/> that can be written, joined by AND; <c>null</c> when none can.</summary>
    private static string? Conjuncts(Expression node, ParameterExpression parameter, IReadOnlyDictionary<string, string> columns, SynthModel model)
    {
        if (node is BinaryExpression { NodeType: ExpressionType.AndAlso or ExpressionType.And } both && node.Type == typeof(bool))
        {
            var parts = new[] { Conjuncts(both.Left, parameter, columns, model), Conjuncts(both.Right, parameter, columns, model) }.OfType<string>().ToList();
            return parts.Count == 0 ? null : string.Join(" AND ", parts);
        }
        return Whole(node, parameter, columns, model) is { } whole ? $"({whole})" : null;
    }

    /// <summary><paramref name="node"/> written whole, or <c>null</c> when any part of it cannot be (a disjunction or negation is kept only whole).</summary>
    private static string? Whole(Expression node, ParameterExpression parameter, IReadOnlyDictionary<string, string> columns, SynthModel model)
    {
        switch (node)
        {
            case BinaryExpression { NodeType: ExpressionType.AndAlso or ExpressionType.And or ExpressionType.OrElse or ExpressionType.Or } both when node.Type == typeof(bool):
                return Whole(both.Left, parameter, columns, model) is { } left && Whole(both.Right, parameter, columns, model) is { } right
                    ? $"({left}) {(both.NodeType is ExpressionType.AndAlso or ExpressionType.And ? "AND" : "OR")} ({right})"
                    : null;
            case UnaryExpression { NodeType: ExpressionType.Not } not when not.Operand.Type == typeof(bool) && Property(not.Operand, parameter) is { } negated:
                return Comparison(negated, ExpressionType.Equal, false, columns, model);
            case UnaryExpression { NodeType: ExpressionType.Not } not when not.Type == typeof(bool):
                return Whole(not.Operand, parameter, columns, model) is { } inner ? $"NOT ({inner})" : null;
            case BinaryExpression comparison when IsComparison(comparison.NodeType):
                if (Property(comparison.Left, parameter) is { } left2 && IsConstant(comparison.Right, parameter))
                    return Comparison(left2, comparison.NodeType, Evaluate(comparison.Right), columns, model);
                if (Property(comparison.Right, parameter) is { } right2 && IsConstant(comparison.Left, parameter))
                    return Comparison(right2, Mirror(comparison.NodeType), Evaluate(comparison.Left), columns, model);
                return null;
            case MemberExpression when node.Type == typeof(bool) && Property(node, parameter) is { } flag:
                return Comparison(flag, ExpressionType.Equal, true, columns, model);
            default:
                return null;
        }
    }

    /// <summary><c>"column" op literal</c>, or <c>null</c> when the property is not bound or the value cannot be written for its column.</summary>
    private static string? Comparison((string Name, Type Type) property, ExpressionType op, object? value, IReadOnlyDictionary<string, string> columns, SynthModel model)
    {
        if (value is null || !columns.TryGetValue(property.Name, out var columnName)) return null;
        var column = model.Metadata.Find(columnName);
        if (column is null) return null;
        var name = "\"" + columnName.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var symbol = op switch
        {
            ExpressionType.Equal => "=",
            ExpressionType.NotEqual => "<>",
            ExpressionType.GreaterThan => ">",
            ExpressionType.GreaterThanOrEqual => ">=",
            ExpressionType.LessThan => "<",
            _ => "<=",
        };
        if (column.IsNumeric)
        {
            if (Number(value, column) is not { } text) return null;
            return $"{name} {symbol} {(column.Kind == ColumnKind.DateTime ? Quote(text) : text)}";
        }
        if (op is not (ExpressionType.Equal or ExpressionType.NotEqual) || !column.IsCategorical) return null;
        var underlying = Nullable.GetUnderlyingType(property.Type) ?? property.Type;
        var label = value switch
        {
            string s => s,
            bool b => model.DescribeSchema().Columns.First(c => c.Name == columnName).Labels?.FirstOrDefault(l => IsToken(l, b)),
            _ when underlying.IsEnum => LabelOf(Enum.ToObject(underlying, value).ToString()!, underlying, model, columnName),
            _ => null,
        };
        return label is null ? null : $"{name} {symbol} {Quote(label)}";
    }

    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>The model label that maps to an enum member, by the same rule the generated binding uses.</summary>
    private static string? LabelOf(string member, Type enumType, SynthModel model, string column)
    {
        var members = Enum.GetNames(enumType);
        return model.DescribeSchema().Columns.First(c => c.Name == column).Labels?.FirstOrDefault(l => LabelMatching.MemberFor(l, members) == member);
    }

    private static bool IsToken(string label, bool value) => label.ToLowerInvariant() switch
    {
        "true" or "yes" or "y" or "t" or "1" => value,
        "false" or "no" or "n" or "f" or "0" => !value,
        _ => false,
    };

    /// <summary>The value as the column writes it, only when that text means exactly the same value (no rounding by a date format).</summary>
    private static string? Number(object value, ColumnMetadata column)
    {
        double? seconds = value switch
        {
            DateTime d => d.Ticks / (double)TimeSpan.TicksPerSecond,
            DateOnly d => d.ToDateTime(TimeOnly.MinValue).Ticks / (double)TimeSpan.TicksPerSecond,
            DateTimeOffset d => d.UtcDateTime.Ticks / (double)TimeSpan.TicksPerSecond,
            _ => null,
        };
        if (column.Kind == ColumnKind.DateTime)
        {
            if (seconds is not { } s) return null;
            var text = ColumnValues.Format(s, column);
            return ColumnValues.TryParse(text, column, out var back) && back == s ? text : null;
        }
        if (seconds is not null) return null;
        try
        {
            var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            return double.IsFinite(number) ? number.ToString("R", CultureInfo.InvariantCulture) : null;
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            return null;
        }
    }

    private static (string Name, Type Type)? Property(Expression node, ParameterExpression parameter)
    {
        while (node is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert) node = convert.Operand;
        // p.Nullable.Value compares like p.Nullable.
        if (node is MemberExpression { Member.Name: "Value", Expression: { } inner } && Nullable.GetUnderlyingType(inner.Type) is not null) node = inner;
        return node is MemberExpression { Expression: ParameterExpression p } member && p == parameter ? (member.Member.Name, member.Type) : null;
    }

    private static bool IsConstant(Expression node, ParameterExpression parameter)
    {
        var finder = new ParameterFinder(parameter);
        finder.Visit(node);
        return !finder.Found;
    }

    private static object? Evaluate(Expression node) => node is ConstantExpression constant
        ? constant.Value
        : Expression.Lambda(node).Compile(preferInterpretation: true).DynamicInvoke();

    private static bool IsComparison(ExpressionType type) => type is ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual
        or ExpressionType.LessThan or ExpressionType.LessThanOrEqual;

    private static ExpressionType Mirror(ExpressionType type) => type switch
    {
        ExpressionType.GreaterThan => ExpressionType.LessThan,
        ExpressionType.GreaterThanOrEqual => ExpressionType.LessThanOrEqual,
        ExpressionType.LessThan => ExpressionType.GreaterThan,
        ExpressionType.LessThanOrEqual => ExpressionType.GreaterThanOrEqual,
        _ => type,
    };

    private sealed class ParameterFinder(ParameterExpression parameter) : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            Found |= node == parameter;
            return node;
        }
    }
}
