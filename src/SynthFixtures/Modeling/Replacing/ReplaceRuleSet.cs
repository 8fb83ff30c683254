using SynthFixtures.Metadata;
using SynthFixtures.Sampling;
using SynthFixtures.Sampling.Expressions;
using SynthFixtures.Transforms;

namespace SynthFixtures.Modeling.Replacing;

/// <summary>
/// Replace rules bound to a model's rows and applied to each sampled chunk, in order (a rule sees the changes of the
/// rules before it), counting the rows each rule touched: the rows where its condition held and its value was written,
/// whether or not the cell already held it (write <c>AND color &lt;&gt; 'black'</c> to count only changes).
/// </summary>
internal sealed class ReplaceRuleSet
{
    private readonly BoundRule[] _rules;
    private readonly long[] _touched;

    private ReplaceRuleSet(BoundRule[] rules)
    {
        _rules = rules;
        _touched = new long[rules.Length];
    }

    /// <summary>
    /// Binds <paramref name="rules"/> to the columns and labels of <paramref name="shape"/> (any chunk of the model,
    /// even an empty one): the value is read with the target column's parser and must be a value the column can hold.
    /// </summary>
    /// <exception cref="RowExpressionException">An unknown column, a label the column does not have, a value out of the column's type, or a bad condition.</exception>
    public static ReplaceRuleSet Bind(IReadOnlyList<ReplaceRule> rules, SampledTable shape)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(shape);
        var layout = RowLayout.Of(shape);
        return new ReplaceRuleSet(rules.Select(rule => BindOne(rule, layout, shape)).ToArray());
    }

    /// <summary>The rules' rows touched so far, in rule order.</summary>
    public IReadOnlyList<ReplaceRuleOutcome> Outcomes() => _rules.Select((r, i) => new ReplaceRuleOutcome(r.Rule.Text, _touched[i])).ToList();

    /// <summary>The chunk with every rule applied in order.</summary>
    public SampledTable Apply(SampledTable chunk)
    {
        for (var i = 0; i < _rules.Length; i++)
        {
            var rule = _rules[i];
            var matches = rule.When?.Matches(chunk);
            var column = chunk.Columns[rule.Slot.Slot];
            var touched = 0;
            double[]? numbers = column.Numbers is { } n ? (double[])n.Clone() : null;
            int[]? codes = column.Codes is { } c ? (int[])c.Clone() : null;
            string?[]? texts = column.Texts is { } t ? (string?[])t.Clone() : null;
            for (var r = 0; r < chunk.RowCount; r++)
            {
                if (matches is not null && !matches[r]) continue;
                touched++;
                if (numbers is not null) numbers[r] = rule.Number;
                else if (codes is not null) codes[r] = rule.Code;
                else texts![r] = rule.Cell;
            }
            _touched[i] += touched;
            if (touched == 0) continue;
            chunk = chunk.WithColumn(rule.Slot.Slot, new SampledColumn(column.Metadata, column.MissingToken, numbers, codes, column.Categories, texts));
        }
        return chunk;
    }

    private static BoundRule BindOne(ReplaceRule rule, RowLayout layout, SampledTable shape)
    {
        var binder = new ExpressionBinder(rule.Text, layout);
        var slot = binder.Slot(rule.Target);
        var when = rule.When is null ? null : RowPredicate.Compile(rule.When, rule.Text, shape);
        var value = rule.Value;
        if (value.Kind == LiteralKind.Null)
        {
            return slot.Form switch
            {
                SlotForm.Number => new BoundRule(rule, slot, when, double.NaN, -1, null),
                SlotForm.Code => new BoundRule(rule, slot, when, double.NaN, MissingCode(rule, slot), null),
                _ => new BoundRule(rule, slot, when, double.NaN, -1, null),
            };
        }
        return slot.Form switch
        {
            SlotForm.Number => new BoundRule(rule, slot, when, Representable(rule, slot, binder.Number(slot, value)), -1, null),
            SlotForm.Code => new BoundRule(rule, slot, when, double.NaN, binder.Code(slot, value), null),
            _ => new BoundRule(rule, slot, when, double.NaN, -1, value.Text),
        };
    }

    /// <summary>The code of a missing cell, when the column has one: a categorical column the model never leaves missing cannot hold NULL.</summary>
    private static int MissingCode(ReplaceRule rule, ColumnSlot slot)
    {
        for (var k = 0; k < slot.Labels!.Count; k++)
            if (slot.Labels[k] is null) return k;
        throw new RowExpressionException($"the column '{slot.Column.Name}' is never missing in the model, so NULL cannot be written to it.", rule.Text, rule.Value.Span,
            $"Write one of its labels: {ConditionErrors.KnownLabels(slot.Labels)}.", slot.Column.Name);
    }

    /// <summary>The number itself, if the column can hold it exactly: whole numbers, its decimal places, its date resolution.</summary>
    private static double Representable(ReplaceRule rule, ColumnSlot slot, double value)
    {
        var column = slot.Column;
        if (ColumnValues.Quantize(value, column) == value) return value;
        var holds = column.Kind switch
        {
            ColumnKind.Integer => "whole numbers",
            ColumnKind.Decimal => $"numbers with {column.DecimalPlaces} decimal places",
            _ => $"dates written as {column.DateTimeFormat}",
        };
        throw new RowExpressionException($"the {column.Kind.ToString().ToLowerInvariant()} column '{column.Name}' holds {holds}, so it cannot hold '{rule.Value.Text}'.",
            rule.Text, rule.Value.Span, "Write a value the column can hold.", column.Name);
    }

    private sealed record BoundRule(ReplaceRule Rule, ColumnSlot Slot, RowPredicate? When, double Number, int Code, string? Cell);
}

/// <summary>How many rows one replace rule touched in a sample.</summary>
/// <param name="Rule">The rule as written.</param>
/// <param name="Rows">Rows where its condition held and its value was written.</param>
public sealed record ReplaceRuleOutcome(string Rule, long Rows);
