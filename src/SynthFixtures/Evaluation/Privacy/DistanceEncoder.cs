using SynthFixtures.Numerics;
using SynthFixtures.Randomness;

namespace SynthFixtures.Evaluation.Privacy;

/// <summary>Which prepared table a block of <see cref="DistanceRows"/> is encoded from.</summary>
internal enum RowSource
{
    /// <summary>The real training rows (the reference).</summary>
    Training,

    /// <summary>The synthetic rows.</summary>
    Synthetic,

    /// <summary>The real holdout rows.</summary>
    Holdout,
}

/// <summary>
/// Encodes prepared columns into <see cref="DistanceRows"/> on the training data's scale: numeric and datetime columns
/// as (value − min) / (max − min) of the training values (<see cref="DistanceScale"/>), categorical columns as codes. Columns are put in the order
/// that ends the nearest-neighbour search soonest: most different between two random training rows first, so a
/// partial distance passes the best one after few columns.
/// </summary>
internal sealed class DistanceEncoder
{
    private readonly EvaluatedColumn[] _columns;
    private readonly DistanceScale[] _scale;

    private DistanceEncoder(EvaluatedColumn[] columns, DistanceScale[] scale)
    {
        _columns = columns;
        _scale = scale;
    }

    /// <summary>Number of columns.</summary>
    public int Columns => _columns.Length;

    /// <summary>The columns in search order.</summary>
    public IReadOnlyList<EvaluatedColumn> OrderedColumns => _columns;

    /// <summary>Scales from the training values and orders the columns with <paramref name="random"/>'s sample of pairs.</summary>
    public static DistanceEncoder Create(IReadOnlyList<EvaluatedColumn> columns, SynthRandom random)
    {
        var scale = columns.Select(c => c.RealValues is { } values ? DistanceScale.Of(values) : default).ToArray();
        var unordered = new DistanceEncoder(columns.ToArray(), scale);
        var order = unordered.OrderByDiscrimination(random);
        return new DistanceEncoder(order.Select(i => columns[i]).ToArray(), order.Select(i => scale[i]).ToArray());
    }

    /// <summary>Encodes all rows of <paramref name="source"/>, or just <paramref name="rows"/> of them.</summary>
    public DistanceRows Encode(RowSource source, IReadOnlyList<int>? rows = null)
    {
        var count = rows?.Count ?? RowCount(source);
        var encoded = DistanceRows.Allocate(count, _columns.Length);
        for (var c = 0; c < _columns.Length; c++)
        {
            var offset = c * encoded.Stride;
            var (values, codes) = Pick(_columns[c], source);
            for (var r = 0; r < count; r++)
            {
                var row = rows?[r] ?? r;
                encoded.Data[offset + r] = values is null ? codes[row] : _scale[c].Encode(values[row]);
            }
        }
        return encoded;
    }

    /// <summary>
    /// <paramref name="count"/> random rows uniform within the training data: numbers uniform between the column's
    /// minimum and maximum, categories uniform over the distinct training values (a missing cell counting as one).
    /// </summary>
    public DistanceRows RandomRows(int count, SynthRandom random)
    {
        var encoded = DistanceRows.Allocate(count, _columns.Length);
        for (var c = 0; c < _columns.Length; c++)
        {
            var column = _columns[c];
            var offset = c * encoded.Stride;
            var columnRandom = random.Derive(c);
            if (column.RealValues is { } values)
            {
                var anyValue = values.Any(v => !double.IsNaN(v));
                var constant = _scale[c].IsConstant;
                for (var r = 0; r < count; r++)
                    encoded.Data[offset + r] = !anyValue ? DistanceRows.MissingNumber : constant ? 0f : (float)columnRandom.NextDouble();
            }
            else
            {
                var distinct = column.RealCodes.Distinct().Order().ToArray();
                for (var r = 0; r < count; r++) encoded.Data[offset + r] = distinct[columnRandom.NextInt(distinct.Length)];
            }
        }
        return encoded;
    }

    /// <summary>Number of rows in <paramref name="source"/>.</summary>
    public int RowCount(RowSource source) => Pick(_columns[0], source).Codes.Length;

    private static (double[]? Values, int[] Codes) Pick(EvaluatedColumn column, RowSource source) => source switch
    {
        RowSource.Training => (column.RealValues, column.RealCodes),
        RowSource.Synthetic => (column.SyntheticValues, column.SyntheticCodes),
        _ => (column.HoldoutValues, column.HoldoutCodes ?? throw new InvalidOperationException("The columns were prepared without a holdout.")),
    };

    private int[] OrderByDiscrimination(SynthRandom random)
    {
        const int samplePairs = 2000;
        var rows = RowCount(RowSource.Training);
        var sample = Encode(RowSource.Training);
        var mean = new double[_columns.Length];
        for (var p = 0; p < samplePairs; p++)
        {
            var a = random.NextInt(rows);
            var b = random.NextInt(rows);
            for (var c = 0; c < mean.Length; c++) mean[c] += Math.Min(Math.Abs(sample[a, c] - sample[b, c]), 1f);
        }
        // Stable on ties, so the order (and the float sums) depend only on the data and the seed.
        return Enumerable.Range(0, mean.Length).OrderByDescending(c => mean[c]).ThenBy(c => c).ToArray();
    }
}
