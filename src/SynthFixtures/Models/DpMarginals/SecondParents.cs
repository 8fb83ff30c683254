using SynthFixtures.Randomness;

namespace SynthFixtures.Models.DpMarginals;

/// <summary>
/// Beyond MST's tree: each column after the first two in sampling order gets a second parent, chosen privately among
/// the columns sampled before it, and its conditional is measured as a three-way marginal (second parent in a few
/// groups × tree parent × column). The tree alone lets a column depend on one other; a target such as income needs the
/// joint effect of several. The score of a candidate q for column c with tree parent p is the L1 distance between the
/// true counts of (group of q, p, c) and what the tree predicts for them, N(g, p)·P(c | p): one row moves it by at
/// most 2, the sensitivity used by the exponential mechanism.
/// </summary>
internal static class SecondParents
{
    /// <summary>The most groups a second parent's cells are folded into (keeps three-way tables small enough to measure).</summary>
    public const int MaxGroups = 6;

    /// <summary>
    /// Folds a column's cells into at most <see cref="MaxGroups"/> groups from its estimated one-way (post-processing):
    /// a numeric column's bins into runs of about equal mass (the missing cell with the last), a categorical column's
    /// most frequent labels each alone and the rest together.
    /// </summary>
    public static int[] Groups(DpColumn column, double[] oneWay)
    {
        var cells = column.Cells;
        var groups = new int[cells];
        if (cells <= MaxGroups)
        {
            for (var k = 0; k < cells; k++) groups[k] = k;
            return groups;
        }
        if (!column.IsNumeric)
        {
            for (var k = 0; k < cells; k++) groups[k] = Math.Min(k, MaxGroups - 1);
            return groups;
        }
        var total = oneWay.Sum();
        double cumulative = 0;
        for (var k = 0; k < cells; k++)
        {
            var middle = cumulative + oneWay[k] / 2;
            groups[k] = total > 0 ? Math.Min(MaxGroups - 1, (int)(middle / total * MaxGroups)) : 0;
            cumulative += oneWay[k];
        }
        return groups;
    }

    /// <summary>
    /// Below this ratio of a typical three-way cell's expected count to its noise σ, the three-ways are mostly noise and
    /// the budget does more for the tree (on adult: about 0.3 at ε = 0.3, where second parents cost quality and F1, and
    /// about 1 at ε = 1, where they lift F1 from 0.4 to 0.6).
    /// </summary>
    public const double MinSignalToNoise = 0.5;

    /// <summary>
    /// The expected count of a typical three-way cell over its noise, from public and noisy quantities only: the noisy
    /// row count <paramref name="total"/>, the columns' cell counts <paramref name="sizes"/> (from noisy counts) and the
    /// planned noise <paramref name="sigma"/>. A typical three-way has the median column as parent, child and (folded
    /// into at most <see cref="MaxGroups"/> groups) second parent.
    /// </summary>
    public static double SignalToNoise(int[] sizes, double total, double sigma)
    {
        var sorted = sizes.Order().ToArray();
        double median = sorted[sorted.Length / 2];
        var cells = Math.Min(MaxGroups, median) * median * median;
        return total / cells / sigma;
    }

    /// <summary>The number of groups <paramref name="groups"/> uses.</summary>
    public static int Count(int[] groups) => groups.Max() + 1;

    /// <summary>Picks a second parent for every column at position ≥ 2 of <paramref name="order"/> (−1 for the rest).</summary>
    public static int[] Select(int[][] cells, int[] sizes, int[] order, int[] parent, double[]?[] conditionals, int[][] groups,
        double epsilon, SynthRandom random)
    {
        var second = Enumerable.Repeat(-1, sizes.Length).ToArray();
        for (var position = 2; position < order.Length; position++)
        {
            var c = order[position];
            var p = parent[c];
            var bestKey = double.NegativeInfinity;
            for (var earlier = 0; earlier < position; earlier++)
            {
                var q = order[earlier];
                var gumbel = -Math.Log(-Math.Log(random.NextOpenDouble()));
                if (q == p) continue;
                var score = Score(cells[q], groups[q], cells[p], sizes[p], cells[c], sizes[c], conditionals[c]!);
                var key = epsilon * score / (2 * 2) + gumbel;
                if (key > bestKey) (bestKey, second[c]) = (key, q);
            }
        }
        return second;
    }

    /// <summary>The true counts of (group of q, p, c), row-major.</summary>
    public static double[] Counts(int[] q, int[] groups, int[] p, int sizeP, int[] c, int sizeC)
    {
        var counts = new double[Count(groups) * sizeP * sizeC];
        for (var row = 0; row < c.Length; row++) counts[(groups[q[row]] * sizeP + p[row]) * sizeC + c[row]]++;
        return counts;
    }

    private static double Score(int[] q, int[] groups, int[] p, int sizeP, int[] c, int sizeC, double[] conditional)
    {
        var counts = Counts(q, groups, p, sizeP, c, sizeC);
        double score = 0;
        for (var row = 0; row < counts.Length / sizeC; row++)
        {
            double n = 0;
            for (var k = 0; k < sizeC; k++) n += counts[row * sizeC + k];
            var pCell = row % sizeP;
            for (var k = 0; k < sizeC; k++) score += Math.Abs(counts[row * sizeC + k] - n * conditional[pCell * sizeC + k]);
        }
        return score;
    }

    /// <summary>
    /// P(c | p, group of q) from the noisy three-way counts (projected onto the simplex), each row shrunk towards the
    /// tree's P(c | p) by κ = σ·√cells (the noise of the row's sum), so thin rows lean on the tree. The other cell is
    /// never drawn.
    /// </summary>
    public static double[] Conditional(double[] noisy, double total, double sigma, int sizeP, int sizeC, double[] treeConditional, int otherCell)
    {
        var projected = SimplexProjection.Project(noisy, total);
        var kappa = sigma * Math.Sqrt(sizeC);
        var result = new double[projected.Length];
        for (var row = 0; row < projected.Length / sizeC; row++)
        {
            var pCell = row % sizeP;
            double sum = 0;
            for (var k = 0; k < sizeC; k++)
                if (k != otherCell) sum += projected[row * sizeC + k];
            for (var k = 0; k < sizeC; k++)
            {
                var own = k == otherCell ? 0 : projected[row * sizeC + k];
                result[row * sizeC + k] = (own + kappa * treeConditional[pCell * sizeC + k]) / (sum + kappa);
            }
        }
        return result;
    }
}
