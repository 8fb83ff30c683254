namespace SynthFixtures.Models.DpMarginals;

/// <summary>
/// A consistent tree-structured distribution from the noisy measurements. Each column's one-way distribution combines
/// its own noisy marginal with the sums of every measured two-way marginal it is in (weighted by inverse variance,
/// then projected onto the simplex); each edge's noisy two-way table is projected onto the simplex and fitted to its two
/// columns' one-ways by iterative proportional fitting. The tree's joint distribution is then the root's one-way times
/// each child's conditional given its parent, and every edge's two-way and every column's one-way agree with it.
/// </summary>
internal static class TreeEstimator
{
    /// <summary>The estimated one-way counts (total <paramref name="total"/>) of every column.</summary>
    public static double[][] OneWays(int[] sizes, double[][] oneWay, double oneWaySigma, IReadOnlyList<(int A, int B)> edges,
        double[][] twoWay, double twoWaySigma, double total)
    {
        var result = new double[sizes.Length][];
        for (var column = 0; column < sizes.Length; column++)
        {
            var weighted = new double[sizes[column]];
            var weights = new double[sizes[column]];
            var own = 1 / (oneWaySigma * oneWaySigma);
            for (var k = 0; k < weighted.Length; k++) (weighted[k], weights[k]) = (own * oneWay[column][k], own);
            for (var e = 0; e < edges.Count; e++)
            {
                var (a, b) = edges[e];
                if (a != column && b != column) continue;
                var other = a == column ? sizes[b] : sizes[a];
                var weight = 1 / (other * twoWaySigma * twoWaySigma);
                for (var k = 0; k < weighted.Length; k++)
                {
                    double sum = 0;
                    for (var m = 0; m < other; m++) sum += a == column ? twoWay[e][k * other + m] : twoWay[e][m * sizes[b] + k];
                    weighted[k] += weight * sum;
                    weights[k] += weight;
                }
            }
            for (var k = 0; k < weighted.Length; k++) weighted[k] /= weights[k];
            result[column] = SimplexProjection.Project(weighted, total);
        }
        return result;
    }

    /// <summary>Each edge's two-way counts, non-negative and agreeing with <paramref name="oneWays"/>.</summary>
    public static double[][] TwoWays(int[] sizes, IReadOnlyList<(int A, int B)> edges, double[][] twoWay, double[][] oneWays, double total) =>
        edges.Select((edge, e) =>
        {
            var table = SimplexProjection.Project(twoWay[e], total);
            ConsistentTable.Fit(table, oneWays[edge.A], oneWays[edge.B]);
            return table;
        }).ToArray();

    /// <summary>
    /// The tree rooted at column 0: the order to sample in (parents before children), each column's parent (−1 for the
    /// root), the root's distribution and each child's conditional rows (parent cells × child cells, row-major). Cells
    /// in <paramref name="neverEmitted"/> get probability 0 and their rows are renormalised (a row left empty takes the
    /// child's one-way).
    /// </summary>
    public static (int[] Order, int[] Parent, double[] Root, double[]?[] Conditionals) Tree(int[] sizes, IReadOnlyList<(int A, int B)> edges,
        double[][] twoWays, double[][] oneWays, int[] neverEmitted)
    {
        var d = sizes.Length;
        var parent = Enumerable.Repeat(-1, d).ToArray();
        var conditionals = new double[]?[d];
        var order = new List<int> { 0 };
        var visited = new bool[d];
        visited[0] = true;
        for (var next = 0; next < order.Count; next++)
        {
            var node = order[next];
            for (var e = 0; e < edges.Count; e++)
            {
                var (a, b) = edges[e];
                int child;
                bool nodeIsRow;
                if (a == node && !visited[b]) (child, nodeIsRow) = (b, true);
                else if (b == node && !visited[a]) (child, nodeIsRow) = (a, false);
                else continue;
                visited[child] = true;
                parent[child] = node;
                order.Add(child);
                conditionals[child] = Conditional(twoWays[e], sizes[a], sizes[b], nodeIsRow, Emitted(oneWays[child], neverEmitted[child]), neverEmitted[child]);
            }
        }
        return ([.. order], parent, Normalise(Emitted(oneWays[0], neverEmitted[0])), conditionals);
    }

    private static double[] Conditional(double[] table, int rows, int columns, bool parentIsRow, double[] childOneWay, int neverEmitted)
    {
        int parentSize = parentIsRow ? rows : columns, childSize = parentIsRow ? columns : rows;
        var fallback = Normalise(childOneWay);
        var result = new double[parentSize * childSize];
        for (var p = 0; p < parentSize; p++)
        {
            double sum = 0;
            for (var c = 0; c < childSize; c++)
            {
                var value = c == neverEmitted ? 0 : parentIsRow ? table[p * columns + c] : table[c * columns + p];
                result[p * childSize + c] = value;
                sum += value;
            }
            for (var c = 0; c < childSize; c++)
                result[p * childSize + c] = sum > 0 ? result[p * childSize + c] / sum : fallback[c];
        }
        return result;
    }

    private static double[] Emitted(double[] counts, int neverEmitted)
    {
        var copy = (double[])counts.Clone();
        if (neverEmitted >= 0) copy[neverEmitted] = 0;
        return copy;
    }

    /// <summary>Scales to sum 1; all zero becomes uniform (only the missing cell is always allowed, so it gets the mass).</summary>
    private static double[] Normalise(double[] counts)
    {
        var sum = counts.Sum();
        if (sum > 0) return counts.Select(c => c / sum).ToArray();
        var uniform = new double[counts.Length];
        uniform[^1] = 1;
        return uniform;
    }
}
