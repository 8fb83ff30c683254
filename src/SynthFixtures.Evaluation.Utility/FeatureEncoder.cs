namespace SynthFixtures.Evaluation.Utility;

/// <summary>
/// Turns prepared columns into dense feature vectors for ML.NET, with every statistic taken from the rows a learner
/// trains on (so no test information leaks): numbers standardised, missing numbers 0 with a missing flag, categories
/// one-hot over the training side's categories (missing and unseen categories all zero).
/// </summary>
internal sealed class FeatureEncoder
{
    private readonly EvaluatedColumn[] _columns;
    private readonly double[] _mean;
    private readonly double[] _scale;
    private readonly int[][] _oneHot; // per categorical column: code → feature offset, −1 when absent
    private readonly int[] _offset;

    private FeatureEncoder(EvaluatedColumn[] columns, double[] mean, double[] scale, int[][] oneHot, int[] offset, int width)
    {
        _columns = columns;
        _mean = mean;
        _scale = scale;
        _oneHot = oneHot;
        _offset = offset;
        Width = width;
    }

    /// <summary>The number of features.</summary>
    public int Width { get; }

    /// <summary>An encoder fitted on the <paramref name="source"/> side's values of <paramref name="columns"/>.</summary>
    public static FeatureEncoder Fit(EvaluatedColumn[] columns, Side source)
    {
        var mean = new double[columns.Length];
        var scale = new double[columns.Length];
        var oneHot = new int[columns.Length][];
        var offset = new int[columns.Length];
        var width = 0;
        for (var c = 0; c < columns.Length; c++)
        {
            offset[c] = width;
            if (Values(columns[c], source) is { } values)
            {
                var present = values.Where(v => !double.IsNaN(v)).ToArray();
                mean[c] = present.Length == 0 ? 0 : present.Average();
                var sd = present.Length < 2 ? 0 : Math.Sqrt(present.Sum(v => (v - mean[c]) * (v - mean[c])) / (present.Length - 1));
                scale[c] = sd > 0 ? 1 / sd : 1;
                width += 2; // value and missing flag
            }
            else
            {
                var map = Enumerable.Repeat(-1, columns[c].CodeCount).ToArray();
                foreach (var code in Codes(columns[c], source).Distinct().Where(code => code != CategoryCodes.Missing).Order())
                    map[code] = width++ - offset[c];
                oneHot[c] = map;
            }
        }
        return new FeatureEncoder(columns, mean, scale, oneHot, offset, width);
    }

    /// <summary>The feature vector of one row of <paramref name="side"/>.</summary>
    public float[] Encode(Side side, int row)
    {
        var features = new float[Width];
        for (var c = 0; c < _columns.Length; c++)
        {
            if (Values(_columns[c], side) is { } values)
            {
                var v = values[row];
                if (double.IsNaN(v)) features[_offset[c] + 1] = 1;
                else features[_offset[c]] = (float)((v - _mean[c]) * _scale[c]);
            }
            else
            {
                var slot = _oneHot[c][Codes(_columns[c], side)[row]];
                if (slot >= 0) features[_offset[c] + slot] = 1;
            }
        }
        return features;
    }

    public static double[]? Values(EvaluatedColumn column, Side side) => side switch
    {
        Side.Real => column.RealValues,
        Side.Synthetic => column.SyntheticValues,
        _ => column.HoldoutValues,
    };

    public static int[] Codes(EvaluatedColumn column, Side side) => side switch
    {
        Side.Real => column.RealCodes,
        Side.Synthetic => column.SyntheticCodes,
        _ => column.HoldoutCodes!,
    };
}

/// <summary>Which table a row comes from.</summary>
internal enum Side
{
    Real,
    Synthetic,
    Holdout,
}
