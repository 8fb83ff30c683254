using System.Globalization;
using MathNet.Numerics.Distributions;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Randomness;

namespace SynthFixtures.Tests.Models;

/// <summary>Tables drawn from known Gaussian copulas, for checking that fitting recovers what generated them.</summary>
internal static class CopulaTestData
{
    /// <summary>Rows of a Gaussian copula with correlation <paramref name="correlation"/> and the given marginal inverse CDFs.</summary>
    public static Table Draw(int rows, double[,] correlation, Func<double, double>[] inverseCdfs, string[] names, long seed, int decimals = 6)
    {
        var d = names.Length;
        var cholesky = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(correlation).Cholesky().Factor;
        var random = new SynthRandom(seed);
        var columns = Enumerable.Range(0, d).Select(_ => new string?[rows]).ToArray();
        var e = new double[d];
        for (var r = 0; r < rows; r++)
        {
            for (var i = 0; i < d; i++) e[i] = random.NextNormal();
            for (var i = 0; i < d; i++)
            {
                var z = 0.0;
                for (var k = 0; k <= i; k++) z += cholesky[i, k] * e[k];
                var x = inverseCdfs[i](Normal.CDF(0, 1, z));
                columns[i][r] = x.ToString("F" + decimals, CultureInfo.InvariantCulture);
            }
        }
        return new Table(names, columns);
    }

    /// <summary>Metadata declaring every column a decimal with <paramref name="decimals"/> places.</summary>
    public static TableMetadata Decimals(string[] names, int decimals = 6) => new()
    {
        Columns = names.Select(n => new ColumnMetadata { Name = n, Kind = ColumnKind.Decimal, DecimalPlaces = decimals }).ToList(),
    };
}
