using SynthFixtures.Randomness;

namespace SynthFixtures.Models.DpMarginals;

/// <summary>
/// MST's private selection of which pairs of columns to measure (McKenna, Miklau, Sheldon 2021, Section 4): each
/// pair's score is the L1 distance between its true two-way counts and the counts the noisy one-way marginals imply
/// under independence (how much measuring it would teach the model); a spanning tree is grown Kruskal-style, each
/// edge picked by the exponential mechanism among the pairs that join two components. A row added or removed moves a
/// score by at most 1, so each pick is ε-DP with sensitivity 1.
/// </summary>
internal static class SpanningTreeSelection
{
    /// <summary>The tree's edges (column pairs, in the order picked).</summary>
    /// <param name="cells">Per column, the cell of every row.</param>
    /// <param name="sizes">Per column, its number of cells.</param>
    /// <param name="oneWay">Per column, its estimated distribution (non-negative, sums to 1).</param>
    /// <param name="total">The estimated row count.</param>
    /// <param name="epsilon">ε of each pick.</param>
    /// <param name="random">Stream for the picks.</param>
    public static List<(int A, int B)> Select(int[][] cells, int[] sizes, double[][] oneWay, double total, double epsilon, SynthRandom random)
    {
        var d = cells.Length;
        var scores = new Dictionary<(int, int), double>();
        for (var a = 0; a < d; a++)
            for (var b = a + 1; b < d; b++)
                scores[(a, b)] = Score(cells[a], cells[b], sizes[a], sizes[b], oneWay[a], oneWay[b], total);

        var component = Enumerable.Range(0, d).ToArray();
        int Find(int x)
        {
            while (component[x] != x) x = component[x] = component[component[x]];
            return x;
        }
        var edges = new List<(int A, int B)>();
        for (var pick = 0; pick < d - 1; pick++)
        {
            // Gumbel-max: the argmax of ε·score/2 + Gumbel noise is a draw from the exponential mechanism.
            (int, int) best = default;
            var bestKey = double.NegativeInfinity;
            foreach (var ((a, b), score) in scores.OrderBy(s => s.Key.Item1).ThenBy(s => s.Key.Item2))
            {
                var gumbel = -Math.Log(-Math.Log(random.NextOpenDouble()));
                if (Find(a) == Find(b)) continue;
                var key = epsilon * score / 2 + gumbel;
                if (key > bestKey) (bestKey, best) = (key, (a, b));
            }
            edges.Add(best);
            component[Find(best.Item1)] = Find(best.Item2);
        }
        return edges;
    }

    /// <summary>‖true two-way counts − total·pₐ⊗p_b‖₁.</summary>
    internal static double Score(int[] a, int[] b, int sizeA, int sizeB, double[] pa, double[] pb, double total)
    {
        var counts = new double[sizeA * sizeB];
        for (var row = 0; row < a.Length; row++) counts[a[row] * sizeB + b[row]]++;
        double score = 0;
        for (var i = 0; i < sizeA; i++)
            for (var j = 0; j < sizeB; j++)
                score += Math.Abs(counts[i * sizeB + j] - total * pa[i] * pb[j]);
        return score;
    }
}
