namespace SynthFixtures.Sampling.Expressions;

/// <summary>
/// How a row expression is met: the conditions it implies that the model meets itself (<see cref="Pushed"/>: a label,
/// a number, a range, in closed form where the model kind can) and the rest, checked on every candidate row
/// (<see cref="Filter"/>). Rows meeting both are exactly the rows where the expression is true.
/// </summary>
public sealed class ConditionPlan
{
    internal ConditionPlan(string text, IReadOnlyList<Condition> pushed, IReadOnlyList<string> filtered, RowPredicate? filter)
    {
        Text = text;
        Pushed = pushed;
        Filtered = filtered;
        Filter = filter;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>Conditions implied by the expression (and any given beside it) that the model meets itself.</summary>
    public IReadOnlyList<Condition> Pushed { get; }

    /// <summary>The parts of the expression checked row by row on candidates, as written (empty: none).</summary>
    public IReadOnlyList<string> Filtered { get; }

    /// <summary>The model that made the plan (its slots and labels are the plan's).</summary>
    internal object? Owner { get; init; }

    /// <summary>The compiled check of <see cref="Filtered"/> on candidate rows; <c>null</c> when everything was pushed.</summary>
    internal RowPredicate? Filter { get; }

    /// <summary>One line: what the model meets and what is filtered.</summary>
    public override string ToString() =>
        $"met by the model: {(Pushed.Count == 0 ? "nothing" : string.Join(", ", Pushed))}; filtered: {(Filtered.Count == 0 ? "nothing" : string.Join(" AND ", Filtered))}";
}
