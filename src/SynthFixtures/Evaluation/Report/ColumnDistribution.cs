using System.Globalization;

namespace SynthFixtures.Evaluation.Report;

/// <summary>
/// One column's distribution on each side, for the report's overlays: shares of rows per bin (numeric and datetime
/// columns: the quality report's ten equal-width bins over the real range) or per category (the most frequent real
/// categories, the rest pooled as "(other)"), a missing cell counting as "(missing)" when either side has one.
/// </summary>
/// <param name="Column">The column.</param>
/// <param name="IsNumeric">Whether the labels are bins of a numeric or datetime column.</param>
/// <param name="Labels">The bins or categories, in display order.</param>
/// <param name="Real">Share of real rows per label.</param>
/// <param name="Synthetic">Share of synthetic rows per label.</param>
public sealed record ColumnDistribution(string Column, bool IsNumeric, IReadOnlyList<string> Labels,
    IReadOnlyList<double> Real, IReadOnlyList<double> Synthetic)
{
    /// <summary>At most this many categories are drawn; the rest are pooled.</summary>
    public const int MaxCategories = 15;

    internal static ColumnDistribution Of(EvaluatedColumn column)
    {
        var real = Shares(column.RealCodes, column.CodeCount);
        var synthetic = Shares(column.SyntheticCodes, column.CodeCount);
        var hasMissing = real[0] > 0 || synthetic[0] > 0;
        var labels = new List<string>();
        var realShares = new List<double>();
        var syntheticShares = new List<double>();
        void Add(string label, double r, double s)
        {
            labels.Add(label);
            realShares.Add(r);
            syntheticShares.Add(s);
        }
        if (column.Bins is { } bins)
        {
            for (var k = 0; k < bins.Count; k++) Add(BinLabel(column, bins, k), real[k + 1], synthetic[k + 1]);
        }
        else
        {
            var order = Enumerable.Range(1, column.CodeCount - 1).OrderByDescending(c => real[c]).ThenByDescending(c => synthetic[c]).ThenBy(c => c).ToArray();
            foreach (var code in order.Take(MaxCategories)) Add(column.Labels![code], real[code], synthetic[code]);
            if (order.Length > MaxCategories)
                Add("(other)", order.Skip(MaxCategories).Sum(c => real[c]), order.Skip(MaxCategories).Sum(c => synthetic[c]));
        }
        if (hasMissing) Add("(missing)", real[0], synthetic[0]);
        return new ColumnDistribution(column.Metadata.Name, column.IsNumeric, labels, realShares, syntheticShares);
    }

    private static double[] Shares(int[] codes, int count)
    {
        var shares = new double[count];
        foreach (var code in codes) shares[code]++;
        for (var i = 0; i < count; i++) shares[i] /= Math.Max(1, codes.Length);
        return shares;
    }

    private static string BinLabel(EvaluatedColumn column, EqualWidthBins bins, int k)
    {
        var low = bins.Edges[k];
        if (column.Metadata.Kind == Metadata.ColumnKind.DateTime)
            return Transforms.ColumnValues.ToDateTime(low).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return low.ToString("G4", CultureInfo.InvariantCulture);
    }
}
