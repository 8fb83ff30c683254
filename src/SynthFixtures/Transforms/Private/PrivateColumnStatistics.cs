using SynthFixtures.Metadata;

namespace SynthFixtures.Transforms.Private;

/// <summary>
/// What a DP-SGD model may know about one modelled column before training, all from one noisy count vector
/// (<see cref="PrivateTableStatistics"/>): a numeric column's range and a stand-in for its values to fit modes to; a
/// categorical column's released labels and their noisy counts; whether the column has missing values and how many.
/// </summary>
public sealed class PrivateColumnStatistics
{
    private readonly NoisyGridHistogram? _histogram;

    private PrivateColumnStatistics(ColumnMetadata metadata, NoisyGridHistogram? histogram, string[]? labels, double[]? labelCounts,
        bool hasMissing, double missingRate, double missingCount)
    {
        Metadata = metadata;
        _histogram = histogram;
        Labels = labels;
        LabelCounts = labelCounts;
        HasMissing = hasMissing;
        MissingRate = missingRate;
        MissingCount = missingCount;
        if (histogram is not null) (Minimum, Maximum) = histogram.Range();
    }

    internal static PrivateColumnStatistics Numeric(ColumnMetadata metadata, NoisyGridHistogram histogram, (bool Has, double Rate, double Count) missing) =>
        new(metadata, histogram, null, null, missing.Has, missing.Rate, missing.Count);

    internal static PrivateColumnStatistics Categorical(ColumnMetadata metadata, NoisyLabelCounts counts, (bool Has, double Rate, double Count) missing) =>
        new(metadata, null, counts.Labels, counts.Counts, missing.Has, missing.Rate, missing.Count);

    /// <summary>The column's metadata.</summary>
    public ColumnMetadata Metadata { get; }

    /// <summary>Whether the column is numeric (integer, decimal, datetime).</summary>
    public bool IsNumeric => _histogram is not null;

    /// <summary>A numeric column's smallest value, from the lowest grid cells whose noisy count clears the threshold; else 0.</summary>
    public double Minimum { get; }

    /// <summary>A numeric column's largest value, from the highest grid cells whose noisy count clears the threshold; else 0.</summary>
    public double Maximum { get; }

    /// <summary>A categorical column's released labels (trimmed), largest noisy count first; <c>null</c> for a numeric column.</summary>
    public string[]? Labels { get; }

    /// <summary>The noisy counts of <see cref="Labels"/>, in the same order (each positive); <c>null</c> for a numeric column.</summary>
    public double[]? LabelCounts { get; }

    /// <summary>Whether the noisy count of missing cells clears its threshold.</summary>
    public bool HasMissing { get; }

    /// <summary>The noisy count of missing cells over itself plus the released noisy mass of present values, in [0, 1]; 0 unless <see cref="HasMissing"/>.</summary>
    public double MissingRate { get; }

    /// <summary>The noisy count of missing cells (clamped at 0), or 0 unless <see cref="HasMissing"/>.</summary>
    public double MissingCount { get; }

    /// <summary>
    /// A numeric column's stand-in values: <paramref name="count"/> values spread over the kept grid cells in proportion to
    /// their noisy counts (deterministic), for fitting a mixture without reading a raw value.
    /// </summary>
    /// <exception cref="InvalidOperationException">The column is categorical.</exception>
    public double[] RepresentativeValues(int count) =>
        (_histogram ?? throw new InvalidOperationException($"Column '{Metadata.Name}' is categorical.")).RepresentativeValues(count);

    /// <summary>A numeric column's noisy grid histogram, or <c>null</c>.</summary>
    internal NoisyGridHistogram? Histogram => _histogram;
}
