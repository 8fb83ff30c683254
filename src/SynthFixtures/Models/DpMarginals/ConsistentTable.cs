namespace SynthFixtures.Models.DpMarginals;

/// <summary>
/// Makes a non-negative two-way table agree with two one-way marginals by iterative proportional fitting, so the
/// tree's edges share their columns' distributions exactly. Rows or columns the table left empty while their marginal
/// is positive are first filled as if the two columns were independent there (IPF could never reach them otherwise).
/// </summary>
internal static class ConsistentTable
{
    private const int Iterations = 100;

    /// <summary>Fits <paramref name="table"/> (rows × columns, row-major, changed in place) to the marginals.</summary>
    public static void Fit(double[] table, double[] rowTargets, double[] columnTargets)
    {
        int rows = rowTargets.Length, columns = columnTargets.Length;
        var total = rowTargets.Sum();
        if (total <= 0) return;
        for (var i = 0; i < rows; i++)
        {
            double sum = 0;
            for (var j = 0; j < columns; j++) sum += table[i * columns + j];
            if (sum <= 0 && rowTargets[i] > 0)
                for (var j = 0; j < columns; j++) table[i * columns + j] = rowTargets[i] * columnTargets[j] / total;
        }
        for (var j = 0; j < columns; j++)
        {
            double sum = 0;
            for (var i = 0; i < rows; i++) sum += table[i * columns + j];
            if (sum <= 0 && columnTargets[j] > 0)
                for (var i = 0; i < rows; i++) table[i * columns + j] = rowTargets[i] * columnTargets[j] / total;
        }
        var sums = new double[Math.Max(rows, columns)];
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            Array.Clear(sums);
            for (var i = 0; i < rows; i++)
                for (var j = 0; j < columns; j++) sums[i] += table[i * columns + j];
            for (var i = 0; i < rows; i++)
            {
                var scale = sums[i] > 0 ? rowTargets[i] / sums[i] : 0;
                for (var j = 0; j < columns; j++) table[i * columns + j] *= scale;
            }
            Array.Clear(sums);
            for (var i = 0; i < rows; i++)
                for (var j = 0; j < columns; j++) sums[j] += table[i * columns + j];
            var worst = 0.0;
            for (var j = 0; j < columns; j++)
            {
                worst = Math.Max(worst, Math.Abs(sums[j] - columnTargets[j]));
                var scale = sums[j] > 0 ? columnTargets[j] / sums[j] : 0;
                for (var i = 0; i < rows; i++) table[i * columns + j] *= scale;
            }
            if (worst < 1e-9 * total) break;
        }
    }
}
