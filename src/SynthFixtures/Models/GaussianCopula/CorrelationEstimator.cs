using SynthFixtures.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace SynthFixtures.Models.GaussianCopula;

/// <summary>
/// Pearson correlation of normal scores with pairwise-complete rows (a value missing in one column does not throw
/// away the row for every other pair), then repaired to the nearest valid correlation matrix: pairwise estimates
/// need not be positive definite, and Cholesky sampling needs it to be.
/// </summary>
internal static class CorrelationEstimator
{
    /// <summary>Smallest eigenvalue kept when repairing; also the ridge that keeps Cholesky stable.</summary>
    private const double MinimumEigenvalue = 1e-6;

    /// <summary>Correlation of the rows of <paramref name="scores"/> (one array per dimension, NaN where unknown).</summary>
    public static double[,] Estimate(double[][] scores)
    {
        var d = scores.Length;
        var result = new double[d, d];
        for (var i = 0; i < d; i++)
        {
            result[i, i] = 1;
            for (var j = 0; j < i; j++)
            {
                var r = PairwiseCorrelation.Pearson(scores[i], scores[j]) ?? 0; // undefined (constant) ⇒ independent
                result[i, j] = result[j, i] = r;
            }
        }
        return RepairToCorrelation(result);
    }

    /// <summary>Clips eigenvalues to a small positive floor and rescales to a unit diagonal.</summary>
    public static double[,] RepairToCorrelation(double[,] matrix)
    {
        var d = matrix.GetLength(0);
        if (d == 0) return matrix;
        var m = Matrix<double>.Build.DenseOfArray(matrix);
        var evd = m.Evd(Symmetricity.Symmetric);
        var eigenvalues = evd.EigenValues.Map(c => c.Real);
        if (eigenvalues.Minimum() >= MinimumEigenvalue) return matrix;
        var clipped = Matrix<double>.Build.DiagonalOfDiagonalVector(eigenvalues.Map(v => Math.Max(v, MinimumEigenvalue)));
        var repaired = evd.EigenVectors * clipped * evd.EigenVectors.Transpose();
        var result = new double[d, d];
        for (var i = 0; i < d; i++)
            for (var j = 0; j < d; j++)
                result[i, j] = i == j ? 1 : repaired[i, j] / Math.Sqrt(repaired[i, i] * repaired[j, j]);
        // Symmetrise exactly: the product above can differ in the last bit across the diagonal.
        for (var i = 0; i < d; i++)
            for (var j = 0; j < i; j++)
                result[j, i] = result[i, j];
        return result;
    }

    /// <summary>Lower Cholesky factor; a correlation that is only semi-definite gets a small ridge first.</summary>
    public static double[,] Cholesky(double[,] correlation)
    {
        var matrix = Matrix<double>.Build.DenseOfArray(correlation);
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var candidate = attempt == 0 ? matrix : matrix + Matrix<double>.Build.DenseIdentity(matrix.RowCount) * (MinimumEigenvalue * Math.Pow(10, attempt));
            try
            {
                return candidate.Cholesky().Factor.ToArray();
            }
            catch (ArgumentException)
            {
                // Not positive definite at this ridge: try a larger one.
            }
        }
        throw new InvalidOperationException("The correlation matrix is not positive definite even with a ridge.");
    }
}
