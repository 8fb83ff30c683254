namespace SynthFixtures.Sampling.Expressions;

/// <summary>
/// A bound expression node: evaluates one row of <see cref="RowBuffers"/> to SQL's three values (<c>null</c> is
/// unknown: a comparison with a missing cell), so <c>NOT</c> of an unknown stays unknown and only true rows are kept.
/// </summary>
internal abstract class PredicateNode
{
    public abstract bool? Evaluate(RowBuffers rows, int row);
}

internal sealed class AndNode(PredicateNode left, PredicateNode right) : PredicateNode
{
    public override bool? Evaluate(RowBuffers rows, int row)
    {
        var a = left.Evaluate(rows, row);
        if (a == false) return false;
        var b = right.Evaluate(rows, row);
        return b == false ? false : a == true && b == true ? true : null;
    }
}

internal sealed class OrNode(PredicateNode left, PredicateNode right) : PredicateNode
{
    public override bool? Evaluate(RowBuffers rows, int row)
    {
        var a = left.Evaluate(rows, row);
        if (a == true) return true;
        var b = right.Evaluate(rows, row);
        return b == true ? true : a == false && b == false ? false : null;
    }
}

internal sealed class NotNode(PredicateNode inner) : PredicateNode
{
    public override bool? Evaluate(RowBuffers rows, int row) => !inner.Evaluate(rows, row);
}

/// <summary>A numeric or datetime column against a number; NaN (missing) is unknown.</summary>
internal sealed class NumberLiteralNode(int slot, ComparisonOperator op, double value) : PredicateNode
{
    public override bool? Evaluate(RowBuffers rows, int row)
    {
        var x = rows.Numbers[slot]![row];
        return double.IsNaN(x) ? null : Comparisons.Holds(x.CompareTo(value), op);
    }
}

/// <summary>Two numeric (or two datetime) columns against each other.</summary>
internal sealed class NumberColumnsNode(int left, ComparisonOperator op, int right) : PredicateNode
{
    public override bool? Evaluate(RowBuffers rows, int row)
    {
        var a = rows.Numbers[left]![row];
        var b = rows.Numbers[right]![row];
        return double.IsNaN(a) || double.IsNaN(b) ? null : Comparisons.Holds(a.CompareTo(b), op);
    }
}

/// <summary>A categorical or boolean column's code in a set of codes (=, IN); a missing label is unknown.</summary>
internal sealed class CodeSetNode(int slot, bool[] members, bool[] missing) : PredicateNode
{
    public override bool? Evaluate(RowBuffers rows, int row)
    {
        var code = rows.Codes[slot]![row];
        return missing[code] ? null : members[code];
    }
}

/// <summary>A column read as text (labels, generated cells) against a text, or two such columns, ordinal.</summary>
internal sealed class TextNode(CellText left, ComparisonOperator op, CellText right) : PredicateNode
{
    public override bool? Evaluate(RowBuffers rows, int row)
    {
        var a = left.Read(rows, row);
        var b = right.Read(rows, row);
        return a is null || b is null ? null : Comparisons.Holds(string.CompareOrdinal(a, b), op);
    }
}

/// <summary>A number column's value in a set (IN); NaN is unknown.</summary>
internal sealed class NumberSetNode(int slot, HashSet<double> values) : PredicateNode
{
    public override bool? Evaluate(RowBuffers rows, int row)
    {
        var x = rows.Numbers[slot]![row];
        return double.IsNaN(x) ? null : values.Contains(x);
    }
}

/// <summary>Whether a column's cell is missing (never unknown).</summary>
internal sealed class IsNullNode(ColumnSlot column) : PredicateNode
{
    public override bool? Evaluate(RowBuffers rows, int row) => column.Form switch
    {
        SlotForm.Number => double.IsNaN(rows.Numbers[column.Slot]![row]),
        SlotForm.Code => column.Labels![rows.Codes[column.Slot]![row]] is null,
        _ => rows.Texts[column.Slot]![row] is null,
    };
}

/// <summary>One side of a text comparison: a fixed text, a label column's label (trimmed), or a text column's cell.</summary>
internal sealed class CellText
{
    private readonly string? _fixed;
    private readonly ColumnSlot? _column;

    private CellText(string? text, ColumnSlot? column)
    {
        _fixed = text;
        _column = column;
    }

    public static CellText Of(string text) => new(text, null);

    public static CellText Of(ColumnSlot column) => new(null, column);

    public string? Read(RowBuffers rows, int row) => _column switch
    {
        null => _fixed,
        { Form: SlotForm.Code } c => c.Labels![rows.Codes[c.Slot]![row]]?.Trim(),
        var c => rows.Texts[c.Slot]![row],
    };
}

internal static class Comparisons
{
    /// <summary>Whether a comparison result (negative, zero, positive) satisfies <paramref name="op"/>.</summary>
    public static bool Holds(int order, ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => order == 0,
        ComparisonOperator.NotEqual => order != 0,
        ComparisonOperator.Less => order < 0,
        ComparisonOperator.LessOrEqual => order <= 0,
        ComparisonOperator.Greater => order > 0,
        _ => order >= 0,
    };

    /// <summary>The operator with its sides swapped: <c>25 &gt; age</c> is <c>age &lt; 25</c>.</summary>
    public static ComparisonOperator Swapped(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Less => ComparisonOperator.Greater,
        ComparisonOperator.LessOrEqual => ComparisonOperator.GreaterOrEqual,
        ComparisonOperator.Greater => ComparisonOperator.Less,
        ComparisonOperator.GreaterOrEqual => ComparisonOperator.LessOrEqual,
        _ => op,
    };

    /// <summary>The operator that holds exactly when <paramref name="op"/> is false on two present values.</summary>
    public static ComparisonOperator Negated(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => ComparisonOperator.NotEqual,
        ComparisonOperator.NotEqual => ComparisonOperator.Equal,
        ComparisonOperator.Less => ComparisonOperator.GreaterOrEqual,
        ComparisonOperator.LessOrEqual => ComparisonOperator.Greater,
        ComparisonOperator.Greater => ComparisonOperator.LessOrEqual,
        _ => ComparisonOperator.Less,
    };

    /// <summary>How the operator is written.</summary>
    public static string Symbol(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "=",
        ComparisonOperator.NotEqual => "<>",
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        _ => ">=",
    };
}
