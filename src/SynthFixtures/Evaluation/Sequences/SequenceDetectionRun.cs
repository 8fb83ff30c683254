using System.Globalization;
using SynthFixtures.Evaluation.Utility;

namespace SynthFixtures.Evaluation.Sequences;

/// <summary>
/// Runs the detection classifier on per-sequence summaries: of whole entities when each side has
/// <see cref="SequenceEvaluationOptions.MinDetectionEntities"/> of them, otherwise of fixed-length windows of the
/// entities (<see cref="DetectionWindows"/>), the window length stated in the result.
/// </summary>
internal static class SequenceDetectionRun
{
    public static (SequenceDetection? Detection, string? SkipReason) Run(IUtilityEvaluator? detector, SequenceSides sides,
        (Data.Table Real, Data.Table Synthetic, Data.Table? Holdout, Metadata.TableMetadata Metadata) summaries,
        IReadOnlyList<EvaluatedColumn> prepared, IReadOnlyList<EvaluatedColumn> steps, IReadOnlyList<EvaluatedColumn> context, EvaluatedColumn? index,
        SequenceEvaluationOptions options, StageTimings timings, CancellationToken ct)
    {
        if (detector is null) return (null, "no detection classifier was given");
        var (real, synthetic) = (sides.Real, sides.Synthetic);
        var minimum = options.MinDetectionEntities;
        if (real.Entities.Count >= minimum && synthetic.Entities.Count >= minimum)
            return (Detect(detector, summaries.Real, summaries.Synthetic, summaries.Metadata, options, timings, ct, windowLength: null), null);
        if (DetectionWindows.Cut(real, synthetic, minimum) is not { } windows)
            return (null, string.Create(CultureInfo.InvariantCulture,
                $"detection needs at least {minimum} entities on each side (real {real.Entities.Count}, synthetic {synthetic.Entities.Count}), "
                + $"or {minimum} windows of {DetectionWindows.MinLength} steps, which the sequences are too short for"));
        var windowSides = new SequenceSides(windows.Real, windows.Synthetic, null, prepared);
        var windowSummaries = timings.Time("detection windows", () => SequenceSummaries.Build(windowSides, steps, context, index));
        return (Detect(detector, windowSummaries.Real, windowSummaries.Synthetic, windowSummaries.Metadata, options, timings, ct, windows.Length), null);
    }

    private static SequenceDetection Detect(IUtilityEvaluator detector, Data.Table real, Data.Table synthetic, Metadata.TableMetadata metadata,
        SequenceEvaluationOptions options, StageTimings timings, CancellationToken ct, int? windowLength)
    {
        var detectors = timings.Time("detection", () => detector.Evaluate(real, synthetic, null, metadata, null, options.Seed, ct).Detections);
        return new SequenceDetection(detectors.MaxBy(d => d.Auc)!, detectors, metadata.Columns.Select(c => c.Name).ToArray()) { WindowLength = windowLength };
    }
}
