using SynthFixtures.Data;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Randomness;
using SynthFixtures.Transforms;

namespace SynthFixtures.Models.Sequences.LaggedCopula;

/// <summary>
/// Where a cell puts a copula column's Gaussian dimensions, without drawing anything: a continuous value is one exact
/// normal score; a point mass or a category is the interval of its jump (no uniform draw inside it, so the latent
/// correlation is fitted to what is known, not to noise); a numeric column's missingness dimension is the present or the
/// missing side of its threshold. A missing number leaves its value dimension unknown.
/// </summary>
internal static class LatentIntervals
{
    /// <summary>Marks an unknown dimension (the row does not inform it).</summary>
    public const double Unknown = double.NaN;

    /// <summary>
    /// Writes the column's dimensions for <paramref name="cell"/> into <paramref name="lower"/>/<paramref name="upper"/>
    /// (indexed from the column's first dimension). Returns false when the cell is a label the column never held.
    /// </summary>
    public static bool Write(CopulaColumn column, string? cell, Span<double> lower, Span<double> upper)
    {
        switch (column)
        {
            case NumericCopulaColumn numeric:
            {
                var value = double.NaN;
                var present = cell is not null && ColumnValues.TryParse(cell, numeric.Metadata, out value) && double.IsFinite(value);
                if (present)
                {
                    var (lo, hi) = numeric.Marginal.Interval(value);
                    (lower[0], upper[0]) = lo == hi ? (Score(lo), Score(lo)) : (Edge(lo), Edge(hi));
                }
                else (lower[0], upper[0]) = (Unknown, Unknown);
                if (numeric.HasMissingDimension)
                    (lower[1], upper[1]) = present ? (double.NegativeInfinity, numeric.PresentThreshold) : (numeric.PresentThreshold, double.PositiveInfinity);
                return true;
            }
            case CategoricalCopulaColumn categorical:
            {
                var code = cell is null ? Array.IndexOf(categorical.Categories, null) : categorical.FindCode(cell);
                if (code < 0 && cell is null)
                {
                    // A missing cell in a column that never had one: nothing is known about the dimension.
                    (lower[0], upper[0]) = (double.NegativeInfinity, double.PositiveInfinity);
                    return true;
                }
                if (code < 0) return false;
                (lower[0], upper[0]) = categorical.ZInterval(code);
                return true;
            }
            default:
                throw new InvalidOperationException($"Unexpected copula column {column.GetType().Name}.");
        }
    }

    private static double Score(double u) => StandardNormal.InverseCdf(u);

    // A jump that reaches 0 or 1 is open to infinity: clipping it at Φ⁻¹(ε) would invent a bound.
    private static double Edge(double u) =>
        u <= StandardNormal.Epsilon ? double.NegativeInfinity : u >= 1 - StandardNormal.Epsilon ? double.PositiveInfinity : StandardNormal.InverseCdf(u);
}
