using SynthFixtures.Randomness;

namespace SynthFixtures.Models.GaussianCopula;

/// <summary>
/// Chooses the order of each categorical column's intervals. The frequency-interval encoding turns labels into a
/// line, and a Gaussian copula can only carry monotone relations along that line: with labels in frequency order,
/// adult's education and education-num look almost independent, and samples pair "Bachelors" with any number of
/// school years. Ordering the labels by the mean normal score of the column they are most associated with (largest
/// correlation ratio η²) makes that relation monotone, so the copula keeps it. Frequencies are unchanged.
/// </summary>
internal static class CategoryOrdering
{
    /// <summary>Below this η² no partner says anything useful about the labels; frequency order stays.</summary>
    private const double MinimumAssociation = 0.01;

    /// <summary>Reorders every categorical column in <paramref name="columns"/> and re-encodes its scores.</summary>
    /// <param name="columns">Fitted columns in dimension order; categorical entries are replaced.</param>
    /// <param name="scores">Normal scores per dimension (NaN = unknown); a reordered column's dimension is rewritten.</param>
    /// <param name="codes">Each categorical column's per-row codes in its current order.</param>
    /// <param name="random">Stream for the re-encoding draws.</param>
    public static void Apply(List<CopulaColumn> columns, List<double[]> scores, Dictionary<CategoricalCopulaColumn, int[]> codes, SynthRandom random)
    {
        var firstDimension = new int[columns.Count];
        for (int i = 0, d = 0; i < columns.Count; d += columns[i].Dimensions, i++) firstDimension[i] = d;
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i] is not CategoricalCopulaColumn column || column.Categories.Length < 3) continue;
            var rowCodes = codes[column];
            var own = firstDimension[i];
            var (partner, association) = StrongestPartner(rowCodes, column.Categories.Length, scores, own);
            if (partner < 0 || association < MinimumAssociation) continue;

            var means = CategoryMeans(rowCodes, column.Categories.Length, scores[partner]);
            var order = Enumerable.Range(0, means.Length).OrderBy(k => means[k]).ThenBy(k => k).ToArray();
            var newCode = new int[order.Length];
            for (var position = 0; position < order.Length; position++) newCode[order[position]] = position;
            var reordered = new CategoricalCopulaColumn(column.Metadata, column.SourceIndex,
                order.Select(k => column.Categories[k]).ToArray(), order.Select(k => column.Probabilities[k]).ToArray());

            var stream = random.Derive("order:" + column.Name);
            var z = scores[own];
            for (var row = 0; row < rowCodes.Length; row++)
            {
                rowCodes[row] = newCode[rowCodes[row]];
                z[row] = StandardNormal.InverseCdf(reordered.Encode(rowCodes[row], stream));
            }
            codes.Remove(column);
            codes[reordered] = rowCodes;
            columns[i] = reordered;
        }
    }

    /// <summary>The dimension whose scores the labels explain best, by the correlation ratio η² = between-label variance / total variance.</summary>
    private static (int Dimension, double Association) StrongestPartner(int[] rowCodes, int categoryCount, List<double[]> scores, int own)
    {
        var best = (Dimension: -1, Association: 0.0);
        var sums = new double[categoryCount];
        var counts = new int[categoryCount];
        for (var d = 0; d < scores.Count; d++)
        {
            if (d == own) continue;
            Array.Clear(sums);
            Array.Clear(counts);
            double total = 0, totalSquares = 0;
            var n = 0;
            var values = scores[d];
            for (var row = 0; row < values.Length; row++)
            {
                var v = values[row];
                if (double.IsNaN(v)) continue;
                sums[rowCodes[row]] += v;
                counts[rowCodes[row]]++;
                total += v;
                totalSquares += v * v;
                n++;
            }
            if (n < 2) continue;
            var mean = total / n;
            var totalVariance = totalSquares - n * mean * mean;
            if (totalVariance <= 0) continue;
            var between = 0.0;
            for (var k = 0; k < categoryCount; k++)
                if (counts[k] > 0) between += counts[k] * Math.Pow(sums[k] / counts[k] - mean, 2);
            var eta2 = between / totalVariance;
            if (eta2 > best.Association) best = (d, eta2);
        }
        return best;
    }

    private static double[] CategoryMeans(int[] rowCodes, int categoryCount, double[] partner)
    {
        var sums = new double[categoryCount];
        var counts = new int[categoryCount];
        for (var row = 0; row < rowCodes.Length; row++)
        {
            if (double.IsNaN(partner[row])) continue;
            sums[rowCodes[row]] += partner[row];
            counts[rowCodes[row]]++;
        }
        // A label never seen with a partner value sits in the middle, where it disturbs the order least.
        return Enumerable.Range(0, categoryCount).Select(k => counts[k] > 0 ? sums[k] / counts[k] : 0).ToArray();
    }
}
