namespace SynthFixtures.Evaluation.Text;

/// <summary>
/// Squared maximum mean discrepancy between two sets of embeddings with a Gaussian kernel k(x, y) = exp(−‖x − y‖² / (2σ²)),
/// σ² by the median heuristic (half the median squared distance over the pooled pairs, fixed from the first two sets
/// so a baseline compares on the same scale), unbiased estimator (Gretton et al. 2012): 0 in expectation for one
/// distribution, up to 2 for disjoint ones.
/// </summary>
internal static class EmbeddingDistance
{
    /// <summary>The kernel bandwidth σ² for <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static double Bandwidth(IReadOnlyList<float[]> a, IReadOnlyList<float[]> b)
    {
        var pooled = a.Concat(b).ToArray();
        var distances = new List<double>();
        for (var i = 0; i < pooled.Length; i++)
            for (var j = i + 1; j < pooled.Length; j++)
                distances.Add(SquaredDistance(pooled[i], pooled[j]));
        if (distances.Count == 0) return 1;
        distances.Sort();
        var median = distances[distances.Count / 2];
        return median > 0 ? median / 2 : 1;
    }

    /// <summary>Unbiased MMD² of <paramref name="x"/> and <paramref name="y"/> (each at least two embeddings) at bandwidth <paramref name="sigma2"/>.</summary>
    public static double Mmd2(IReadOnlyList<float[]> x, IReadOnlyList<float[]> y, double sigma2)
    {
        double Within(IReadOnlyList<float[]> s)
        {
            var sum = 0.0;
            for (var i = 0; i < s.Count; i++)
                for (var j = i + 1; j < s.Count; j++) sum += 2 * Kernel(s[i], s[j], sigma2);
            return sum / ((double)s.Count * (s.Count - 1));
        }
        var between = 0.0;
        foreach (var a in x)
            foreach (var b in y) between += Kernel(a, b, sigma2);
        return Within(x) + Within(y) - 2 * between / ((double)x.Count * y.Count);
    }

    private static double Kernel(float[] a, float[] b, double sigma2) => Math.Exp(-SquaredDistance(a, b) / (2 * sigma2));

    private static double SquaredDistance(float[] a, float[] b)
    {
        var d = System.Numerics.Tensors.TensorPrimitives.Distance(a, b);
        return (double)d * d;
    }
}
