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

    /// <summary>What a DP-SGD model reads outside the budget, for the plan (<see cref="DpSgdPrivacy.PublicFacts"/>).</summary>
    public static IReadOnlyList<string> PublicFacts(string unit, long? noiseSeed) => DpSgdPrivacy.PublicFacts(unit, noiseSeed);

    /// <summary>
    /// Measures the table with the noise and δ <paramref name="plan"/> gives its preprocessing step; a unit of
    /// <paramref name="unitRows"/> rows (DP-CTGAN's pac group) moves a label's count by that much.
    /// </summary>
    public static PrivateTableStatistics Measure(Table table, TableMetadata metadata, DpSgdPlan plan, long secretSeed, int unitRows, CancellationToken cancellationToken)
    {
        var step = plan.Preprocessing.Single(s => s.Name == PrivateTableStatistics.StepName);
        var thresholded = Math.Max(PrivateTableStatistics.LabelMeasurementsFor(metadata), 1);
        // With no categorical column the step has no δ; any valid δ then serves, as no label is thresholded.
        var labelDelta = step.Delta > 0 ? step.Delta / thresholded : 0.5;
        return PrivateTableStatistics.Measure(table, metadata, step.NoiseStandardDeviation!.Value, labelDelta,
            new SynthRandom(secretSeed).Derive("preprocessing"), cancellationToken, unitRows);
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
