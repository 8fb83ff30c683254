using SynthFixtures.Metadata;
using SynthFixtures.Transforms;

namespace SynthFixtures.Models.GaussianCopula;

/// <summary>Rounds a decoded value to the column's resolution without leaving the observed range.</summary>
internal static class ColumnValuesQuantizer
{
    public static double Quantize(double value, ColumnMetadata column, MixedMarginal marginal)
    {
        var q = ColumnValues.Quantize(value, column);
        // Rounding can step just past an end of the range (e.g. 16.6 → 17 when the minimum is 16.6 for a decimal
        // column written with no decimals); the range is a promise, so step back inside it.
        if (q < marginal.Minimum || q > marginal.Maximum) q = ColumnValues.Quantize(Math.Clamp(value, marginal.Minimum, marginal.Maximum), column);
        return q;
    }
}
