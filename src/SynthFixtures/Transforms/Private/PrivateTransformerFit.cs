using SynthFixtures.Randomness;
using SynthFixtures.Transforms.Modes;

namespace SynthFixtures.Transforms.Private;

/// <summary>
/// Fits a <see cref="ModeSpecificTransformer"/> from <see cref="PrivateTableStatistics"/> alone, so the transformer of a
/// DP-SGD model reads no raw value: a numeric column's modes are fitted to <see cref="RepresentativeValues"/> values
/// spread over its noisy grid histogram, and it gets a present/missing one-hot when its noisy missing count says so; a
/// categorical column's categories are its released labels (largest noisy count first), then missing when its noisy
/// missing count says so. A categorical column with nothing released and no missing values keeps a single missing
/// category: there is nothing about it the budget could afford to learn.
/// </summary>
public static class PrivateTransformerFit
{
    /// <summary>How many stand-in values a numeric column's mixture is fitted to.</summary>
    public const int RepresentativeValues = 10_000;

    /// <summary>Fits every column of <paramref name="statistics"/>, each mixture from its own stream <c>modes:&lt;name&gt;</c>.</summary>
    public static ModeSpecificTransformer Fit(PrivateTableStatistics statistics, SynthRandom random, ModeNormalizerOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(random);
        var columns = new TransformedColumn[statistics.Columns.Count];
        Parallel.For(0, columns.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var column = statistics.Columns[i];
            if (column.IsNumeric)
            {
                var normalizer = ModeNormalizer.Fit(column.RepresentativeValues(RepresentativeValues), random.Derive("modes:" + column.Metadata.Name), options);
                columns[i] = new TransformedColumn { Metadata = column.Metadata, Modes = normalizer.Parameters, HasMissing = column.HasMissing };
            }
            else
            {
                var categories = column.Labels!.Select(l => (string?)l).ToList();
                if (column.HasMissing || categories.Count == 0) categories.Add(null);
                columns[i] = new TransformedColumn { Metadata = column.Metadata, Categories = [.. categories] };
            }
        });
        return new ModeSpecificTransformer(new ModeSpecificTransformerParameters { Columns = columns });
    }
}
