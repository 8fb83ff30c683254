using System.Globalization;
using System.Linq.Expressions;
using SynthFixtures.Metadata;
using SynthFixtures.Models;
using SynthFixtures.Transforms;

namespace SynthFixtures.Sampling.Typed;

/// <summary>
/// Reads a <c>Where</c> predicate for comparisons a model can meet itself: conjuncts (<c>&amp;&amp;</c>) of the form
/// <c>p.Property op value</c> (==, &lt;, &lt;=, &gt;, &gt;=, either side) or a bare bool property, on properties bound
/// to model columns. Anything else (||, method calls, comparisons between properties) is left to the filter: every
/// condition returned is implied by the predicate, so pushing it into the model never changes which objects qualify.
/// </summary>
public static class PredicateConditions
{
    /// <summary>The conditions implied by <paramref name="predicate"/> on bound columns.</summary>
    /// <param name="predicate">The query's predicate.</param>
    /// <param name="columnOfProperty">Bound properties and their model columns.</param>
    /// <param name="model">The model (for column kinds, formats and labels).</param>
    public static IReadOnlyList<Condition> Translate<T>(Expression<Func<T, bool>> predicate, IReadOnlyDictionary<string, string> columnOfProperty, SynthModel model)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var conditions = new List<Condition>();
        Visit(predicate.Body, predicate.Parameters[0], columnOfProperty, model, conditions);
        return conditions;
    }

    private static void Visit(Expression node, ParameterExpression parameter, IReadOnlyDictionary<string, string> columns, SynthModel model, List<Condition> conditions)
    {
        switch (node)
        {
            case BinaryExpression { NodeType: ExpressionType.AndAlso or ExpressionType.And } both when node.Type == typeof(bool):
                Visit(both.Left, parameter, columns, model, conditions);
                Visit(both.Right, parameter, columns, model, conditions);
                return;
            case BinaryExpression comparison when IsComparison(comparison.NodeType):
                if (Property(comparison.Left, parameter) is { } left && IsConstant(comparison.Right, parameter))
                    Add(left, comparison.NodeType, Evaluate(comparison.Right), columns, model, conditions);
                else if (Property(comparison.Right, parameter) is { } right && IsConstant(comparison.Left, parameter))
                    Add(right, Mirror(comparison.NodeType), Evaluate(comparison.Left), columns, model, conditions);
                return;
            case MemberExpression when node.Type == typeof(bool) && Property(node, parameter) is { } flag:
                Add(flag, ExpressionType.Equal, true, columns, model, conditions);
                return;
            case UnaryExpression { NodeType: ExpressionType.Not } not when not.Operand.Type == typeof(bool) && Property(not.Operand, parameter) is { } negated:
                Add(negated, ExpressionType.Equal, false, columns, model, conditions);
                return;
        }
    }

    private static void Add((string Name, Type Type) property, ExpressionType op, object? value, IReadOnlyDictionary<string, string> columns,
        SynthModel model, List<Condition> conditions)
    {
        if (value is null || !columns.TryGetValue(property.Name, out var columnName)) return;
        var column = model.Metadata.Find(columnName);
        if (column is null) return;
        if (column.IsNumeric)
        {
            if (Number(value, column) is not { } text) return;
            conditions.Add(op switch
            {
                ExpressionType.Equal => new EqualsCondition(columnName, text),
                ExpressionType.GreaterThan => new RangeCondition(columnName, text, false, null, false),
                ExpressionType.GreaterThanOrEqual => new RangeCondition(columnName, text, true, null, false),
                ExpressionType.LessThan => new RangeCondition(columnName, null, false, text, false),
                _ => new RangeCondition(columnName, null, false, text, true),
            });
            return;
        }
        if (op != ExpressionType.Equal || !column.IsCategorical) return;
        var underlying = Nullable.GetUnderlyingType(property.Type) ?? property.Type;
        var label = value switch
        {
            string s => s,
            bool b => model.DescribeSchema().Columns.First(c => c.Name == columnName).Labels?.FirstOrDefault(l => IsToken(l, b)),
            _ when underlying.IsEnum => LabelOf(Enum.ToObject(underlying, value).ToString()!, underlying, model, columnName),
            _ => null,
        };
        if (label is not null) conditions.Add(new EqualsCondition(columnName, label));
    }

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
            return Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
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

    private static bool IsComparison(ExpressionType type) => type is ExpressionType.Equal or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual
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
