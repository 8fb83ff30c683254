namespace SynthFixtures.Sampling.Expressions;

/// <summary>
/// A row expression bound to a schema and compiled: the one evaluator of conditions, for a model's candidate rows
/// (the filter of a conditional sample) and for rows already sampled (<see cref="Matches(SampledTable, int)"/>). SQL
/// semantics: a comparison with a missing cell is unknown, <c>NOT</c> of unknown is unknown, and a row matches only
/// when the expression is true.
/// </summary>
public sealed class RowPredicate
{
    private readonly PredicateNode _node;
    private readonly RowLayout _layout;

    internal RowPredicate(string text, PredicateNode node, RowLayout layout)
    {
        Text = text;
        _node = node;
        _layout = layout;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>
    /// Parses <paramref name="expression"/> and binds it to the columns of <paramref name="rows"/> (a chunk of a sample:
    /// its schema and the label lists its categorical columns code into). Every column, generated ones included, can be
    /// named; the predicate then evaluates any chunk of the same model.
    /// </summary>
    /// <exception cref="RowExpressionException">A syntax error, an unknown column, or a value a column cannot hold.</exception>
    public static RowPredicate Compile(string expression, SampledTable rows)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(rows);
        return Compile(RowExpressionParser.Parse(expression), expression, rows);
    }

    /// <summary>Binds a parsed <paramref name="expression"/> (parsed from <paramref name="text"/>) to the columns of <paramref name="rows"/>.</summary>
    /// <exception cref="RowExpressionException">An unknown column, or a value a column cannot hold.</exception>
    public static RowPredicate Compile(RowExpression expression, string text, SampledTable rows)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(rows);
        var layout = RowLayout.Of(rows);
        return new RowPredicate(text, new ExpressionBinder(text, layout).Bind(expression), layout);
    }

    /// <summary>Whether row <paramref name="row"/> of <paramref name="rows"/> makes the expression true.</summary>
    /// <exception cref="ArgumentException"><paramref name="rows"/> does not have the columns and labels the predicate was compiled for.</exception>
    public bool Matches(SampledTable rows, int row)
    {
        var buffers = BuffersOf(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, rows.RowCount);
        return _node.Evaluate(buffers, row) == true;
    }

    /// <summary>Whether each row of <paramref name="rows"/> makes the expression true.</summary>
    /// <exception cref="ArgumentException"><paramref name="rows"/> does not have the columns and labels the predicate was compiled for.</exception>
    public bool[] Matches(SampledTable rows)
    {
        var buffers = BuffersOf(rows);
        var result = new bool[rows.RowCount];
        for (var r = 0; r < result.Length; r++) result[r] = _node.Evaluate(buffers, r) == true;
        return result;
    }

    /// <summary>Whether row <paramref name="row"/> of drawn buffers in the layout the predicate was bound to makes the expression true.</summary>
    internal bool Matches(RowBuffers rows, int row) => _node.Evaluate(rows, row) == true;

    private RowBuffers BuffersOf(SampledTable rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var slot in _layout.Slots.Values)
        {
            var column = slot.Slot < rows.Columns.Count ? rows.Columns[slot.Slot] : null;
            var fits = column is not null && column.Metadata.Name == slot.Column.Name && slot.Form switch
            {
                SlotForm.Number => column.Numbers is not null,
                SlotForm.Code => column.Codes is not null && (ReferenceEquals(column.Categories, slot.Labels) || column.Categories!.SequenceEqual(slot.Labels!)),
                _ => column.Texts is not null,
            };
            if (!fits)
                throw new ArgumentException($"These rows do not hold column '{slot.Column.Name}' as the rows the expression was compiled for did (another model?).", nameof(rows));
        }
        return RowBuffers.Of(rows);
    }
}
