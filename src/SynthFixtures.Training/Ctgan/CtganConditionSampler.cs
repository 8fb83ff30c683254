using SynthFixtures.Models.Neural;
using SynthFixtures.Randomness;

namespace SynthFixtures.Training.Ctgan;

/// <summary>
/// CTGAN's training-by-sampling: for each row of a batch, a categorical column is picked uniformly and one of its
/// categories with probability ∝ log(count + 1) (or ∝ count), giving the condition vector and the column mask; the
/// real rows shown to the critic are drawn uniformly among the rows that have the chosen category.
/// </summary>
internal sealed class CtganConditionSampler
{
    private readonly ConditionVector _vector;
    private readonly int[][][]? _rowsByCategory;
    private readonly double[][] _cumulative;
    private readonly int[] _lastWithRows;
    private readonly int _rows;

    /// <summary>A sampler over <paramref name="matrix"/>'s rows, with category frequencies counted in it.</summary>
    public CtganConditionSampler(ConditionVector vector, ReadOnlySpan<float> matrix, int rows, int width, bool logFrequency)
    {
        _vector = vector;
        _rows = rows;
        var spans = vector.Parameters.Spans;
        _rowsByCategory = new int[spans.Length][][];
        var counts = new double[spans.Length][];
        for (var c = 0; c < spans.Length; c++)
        {
            var lists = Enumerable.Range(0, spans[c].Length).Select(_ => new List<int>()).ToArray();
            for (var row = 0; row < rows; row++)
            {
                var values = matrix.Slice(row * width + spans[c].Start, spans[c].Length);
                for (var k = 0; k < values.Length; k++)
                    if (values[k] > 0.5f) lists[k].Add(row);
            }
            _rowsByCategory[c] = lists.Select(l => l.ToArray()).ToArray();
            counts[c] = lists.Select(l => (double)l.Count).ToArray();
        }
        (_cumulative, _lastWithRows) = Cumulative(counts, logFrequency);
    }

    /// <summary>
    /// A sampler that reads no rows: category frequencies are <paramref name="vector"/>'s counts (for DP-CTGAN, noisy
    /// counts from the preprocessing), and <see cref="RealRows"/> is not available.
    /// </summary>
    public CtganConditionSampler(ConditionVector vector, bool logFrequency)
    {
        _vector = vector;
        (_cumulative, _lastWithRows) = Cumulative(vector.Parameters.Counts, logFrequency);
    }

    private static (double[][] Cumulative, int[] LastWithRows) Cumulative(double[][] counts, bool logFrequency)
    {
        var cumulative = new double[counts.Length][];
        var last = new int[counts.Length];
        for (var c = 0; c < counts.Length; c++)
        {
            var weights = counts[c].Select(n => logFrequency ? Math.Log(n + 1) : n).ToArray();
            var total = weights.Sum();
            var running = 0.0;
            cumulative[c] = weights.Select(w => running += w / total).ToArray();
            last[c] = Array.FindLastIndex(counts[c], n => n > 0);
        }
        return (cumulative, last);
    }

    /// <summary>Floats per condition vector.</summary>
    public int Width => _vector.Width;

    /// <summary>Categorical columns (entries of the mask).</summary>
    public int Columns => _vector.Columns;

    /// <summary>A batch of condition vectors and column masks, and the column and category behind each.</summary>
    public (float[] Conditions, float[] Mask, int[] Columns, int[] Categories) Sample(int batch, SynthRandom random)
    {
        var conditions = new float[batch * Width];
        var mask = new float[batch * Columns];
        var columns = new int[batch];
        var categories = new int[batch];
        if (Columns == 0) return (conditions, mask, columns, categories);
        for (var row = 0; row < batch; row++)
        {
            var column = random.NextInt(Columns);
            var u = random.NextDouble();
            var cumulative = _cumulative[column];
            var category = Array.FindIndex(cumulative, p => u < p);
            // Rounding can leave u at or above the last cumulative weight; a category without rows (weight 0) is never drawn on purpose.
            if (category < 0 || (category > 0 && cumulative[category] == cumulative[category - 1])) category = _lastWithRows[column];
            columns[row] = column;
            categories[row] = category;
            mask[row * Columns + column] = 1;
            conditions[row * Width + _vector.Offset(column) + category] = 1;
        }
        return (conditions, mask, columns, categories);
    }

    /// <summary>Real rows to pair with conditions: each has the given column's category (uniformly among those rows), or any row when there are no categorical columns.</summary>
    /// <exception cref="InvalidOperationException">The sampler was built from counts alone.</exception>
    public long[] RealRows(int[] columns, int[] categories, SynthRandom random)
    {
        if (_rowsByCategory is null) throw new InvalidOperationException("This sampler was built from counts and reads no rows.");
        var result = new long[columns.Length];
        for (var i = 0; i < result.Length; i++)
        {
            if (Columns == 0)
            {
                result[i] = random.NextInt(_rows);
                continue;
            }
            var candidates = _rowsByCategory[columns[i]][categories[i]];
            result[i] = candidates[random.NextInt(candidates.Length)];
        }
        return result;
    }
}
