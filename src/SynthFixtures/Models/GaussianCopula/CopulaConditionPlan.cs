using SynthFixtures.Metadata;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Transforms;

namespace SynthFixtures.Models.GaussianCopula;

/// <summary>
/// Turns user conditions into what the copula sampler needs: an interval on the z scale per conditioned dimension
/// (closed-form conditioning), exact values to write for fixed numbers, and row filters that re-check every range on
/// the rounded values. Conditions the model cannot meet at all are rejected here, before any sampling.
/// </summary>
internal sealed class CopulaConditionPlan
{
    private readonly List<(NumericCopulaColumn Column, NumericRange Range)> _filters = [];
    private readonly List<(CategoricalCopulaColumn Column, int Code)> _labels = [];

    private CopulaConditionPlan() { }

    /// <summary>z intervals by dimension.</summary>
    public Dictionary<int, (double Lower, double Upper)> Intervals { get; } = [];

    /// <summary>Numbers fixed by an equality condition, written as given.</summary>
    public Dictionary<NumericCopulaColumn, double> FixedNumbers { get; } = [];

    /// <summary>Model probability of each condition on its own, for messages.</summary>
    public List<(Condition Condition, double Probability)> Probabilities { get; } = [];

    /// <summary>Whether rows must be checked one by one after decoding.</summary>
    public bool NeedsFilter => _filters.Count > 0 || _labels.Count > 0;

    public static CopulaConditionPlan Create(GaussianCopulaModel model, IReadOnlyList<Condition> conditions)
    {
        var plan = new CopulaConditionPlan();
        var probabilityIntervals = new Dictionary<int, (double Lower, double Upper)>();
        foreach (var condition in conditions)
        {
            var column = model.FindCopulaColumn(condition.Column);
            var (dimension, lower, upper) = column switch
            {
                CategoricalCopulaColumn categorical => plan.PlanCategorical(categorical, condition),
                NumericCopulaColumn numeric => plan.PlanNumeric(numeric, condition),
                _ => throw new InvalidOperationException(),
            };
            var probability = (upper - lower) * (column is NumericCopulaColumn n ? 1 - n.MissingProbability : 1);
            plan.Probabilities.Add((condition, probability));
            // Several conditions on one column intersect.
            if (probabilityIntervals.TryGetValue(dimension, out var existing))
            {
                lower = Math.Max(lower, existing.Lower);
                upper = Math.Min(upper, existing.Upper);
            }
            if (upper < lower || (upper == lower && probability == 0 && !IsPoint(column, condition)))
                throw Infeasible(condition, column, "no value of the column satisfies it together with the other conditions on the same column");
            probabilityIntervals[dimension] = (lower, upper);
            if (column is NumericCopulaColumn { HasMissingDimension: true } withMissing)
                plan.Intervals[withMissing.FirstDimension + 1] = (double.NegativeInfinity, withMissing.PresentThreshold);
        }
        foreach (var (dimension, (lower, upper)) in probabilityIntervals)
            plan.Intervals[dimension] = (ToZ(lower), ToZ(upper));
        return plan;
    }

    /// <summary>Whether decoded row <paramref name="row"/> meets every condition exactly (ranges after rounding).</summary>
    /// <param name="numbers">Decoded numbers per copula column index (null for categorical columns).</param>
    /// <param name="codes">Decoded codes per copula column index (null for numeric columns).</param>
    /// <param name="row">Row within the buffers.</param>
    public bool Accepts(double[]?[] numbers, int[]?[] codes, int row)
    {
        foreach (var (column, code) in _labels)
            if (codes[column.Index]![row] != code) return false;
        foreach (var (column, range) in _filters)
            if (!range.Contains(numbers[column.Index]![row])) return false;
        return true;
    }

    private static bool IsPoint(CopulaColumn column, Condition condition) => column is NumericCopulaColumn && condition is EqualsCondition;

    private static double ToZ(double u) => u switch
    {
        <= 0 => double.NegativeInfinity,
        >= 1 => double.PositiveInfinity,
        _ => StandardNormal.InverseCdf(u),
    };

    private (int, double, double) PlanCategorical(CategoricalCopulaColumn column, Condition condition)
    {
        if (condition is not EqualsCondition equals)
            throw ConditionErrors.NotNumeric(condition, column.Metadata, column.Categories);
        var code = column.FindCode(equals.Value);
        if (code < 0)
            throw Infeasible(condition, column, $"the label never occurs in the training data (known labels: {KnownLabels(column)})");
        _labels.Add((column, code));
        var (lower, upper) = column.Interval(code);
        return (column.FirstDimension, lower, upper);
    }

    private (int, double, double) PlanNumeric(NumericCopulaColumn column, Condition condition)
    {
        var marginal = column.Marginal;
        if (condition is EqualsCondition equals)
        {
            var x = Parse(column, equals.Value, condition);
            if (column.Metadata.Kind == ColumnKind.Integer && x != Math.Round(x))
                throw Infeasible(condition, column, "the column holds whole numbers only");
            if (x < marginal.Minimum || x > marginal.Maximum)
                throw Infeasible(condition, column, $"the value lies outside the observed range {Show(column, marginal.Minimum)}..{Show(column, marginal.Maximum)}");
            FixedNumbers[column] = x;
            var (lower, upper) = marginal.Interval(x);
            return (column.FirstDimension, lower, upper);
        }
        var range = (RangeCondition)condition;
        var (lo, hi) = ConditionErrors.Bounds(column.Metadata, range);
        var (uLower, uUpper) = ProbabilityInterval(column, range, lo, hi);
        if (lo > marginal.Maximum || hi < marginal.Minimum || (range.LowerInclusive ? lo > hi : lo >= hi) || uUpper <= uLower)
            throw Infeasible(condition, column, $"the model gives it probability 0 (observed range {Show(column, marginal.Minimum)}..{Show(column, marginal.Maximum)})");
        _filters.Add((column, new NumericRange(lo, range.LowerInclusive, hi, range.UpperInclusive)));
        return (column.FirstDimension, uLower, uUpper);
    }

    /// <summary>
    /// The u interval of the decoded values that meet the range once rounded to the column's resolution. Sampled values
    /// are rounded (whole numbers, decimal places, days), so the largest value written, 90, comes from every decoded value
    /// in [89.5, 90.5]: bounds are widened to the rounding cell of the first and last representable value inside them. A
    /// continuous part's CDF is 1 at the observed maximum, so without this <c>age&gt;=90</c> would have probability 0 even
    /// though 90 is sampled. The row filter re-checks the rounded values exactly.
    /// </summary>
    private static (double Lower, double Upper) ProbabilityInterval(NumericCopulaColumn column, RangeCondition range, double lo, double hi)
    {
        var marginal = column.Marginal;
        var step = ResolutionStep(column.Metadata);
        double uLower, uUpper;
        if (double.IsNegativeInfinity(lo)) uLower = 0;
        else if (step > 0)
        {
            var first = range.LowerInclusive ? Math.Ceiling(lo / step - 1e-9) * step : Math.Floor(lo / step + 1e-9) * step + step;
            if (first > marginal.Maximum) return (1, 1); // no representable value inside the observed range meets it
            uLower = first - step / 2 <= marginal.Minimum ? 0 : marginal.Interval(first - step / 2).Lower;
        }
        else uLower = lo < marginal.Minimum ? 0 : range.LowerInclusive ? marginal.Interval(lo).Lower : marginal.Interval(lo).Upper;

        if (double.IsPositiveInfinity(hi)) uUpper = 1;
        else if (step > 0)
        {
            var last = range.UpperInclusive ? Math.Floor(hi / step + 1e-9) * step : Math.Ceiling(hi / step - 1e-9) * step - step;
            if (last < marginal.Minimum) return (0, 0);
            uUpper = last + step / 2 >= marginal.Maximum ? 1 : marginal.Interval(last + step / 2).Upper;
        }
        else uUpper = hi > marginal.Maximum ? 1 : range.UpperInclusive ? marginal.Interval(hi).Upper : marginal.Interval(hi).Lower;
        return (uLower, uUpper);
    }

    /// <summary>The spacing of the values a column writes (1 for integers, 10^-places for decimals, a day or a second for dates), or 0 when unrounded.</summary>
    private static double ResolutionStep(Metadata.ColumnMetadata column) => column.Kind switch
    {
        ColumnKind.Integer => 1,
        ColumnKind.Decimal when column.DecimalPlaces is { } places => Math.Pow(10, -Math.Clamp(places, 0, 15)),
        ColumnKind.DateTime when !ColumnValues.HasTimeOfDay(column.DateTimeFormat) => 86400,
        ColumnKind.DateTime => 1,
        _ => 0,
    };

    private static double Parse(NumericCopulaColumn column, string text, Condition condition) => ConditionErrors.Parse(column.Metadata, text, condition);

    private static string Show(NumericCopulaColumn column, double value) => ColumnValues.Format(value, column.Metadata);

    private static string KnownLabels(CategoricalCopulaColumn column) => ConditionErrors.KnownLabels(column.Categories);

    internal static SynthDataException Infeasible(Condition condition, CopulaColumn column, string why) =>
        ConditionErrors.Infeasible(condition, column.Name, why);
}
