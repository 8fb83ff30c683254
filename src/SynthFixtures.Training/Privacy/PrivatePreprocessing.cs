using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Models.Neural;
using SynthFixtures.Privacy;
using SynthFixtures.Randomness;
using SynthFixtures.Transforms.Modes;
using SynthFixtures.Transforms.Private;

namespace SynthFixtures.Training.Privacy;

/// <summary>
/// The preprocessing DP-TVAE and DP-CTGAN share: its step in the plan, its noisy measurements (stream
/// <c>preprocessing</c> of the secret seed), and what is derived from them for training: the encoded rows and, for
/// CTGAN, the condition vector with noisy category frequencies.
/// </summary>
internal static class PrivatePreprocessing
{
    /// <summary>The plan's preprocessing steps for a table with <paramref name="metadata"/> (one today; the list leaves room for more).</summary>
    public static IReadOnlyList<DpSgdPreprocessing> Steps(TableMetadata metadata) => [PrivateTableStatistics.Step(metadata)];

    /// <summary>What a DP-SGD model reads outside the budget, for the plan.</summary>
    /// <param name="unit">What the sampling rate is over: <c>rows</c> or <c>pac groups</c>.</param>
    /// <param name="noiseSeed">The fixed noise seed, when a test gave one.</param>
    public static IReadOnlyList<string> PublicFacts(string unit, long? noiseSeed)
    {
        var facts = new List<string>
        {
            "the column metadata (names, kinds, formats, which columns are keys or personal data): when it is profiled from the training data its kinds are read without noise, so train with metadata written independently of the data",
            "the token the CSV writes for a missing value",
            "each numeric column's fine grid (fixed by its kind)",
            $"the number of {unit}, which sets the sampling rate, the steps per epoch and the default δ",
            "the per-epoch mean loss shown as progress (to the trainer's user only; not in the artifact)",
            "the training file's name (the audit trail keeps no hash of its content)",
        };
        if (noiseSeed is { } seed)
            facts.Add($"the noise, batches and initial weights: drawn from the fixed noise seed {seed.ToString(System.Globalization.CultureInfo.InvariantCulture)}, so the guarantee does not hold against anyone who knows it (a setting for reproducible tests only)");
        return facts;
    }

    /// <summary>Measures the table with the noise and δ <paramref name="plan"/> gives its preprocessing step.</summary>
    public static PrivateTableStatistics Measure(Table table, TableMetadata metadata, DpSgdPlan plan, long secretSeed, CancellationToken cancellationToken)
    {
        var step = plan.Preprocessing.Single(s => s.Name == "preprocessing");
        var thresholded = Math.Max(PrivateTableStatistics.LabelMeasurementsFor(metadata), 1);
        // With no categorical column the step has no δ; any valid δ then serves, as no label is thresholded.
        var labelDelta = step.Delta > 0 ? step.Delta / thresholded : 0.5;
        return PrivateTableStatistics.Measure(table, metadata, step.NoiseStandardDeviation!.Value, labelDelta,
            new SynthRandom(secretSeed).Derive("preprocessing"), cancellationToken);
    }

    /// <summary>
    /// CTGAN's condition vector over <paramref name="transformer"/>'s categorical spans with the noisy counts of
    /// <paramref name="statistics"/>: each released label's noisy count, and the missing category's noisy missing count.
    /// A column with nothing released (only its missing category) gets a count of 1.
    /// </summary>
    public static ConditionVector Conditions(ModeSpecificTransformer transformer, PrivateTableStatistics statistics)
    {
        var spans = transformer.Spans.Where(s => s.Role == SpanRole.Category).ToArray();
        var counts = spans.Select(span =>
        {
            var column = statistics[span.Column];
            var counted = column.LabelCounts!.ToList();
            if (counted.Count < span.Length) counted.Add(column.MissingCount);
            return counted.Sum() > 0 ? counted.ToArray() : Enumerable.Repeat(1.0, span.Length).ToArray();
        }).ToArray();
        return new ConditionVector(new ConditionVectorParameters { Spans = spans, Counts = counts });
    }
}
