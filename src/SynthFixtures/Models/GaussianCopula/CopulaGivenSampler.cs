using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Models.Given;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;

namespace SynthFixtures.Models.GaussianCopula;

/// <summary>
/// The copula's rows for given cells, in closed form. Each given cell becomes what the fit made of such a cell: an
/// interval on its column's Gaussian dimension (a category's frequency interval, a point mass's jump of the CDF, a
/// point for any other number) and, for a numeric column with missing values, the present or missing side of its
/// missingness dimension. The conditioned block is drawn from its truncated normal and the free block from
/// N(R_FC R_CC⁻¹ z_C, R_FF − R_FC R_CC⁻¹ R_CF) (<see cref="ConditionalGaussian"/>), factorised once per distinct set of
/// conditioned dimensions. A cell that tells the model nothing (a label or a missing value it never saw) leaves its
/// dimension free. Row r (numbered from <see cref="GivenRows.FirstRow"/>) draws only from stream <c>given</c>.Derive(r).
/// </summary>
internal static class CopulaGivenSampler
{
    /// <summary>Smallest probability a fixed number maps to, so a value at the edge of the observed range stays a finite z.</summary>
    private const double EdgeProbability = 1e-9;

    public static SampledTable Draw(GaussianCopulaModel model, GivenRows given, SynthRandom root, ParallelOptions parallel)
    {
        var rows = given.RowCount;
        var plans = PlanRows(model, given);
        var factors = plans.Select(p => p.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .ToDictionary(key => key, key => new ConditionalGaussian(model.Correlation, Dimensions(key)), StringComparer.Ordinal);
        var columns = model.CopulaColumns;
        var numbers = new double[]?[columns.Count];
        var codes = new int[]?[columns.Count];
        foreach (var column in columns)
        {
            if (column is NumericCopulaColumn) numbers[column.Index] = new double[rows];
            else codes[column.Index] = new int[rows];
        }
        var stream = root.Derive("given");
        var d = model.Dimensions;
        Parallel.For(0, rows, parallel, () => new double[2 * d], (row, _, buffer) =>
        {
            var plan = plans[row];
            var z = buffer.AsSpan(0, d);
            factors[plan.Key].Sample(stream.Derive(given.FirstRow + row), z, buffer.AsSpan(d, d), plan.Lower, plan.Upper);
            foreach (var column in columns)
            {
                var first = column.FirstDimension;
                if (column is NumericCopulaColumn numeric)
                    numbers[column.Index]![row] = numeric.Decode(z[first], numeric.HasMissingDimension ? z[first + 1] : double.NegativeInfinity);
                else codes[column.Index]![row] = ((CategoricalCopulaColumn)column).Decode(z[first]);
            }
            return buffer;
        }, _ => { });
        var generated = GivenGeneratedColumns.Generate(model.GeneratedColumns, root, given.FirstRow, rows, parallel);
        return model.Assemble(numbers, codes, generated, rows);
    }

    /// <summary>Per row: which dimensions its given cells condition (as a key) and their z intervals in ascending dimension order.</summary>
    private static RowPlan[] PlanRows(GaussianCopulaModel model, GivenRows given)
    {
        var conditioned = new List<(CopulaColumn Column, GivenColumn Given, Dictionary<string, int>? Codes)>();
        foreach (var column in model.CopulaColumns)
            if (given.Find(column.SourceIndex) is { } cells)
                conditioned.Add((column, cells, column is CategoricalCopulaColumn categorical ? CodesOf(categorical, cells) : null));
        var plans = new RowPlan[given.RowCount];
        var intervals = new List<(int Dimension, double Lower, double Upper)>();
        for (var row = 0; row < plans.Length; row++)
        {
            intervals.Clear();
            foreach (var (column, cells, codes) in conditioned)
            {
                if (column is CategoricalCopulaColumn categorical)
                {
                    var cell = cells.Cells[row];
                    var code = cell is null ? Array.IndexOf(categorical.Categories, null) : codes!.GetValueOrDefault(CellText.Normalize(cell), -1);
                    if (code < 0) continue;
                    var (lower, upper) = categorical.ZInterval(code);
                    intervals.Add((column.FirstDimension, lower, upper));
                }
                else
                {
                    var numeric = (NumericCopulaColumn)column;
                    var value = cells.Numbers is { } parsed ? parsed[row] : double.NaN;
                    if (double.IsNaN(value))
                    {
                        // A missing cell conditions the missingness dimension only; a model that never saw one learns nothing from it.
                        if (numeric.HasMissingDimension) intervals.Add((column.FirstDimension + 1, numeric.PresentThreshold, double.PositiveInfinity));
                        continue;
                    }
                    intervals.Add(ValueInterval(numeric, value));
                    if (numeric.HasMissingDimension) intervals.Add((column.FirstDimension + 1, double.NegativeInfinity, numeric.PresentThreshold));
                }
            }
            intervals.Sort((a, b) => a.Dimension.CompareTo(b.Dimension));
            plans[row] = new RowPlan(
                string.Join(',', intervals.Select(i => i.Dimension.ToString(CultureInfo.InvariantCulture))),
                intervals.Select(i => i.Lower).ToArray(),
                intervals.Select(i => i.Upper).ToArray());
        }
        return plans;
    }

    /// <summary>
    /// The z interval of a present value: its point mass's jump, or the point Φ⁻¹(F(x)). A value outside the observed
    /// range conditions as the nearest edge, as the model has nothing beyond it.
    /// </summary>
    private static (int, double, double) ValueInterval(NumericCopulaColumn numeric, double value)
    {
        var marginal = numeric.Marginal;
        var (lower, upper) = marginal.Interval(Math.Clamp(value, marginal.Minimum, marginal.Maximum));
        if (upper > lower) return (numeric.FirstDimension, ToZ(lower), ToZ(upper));
        var z = StandardNormal.InverseCdf(Math.Clamp(lower, EdgeProbability, 1 - EdgeProbability));
        return (numeric.FirstDimension, z, z);
    }

    private static double ToZ(double u) => u switch
    {
        <= 0 => double.NegativeInfinity,
        >= 1 => double.PositiveInfinity,
        _ => StandardNormal.InverseCdf(u),
    };

    /// <summary>Category codes of the distinct given labels, compared after trimming as the fit grouped them.</summary>
    private static Dictionary<string, int> CodesOf(CategoricalCopulaColumn column, GivenColumn cells)
    {
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cell in cells.Cells)
            if (cell is not null && CellText.Normalize(cell) is var key && !codes.ContainsKey(key)) codes[key] = column.FindCode(cell);
        return codes;
    }

    private static int[] Dimensions(string key) => key.Length == 0 ? [] : key.Split(',').Select(k => int.Parse(k, CultureInfo.InvariantCulture)).ToArray();

    private sealed record RowPlan(string Key, double[] Lower, double[] Upper);
}
