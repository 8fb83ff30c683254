using SynthFixtures.Metadata;
using SynthFixtures.Sampling;
using SynthFixtures.Transforms;

namespace SynthFixtures.Models.Sequences.Conditions;

/// <summary>
/// One step condition's test on a single value: a numeric range (the value rounded as it will be written, so what is
/// checked is what the file holds) or a set of labels (compared without surrounding spaces). A missing value never passes.
/// </summary>
internal sealed class StepPredicate
{
    private readonly NumericRange _range;
    private readonly string? _label;

    private StepPredicate(StepCondition source, ColumnMetadata column, NumericRange range, string? label)
    {
        Source = source;
        Column = column;
        _range = range;
        _label = label;
    }

    /// <summary>The condition this tests.</summary>
    public StepCondition Source { get; }

    /// <summary>The step column it reads.</summary>
    public ColumnMetadata Column { get; }

    /// <summary>Whether the column is read as a number (else as a label).</summary>
    public bool IsNumeric => _label is null;

    /// <summary>A numeric column's value, or a label column's label.</summary>
    /// <remarks>A numeric column the model draws as labels (few distinct values) passes its label, read with the column's parser.</remarks>
    public bool Matches(double number, string? label)
    {
        if (_label is not null) return label is not null && string.Equals(label.Trim(), _label, StringComparison.Ordinal);
        if (double.IsNaN(number) && (label is null || !ColumnValues.TryParse(label, Column, out number))) return false;
        return !double.IsNaN(number) && _range.Contains(ColumnValues.Quantize(number, Column));
    }

    /// <summary>The predicate of <paramref name="condition"/> on <paramref name="column"/>; <paramref name="labels"/> are the labels the step model draws, when it says.</summary>
    /// <exception cref="SynthDataException">A value that does not parse, a comparison on labels, a label the model never draws, an empty range.</exception>
    public static StepPredicate Of(StepCondition condition, ColumnMetadata column, IReadOnlyList<string?>? labels)
    {
        var c = condition.Condition;
        if (!IsNumericColumn(column))
        {
            if (c is not EqualsCondition equals) throw ConditionErrors.NotNumeric(c, column, labels ?? []);
            var label = equals.Value.Trim();
            if (labels is not null && !labels.Any(l => l is not null && string.Equals(l.Trim(), label, StringComparison.Ordinal)))
                throw ConditionErrors.Infeasible(c, column.Name, $"the model never draws '{label}' in '{column.Name}' (it draws {ConditionErrors.KnownLabels(labels)})");
            return new StepPredicate(condition, column, default, label);
        }
        NumericRange range;
        if (c is EqualsCondition point)
        {
            var value = ConditionErrors.Parse(column, point.Value, c);
            range = new NumericRange(value, true, value, true);
        }
        else
        {
            var r = (RangeCondition)c;
            var (lower, upper) = ConditionErrors.Bounds(column, r);
            range = new NumericRange(lower, r.LowerInclusive, upper, r.UpperInclusive);
        }
        if (range.Lower > range.Upper || (range.Lower == range.Upper && !(range.LowerInclusive && range.UpperInclusive)))
            throw ConditionErrors.Infeasible(c, column.Name, "its range holds no value");
        return new StepPredicate(condition, column, range, null);
    }

    /// <summary>Whether a step column's values are numbers (integers, decimals, dates) rather than labels.</summary>
    public static bool IsNumericColumn(ColumnMetadata column) => column.Kind is ColumnKind.Integer or ColumnKind.Decimal or ColumnKind.DateTime;
}
