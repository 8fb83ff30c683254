using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Evaluation.Report;
using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Evaluation.Relational;

/// <summary>Compares the number of children per parent across one foreign key (<see cref="CardinalityShape"/>).</summary>
internal static class CardinalityEvaluator
{
    /// <summary>Counts up to this many children get a bar each in the histogram; beyond it counts are grouped into this many ranges.</summary>
    private const int HistogramBars = 16;

    /// <summary>The cardinality shape of <paramref name="key"/> in the two databases.</summary>
    public static CardinalityShape Compute(ForeignKey key, (ParentKeys Parents, Table Child) real, (ParentKeys Parents, Table Child) synthetic)
    {
        var realCounts = Counts(key, real.Parents, real.Child);
        var syntheticCounts = Counts(key, synthetic.Parents, synthetic.Child);
        var score = KSComplement.Compute(realCounts, syntheticCounts);
        return new CardinalityShape(score, realCounts.Length, syntheticCounts.Length, Mean(realCounts), Mean(syntheticCounts),
            (int)Max(realCounts), (int)Max(syntheticCounts), Childless(realCounts), Childless(syntheticCounts),
            Histogram(key, realCounts, syntheticCounts));
    }

    /// <summary>Per distinct parent key, the number of child rows referencing it (0 for a parent without children).</summary>
    private static double[] Counts(ForeignKey key, ParentKeys parents, Table child)
    {
        var counts = new double[parents.Count];
        foreach (var value in KeyValues.Of(child, key.ChildColumns))
            if (value is not null && parents.Find(value) is var number and >= 0) counts[number]++;
        return counts;
    }

    private static double Mean(double[] counts) => counts.Length == 0 ? 0 : counts.Average();

    private static double Max(double[] counts) => counts.Length == 0 ? 0 : counts.Max();

    private static double Childless(double[] counts) => counts.Length == 0 ? 0 : (double)counts.Count(c => c == 0) / counts.Length;

    /// <summary>Share of parents per number of children: one bar per count up to <see cref="HistogramBars"/> − 1, else equal ranges.</summary>
    private static ColumnDistribution Histogram(ForeignKey key, double[] real, double[] synthetic)
    {
        var max = (int)Math.Max(Max(real), Max(synthetic));
        var width = max < HistogramBars ? 1 : (int)Math.Ceiling((max + 1) / (double)HistogramBars);
        var bars = max / width + 1;
        var labels = new string[bars];
        for (var b = 0; b < bars; b++)
        {
            int low = b * width, high = Math.Min(max, low + width - 1);
            labels[b] = low == high ? low.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{low}–{high}");
        }
        return new ColumnDistribution($"{key.ChildTable} per {key.ParentTable} ({string.Join(", ", key.ChildColumns)})",
            IsNumeric: false, labels, Shares(real, width, bars), Shares(synthetic, width, bars));
    }

    private static double[] Shares(double[] counts, int width, int bars)
    {
        var shares = new double[bars];
        foreach (var count in counts) shares[(int)count / width]++;
        for (var b = 0; b < bars; b++) shares[b] /= Math.Max(1, counts.Length);
        return shares;
    }
}
