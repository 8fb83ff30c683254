using SynthFixtures.Metadata;
using SynthFixtures.Randomness;

namespace SynthFixtures.Models.GaussianCopula;

/// <summary>
/// An integer, decimal or datetime column: its <see cref="MixedMarginal"/> and, when values are missing, a
/// second dimension that says whether a row has a value (present below Φ⁻¹(1 − missing rate), missing above).
/// </summary>
internal sealed class NumericCopulaColumn : CopulaColumn
{
    public NumericCopulaColumn(ColumnMetadata metadata, int sourceIndex, MixedMarginal marginal, double missingProbability)
        : base(metadata, sourceIndex)
    {
        Marginal = marginal;
        MissingProbability = missingProbability;
        PresentThreshold = StandardNormal.InverseCdf(1 - missingProbability);
    }

    /// <summary>Distribution of the non-missing values.</summary>
    public MixedMarginal Marginal { get; }

    /// <summary>Share of rows with no value.</summary>
    public double MissingProbability { get; }

    /// <summary>z above which the missingness dimension means "missing".</summary>
    public double PresentThreshold { get; }

    /// <summary>
    /// Why the column's distribution is simpler than a fitted family (one value → a point mass, a handful → uniform), or
    /// <c>null</c> when it was fitted normally. Shown in the fit log and by <c>inspect</c>.
    /// </summary>
    public string? FitNote { get; init; }

    /// <summary>Whether the column has a missingness dimension.</summary>
    public bool HasMissingDimension => MissingProbability > 0;

    public override int Dimensions => HasMissingDimension ? 2 : 1;

    public override string Describe() =>
        (Marginal.Continuous is null
            ? (Marginal.AtomValues.Count == 1 ? "1 point mass" : $"{Marginal.AtomValues.Count} point masses")
            : Marginal.Continuous.Family + (Marginal.AtomValues.Count > 0 ? $" + {Marginal.AtomValues.Count} point masses ({Marginal.AtomProbabilities.Sum():P1})" : ""))
        + $", range {ColumnValuesFormat(Marginal.Minimum)}..{ColumnValuesFormat(Marginal.Maximum)}"
        + (MissingProbability > 0 ? $", {MissingProbability:P1} missing" : "")
        + (FitNote is null ? "" : $" ({FitNote})");

    private string ColumnValuesFormat(double value) => Transforms.ColumnValues.Format(value, Metadata);

    /// <summary>The sampled value for a row's z values: the decoded number, rounded to what the column holds, or NaN.</summary>
    public double Decode(double valueZ, double missingZ)
    {
        if (HasMissingDimension && missingZ > PresentThreshold) return double.NaN;
        return ColumnValuesQuantizer.Quantize(Marginal.Decode(StandardNormal.Cdf(valueZ)), Metadata, Marginal);
    }
}
