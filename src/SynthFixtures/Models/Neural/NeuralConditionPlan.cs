using SynthFixtures.Metadata;
using SynthFixtures.Sampling;
using SynthFixtures.Transforms;

namespace SynthFixtures.Models.Neural;

/// <summary>
/// Turns user conditions into what a neural model's sampler needs: exact row filters (labels, ranges on the rounded
/// values, presence for fixed numbers), numbers fixed by an equality, and, for CTGAN, the first categorical condition
/// as a fixed condition vector so the generator is steered toward it. Impossible conditions are rejected here, with the
/// same errors as the copula (<see cref="ConditionErrors"/>).
/// </summary>
internal sealed class NeuralConditionPlan
{
    private readonly List<(int Column, int Code)> _labels = [];
    private readonly List<(int Column, NumericRange Range)> _ranges = [];
    private readonly List<Condition> _conditions = [];

    private NeuralConditionPlan() { }

    /// <summary>Numbers fixed by an equality, by transformed column.</summary>
    public Dictionary<int, double> FixedNumbers { get; } = [];

    /// <summary>CTGAN: the condition-vector column and category every row is generated with.</summary>
    public (int Column, int Category)? FixedCondition { get; private set; }

    /// <summary>Whether rows must be checked one by one.</summary>
    public bool NeedsFilter => _labels.Count > 0 || _ranges.Count > 0 || FixedNumbers.Count > 0;

    /// <summary>The conditions, for the too-rare message.</summary>
    public IReadOnlyList<Condition> Conditions => _conditions;

    public static NeuralConditionPlan Create(NeuralSynthModel model, IReadOnlyList<Condition> conditions)
    {
        var plan = new NeuralConditionPlan();
        var intervals = new Dictionary<int, (double Lower, double Upper)>();
        foreach (var condition in conditions)
        {
            ArgumentNullException.ThrowIfNull(condition);
            plan._conditions.Add(condition);
            var column = Find(model, condition.Column);
            var transformed = model.Parameters.Transformer.Columns[column];
            if (transformed.Modes is null) plan.PlanCategorical(model, column, condition);
            else
            {
                var (lower, upper) = plan.PlanNumeric(model, column, condition);
                if (intervals.TryGetValue(column, out var existing)) (lower, upper) = (Math.Max(lower, existing.Lower), Math.Min(upper, existing.Upper));
                if (lower > upper) throw ConditionErrors.Infeasible(condition, transformed.Metadata.Name, "no value of the column satisfies it together with the other conditions on the same column");
                intervals[column] = (lower, upper);
            }
        }
        return plan;
    }

    /// <summary>Whether row <paramref name="row"/> of the decoded buffers meets every condition exactly.</summary>
    public bool Accepts(double[]?[] numbers, int[]?[] codes, int row)
    {
        foreach (var (column, code) in _labels)
            if (codes[column]![row] != code) return false;
        foreach (var column in FixedNumbers.Keys)
            if (double.IsNaN(numbers[column]![row])) return false;
        foreach (var (column, range) in _ranges)
            if (!range.Contains(numbers[column]![row])) return false;
        return true;
    }

    private static int Find(NeuralSynthModel model, string name)
    {
        var columns = model.Parameters.Transformer.Columns;
        var index = Array.FindIndex(columns, c => string.Equals(c.Metadata.Name, name, StringComparison.Ordinal));
        if (index < 0) index = Array.FindIndex(columns, c => string.Equals(c.Metadata.Name.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index : throw ConditionErrors.NotLearned(model.Metadata, name);
    }

    private void PlanCategorical(NeuralSynthModel model, int column, Condition condition)
    {
        var transformed = model.Parameters.Transformer.Columns[column];
        if (condition is not EqualsCondition equals) throw ConditionErrors.NotNumeric(condition, transformed.Metadata, transformed.Categories!);
        var code = model.Transformer.CategoryCode(column, equals.Value);
        if (code < 0)
            throw ConditionErrors.Infeasible(condition, transformed.Metadata.Name,
                $"the label never occurs in the training data (known labels: {ConditionErrors.KnownLabels(transformed.Categories!)})");
        if (_labels.Any(l => l.Column == column && l.Code != code))
            throw ConditionErrors.Infeasible(condition, transformed.Metadata.Name, "no value of the column satisfies it together with the other conditions on the same column");
        _labels.Add((column, code));
        if (FixedCondition is null && model.Conditions is { } vector && vector.IndexOf(transformed.Metadata.Name) is var slot and >= 0)
            FixedCondition = (slot, code);
    }

    private (double Lower, double Upper) PlanNumeric(NeuralSynthModel model, int column, Condition condition)
    {
        var meta = model.Parameters.Transformer.Columns[column].Metadata;
        var range = model.Parameters.Ranges[column];
        var (min, max) = (range.Minimum!.Value, range.Maximum!.Value);
        var observed = $"observed range {ColumnValues.Format(min, meta)}..{ColumnValues.Format(max, meta)}";
        if (condition is EqualsCondition equals)
        {
            var x = ConditionErrors.Parse(meta, equals.Value, condition);
            if (meta.Kind == ColumnKind.Integer && x != Math.Round(x)) throw ConditionErrors.Infeasible(condition, meta.Name, "the column holds whole numbers only");
            if (x < min || x > max) throw ConditionErrors.Infeasible(condition, meta.Name, $"the value lies outside the {observed}");
            if (FixedNumbers.TryGetValue(column, out var other) && other != x)
                throw ConditionErrors.Infeasible(condition, meta.Name, "no value of the column satisfies it together with the other conditions on the same column");
            FixedNumbers[column] = x;
            return (x, x);
        }
        var r = (RangeCondition)condition;
        var (lo, hi) = ConditionErrors.Bounds(meta, r);
        if (lo > max || hi < min || (!r.LowerInclusive && lo >= max) || (!r.UpperInclusive && hi <= min) || (r.LowerInclusive && r.UpperInclusive ? lo > hi : lo >= hi))
            throw ConditionErrors.Infeasible(condition, meta.Name, $"the model gives it probability 0 ({observed})");
        _ranges.Add((column, new NumericRange(lo, r.LowerInclusive, hi, r.UpperInclusive)));
        return (lo, hi);
    }
}
