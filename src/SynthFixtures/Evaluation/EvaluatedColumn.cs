using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Transforms;

namespace SynthFixtures.Evaluation;

/// <summary>
/// One column of both tables, prepared once for every metric that needs it: numbers (NaN for missing) for numeric
/// and datetime columns, and codes for every column (categories, or <see cref="EqualWidthBins"/> over the real range
/// shifted by one), code 0 being a missing cell. An optional third table (a holdout of real rows the model never saw)
/// is coded with the same dictionary, so privacy metrics compare all three tables on one scale.
/// </summary>
internal sealed class EvaluatedColumn
{
    private EvaluatedColumn(ColumnMetadata metadata, double[]? realValues, double[]? syntheticValues, int[] realCodes,
        int[] syntheticCodes, int codeCount, double[]? holdoutValues = null, int[]? holdoutCodes = null,
        string[]? labels = null, EqualWidthBins? bins = null)
    {
        Labels = labels;
        Bins = bins;
        HoldoutValues = holdoutValues;
        HoldoutCodes = holdoutCodes;
        Metadata = metadata;
        RealValues = realValues;
        SyntheticValues = syntheticValues;
        RealCodes = realCodes;
        SyntheticCodes = syntheticCodes;
        CodeCount = codeCount;
    }

    /// <summary>The column's metadata.</summary>
    public ColumnMetadata Metadata { get; }

    /// <summary>Whether the column is numeric or datetime (values are set).</summary>
    public bool IsNumeric => RealValues is not null;

    /// <summary>Real values of a numeric column (NaN for missing); <c>null</c> for a categorical column.</summary>
    public double[]? RealValues { get; }

    /// <summary>Synthetic values of a numeric column; <c>null</c> for a categorical column.</summary>
    public double[]? SyntheticValues { get; }

    /// <summary>Real codes in 0 … <see cref="CodeCount"/> − 1; 0 is missing.</summary>
    public int[] RealCodes { get; }

    /// <summary>Synthetic codes in 0 … <see cref="CodeCount"/> − 1; 0 is missing.</summary>
    public int[] SyntheticCodes { get; }

    /// <summary>Number of codes, the missing code included.</summary>
    public int CodeCount { get; }

    /// <summary>Category text per code for a categorical column; <c>null</c> for a numeric column.</summary>
    public string[]? Labels { get; }

    /// <summary>The bins behind the codes of a numeric column (code k + 1 is bin k); <c>null</c> for a categorical column.</summary>
    public EqualWidthBins? Bins { get; }

    /// <summary>Holdout values of a numeric column; <c>null</c> for a categorical column or without a holdout.</summary>
    public double[]? HoldoutValues { get; }

    /// <summary>Holdout codes on the same scale as <see cref="RealCodes"/>; <c>null</c> without a holdout.</summary>
    public int[]? HoldoutCodes { get; }

    /// <summary>Reads and codes the column called <paramref name="metadata"/>.Name in both tables (and the holdout, if given).</summary>
    public static EvaluatedColumn Prepare(Table real, Table synthetic, ColumnMetadata metadata, Table? holdout = null)
    {
        var realIndex = real.IndexOf(metadata.Name);
        var syntheticIndex = synthetic.IndexOf(metadata.Name);
        var holdoutIndex = holdout?.IndexOf(metadata.Name) ?? -1;
        if (!metadata.IsNumeric)
        {
            var codes = CategoryCodes.Create(real.Column(realIndex), synthetic.Column(syntheticIndex), holdout?.Column(holdoutIndex));
            return new EvaluatedColumn(metadata, null, null, codes.Real, codes.Synthetic, codes.Count, holdoutCodes: codes.Holdout, labels: codes.Labels);
        }
        var realValues = ColumnValues.ToDoubles(real, realIndex, metadata);
        var syntheticValues = ColumnValues.ToDoubles(synthetic, syntheticIndex, metadata);
        var holdoutValues = holdout is null ? null : ColumnValues.ToDoubles(holdout, holdoutIndex, metadata);
        var bins = EqualWidthBins.Create(realValues);
        return new EvaluatedColumn(metadata, realValues, syntheticValues, BinCodes(realValues, bins),
            BinCodes(syntheticValues, bins), bins.Count + 1, holdoutValues,
            holdoutValues is null ? null : BinCodes(holdoutValues, bins), bins: bins);
    }

    /// <summary>The column-shape score: KSComplement for numeric columns, TVComplement (missing ignored) otherwise.</summary>
    public ColumnShapeScore ShapeScore() => IsNumeric
        ? new ColumnShapeScore(Metadata.Name, QualityMetric.KSComplement, KSComplement.Compute(RealValues, SyntheticValues))
        : new ColumnShapeScore(Metadata.Name, QualityMetric.TVComplement, TVComplement.FromCodes(RealCodes, SyntheticCodes, CodeCount));

    private static int[] BinCodes(double[] values, EqualWidthBins bins)
    {
        var codes = new int[values.Length];
        for (var row = 0; row < codes.Length; row++) codes[row] = bins.BinOf(values[row]) + 1; // NaN: −1 + 1 = 0
        return codes;
    }
}
