using System.Reflection;
using SynthFixtures.Evaluation.Privacy;
using SynthFixtures.Evaluation.Utility;
using SynthFixtures.Metadata;
using SynthFixtures.Transforms.Sequences;

namespace SynthFixtures.Evaluation.Sequences;

/// <summary>
/// Compares two <see cref="SequenceSet"/>s over the same <see cref="Metadata.Sequences.SequenceMetadata"/>, whatever made
/// the synthetic one: see <see cref="SequenceQualityReport"/> for what is measured. The single-table metrics are reused
/// (<see cref="KSComplement"/>, <see cref="TVComplement"/>, Pearson's ρ, the detection classifier through
/// <see cref="IUtilityEvaluator"/>, the DCR of <see cref="PrivacyEvaluator"/>) on the steps, on one row per entity, or on
/// per-sequence summaries.
/// </summary>
public static class SequenceEvaluator
{
    private const string EntityReason = "entity key: names whose sequence a row is; compared as the number of sequences and their lengths";

    /// <summary>Evaluates <paramref name="synthetic"/> against <paramref name="real"/>.</summary>
    /// <param name="real">The real sequences the model learned from; their column metadata governs.</param>
    /// <param name="synthetic">The synthetic sequences, with the same sequence metadata and the real table's modelled columns.</param>
    /// <param name="holdout">Real sequences the model never saw (a baseline for copies and distances), or <c>null</c>.</param>
    /// <param name="options">Lags, seed, names; the defaults when <c>null</c>.</param>
    /// <param name="detector">The classifier for the detection score (SynthFixtures.Evaluation.Utility's ML.NET one), or <c>null</c> to skip it.</param>
    /// <param name="progress">Receives a line per stage, or <c>null</c>.</param>
    /// <param name="ct">Stops the evaluation.</param>
    /// <exception cref="SynthDataException">The sets' sequence metadata differ, a side has no rows, a table lacks a modelled column, or a setting is out of range.</exception>
    public static SequenceQualityReport Evaluate(SequenceSet real, SequenceSet synthetic, SequenceSet? holdout = null,
        SequenceEvaluationOptions? options = null, IUtilityEvaluator? detector = null, IProgress<string>? progress = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        options ??= new SequenceEvaluationOptions();
        options.Check();
        foreach (var (other, role) in new[] { (synthetic, "synthetic"), (holdout, "holdout") })
            if (other is not null && !other.Sequence.Equals(real.Sequence))
                throw new SynthDataException($"The {role} sequences are grouped differently from the real ones; both need the same entity, index and context columns.",
                    other.Table.SourcePath, hint: "Read both tables with the same sequence metadata.");

        var timings = new StageTimings(ct);

        var sequence = real.Sequence;
        var notScored = new List<SkippedSequenceColumn>();
        var skipped = new List<SkippedSequenceColumn>();
        var evaluated = new List<ColumnMetadata>();
        foreach (var column in real.Columns.Columns)
        {
            if (sequence.EntityColumns.Contains(column.Name, StringComparer.Ordinal)) notScored.Add(new(column.Name, null, EntityReason));
            else if (UnscoredColumn.Of(column) is { } unscored) notScored.Add(new(column.Name, null, unscored.ReasonText));
            else evaluated.Add(column);
        }
        var prepared = timings.Time("prepare", () => PreparedColumns.Prepare(real.Table, synthetic.Table, holdout?.Table,
            new TableMetadata { Columns = evaluated }, new ParallelOptions { CancellationToken = ct }));
        var sides = new SequenceSides(real, synthetic, holdout, prepared);
        var index = sequence.IndexColumn is { } indexName && evaluated.Any(c => c.Name == indexName) ? sides.Column(indexName) : null;
        var context = prepared.Where(c => sequence.ContextColumns.Contains(c.Metadata.Name, StringComparer.Ordinal)).ToArray();
        var steps = prepared.Where(c => !sequence.IsEntityLevel(c.Metadata.Name)).ToArray();
        var numericSteps = steps.Where(c => c.IsNumeric).ToArray();

        var (stepShapes, contextShapes, lengths, indexShape) = timings.Time("shapes", () => (
            steps.Select(c => c.ShapeScore()).ToArray(),
            context.Select(c => ContextShape(sides, c)).ToArray(),
            Lengths(real, synthetic),
            index is null ? null : IndexShape(sides, index)));
        progress?.Report($"Shapes: {stepShapes.Length} step and {contextShapes.Length} context columns, lengths {lengths.Score:F4}");

        var autocorrelations = timings.Time("autocorrelation", () => numericSteps.Select(column =>
        {
            var realAcf = Autocorrelation.MeanOverEntities(sides.EntityValues(column, SequenceSide.Real), options.MaxLag);
            var syntheticAcf = Autocorrelation.MeanOverEntities(sides.EntityValues(column, SequenceSide.Synthetic), options.MaxLag);
            if (Autocorrelation.Similarity(realAcf, syntheticAcf) is { } score) return new AutocorrelationScore(column.Metadata.Name, score, realAcf, syntheticAcf);
            skipped.Add(new(column.Metadata.Name, "autocorrelation",
                "no real sequence defines it: each is constant or has fewer than three present values"));
            return null;
        }).OfType<AutocorrelationScore>().ToArray());

        var crossCorrelations = timings.Time("cross-correlation", () =>
        {
            var pairs = new List<CrossCorrelationScore>();
            for (var i = 0; i < numericSteps.Length; i++)
                for (var j = i + 1; j < numericSteps.Length; j++)
                {
                    ct.ThrowIfCancellationRequested();
                    var (a, b) = (numericSteps[i], numericSteps[j]);
                    var realMean = WithinEntityCorrelation.Mean(sides.EntityValues(a, SequenceSide.Real).Zip(sides.EntityValues(b, SequenceSide.Real)));
                    if (realMean is not { } r)
                    {
                        skipped.Add(new($"{a.Metadata.Name} × {b.Metadata.Name}", "cross-correlation",
                            "no real sequence defines the correlation: one of the columns is constant within every entity"));
                        continue;
                    }
                    var syntheticMean = WithinEntityCorrelation.Mean(sides.EntityValues(a, SequenceSide.Synthetic).Zip(sides.EntityValues(b, SequenceSide.Synthetic)));
                    pairs.Add(new CrossCorrelationScore(a.Metadata.Name, b.Metadata.Name,
                        Math.Clamp(1.0 - Math.Abs(r - (syntheticMean ?? 0.0)) / 2.0, 0.0, 1.0), r, syntheticMean));
                }
            return pairs.ToArray();
        });

        var stepChanges = timings.Time("step changes", () => steps.Select(column =>
        {
            StepChangeScore? change;
            if (column.IsNumeric)
            {
                var realDiffs = StepChanges.Differences(sides.EntityValues(column, SequenceSide.Real));
                var syntheticDiffs = StepChanges.Differences(sides.EntityValues(column, SequenceSide.Synthetic));
                change = realDiffs.Length == 0 ? null
                    : new StepChangeScore(column.Metadata.Name, QualityMetric.KSComplement, KSComplement.Compute(realDiffs, syntheticDiffs), realDiffs.Length, syntheticDiffs.Length);
            }
            else
            {
                var (realCodes, syntheticCodes, count) = StepChanges.Transitions(sides.EntityCodes(column, SequenceSide.Real), sides.EntityCodes(column, SequenceSide.Synthetic));
                change = realCodes.Length == 0 ? null
                    : new StepChangeScore(column.Metadata.Name, QualityMetric.TVComplement, TVComplement.FromCodes(realCodes, syntheticCodes, count), realCodes.Length, syntheticCodes.Length);
            }
            if (change is null)
                skipped.Add(new(column.Metadata.Name, "step changes", "no real sequence has two consecutive present values"));
            return change;
        }).OfType<StepChangeScore>().ToArray());
        progress?.Report($"Autocorrelation {autocorrelations.Length} columns, cross-correlation {crossCorrelations.Length} pairs, step changes {stepChanges.Length} columns");

        var summaries = timings.Time("summaries", () => SequenceSummaries.Build(sides, steps, context, index));
        var featureNames = summaries.Metadata.Columns.Select(c => c.Name).ToArray();
        var (detection, detectionSkip) = SequenceDetectionRun.Run(detector, sides, summaries, prepared, steps, context, index, options, timings, ct);
        if (detection is not null)
            progress?.Report($"Detection on per-sequence summaries: AUC {detection.Best.Auc:F4}, score {detection.Score:F4}");

        var privacy = timings.Time("privacy", () =>
        {
            var copied = CopiedSequences.Count(sides, steps, SequenceSide.Synthetic, SequenceSide.Real);
            int? fromHoldout = holdout is null ? null : CopiedSequences.Count(sides, steps, SequenceSide.Synthetic, SequenceSide.Holdout);
            var dcr = PrivacyEvaluator.Evaluate(summaries.Real, summaries.Synthetic, summaries.Metadata, summaries.Holdout,
                new PrivacyOptions { Seed = options.Seed }, progress: null, ct);
            return new SequencePrivacy(copied, synthetic.Entities.Count, fromHoldout, dcr, featureNames);
        });
        progress?.Report($"Privacy: {privacy.CopiedEntities} of {privacy.SyntheticEntities} synthetic sequences copied, summary DCR median {privacy.Dcr.SyntheticDcr.Median:F4}");

        var plots = SequencePlots.Choose(sides, numericSteps, options.PlottedSequences, options.MaxPlotSteps);
        var parts = new SequencePart[]
        {
            new("step column shapes", MeanOrNull(stepShapes.Select(s => (double?)s.Score)),
                "mean over step columns of KS complement (numbers, datetimes) or TV complement (categories) over all steps"),
            new("context column shapes", MeanOrNull(contextShapes.Select(s => (double?)s.Score)),
                "mean over context columns of their shape over one row per entity"),
            new("sequence lengths", lengths.Score, "1 − min(1, W₁ / s): earth mover's distance between the lengths over s = max(real sd, 0.1 · real mean, 1)"),
            new("sequence index", indexShape?.Score, "mean of the KS complements of each entity's first index value and of the steps between index values"),
            new("autocorrelation", MeanOrNull(autocorrelations.Select(a => (double?)a.Score)),
                $"mean over numeric step columns of 1 − |mean ACF real − synthetic| / 2 averaged over lags 1…{options.MaxLag}"),
            new("cross-correlation", MeanOrNull(crossCorrelations.Select(c => (double?)c.Score)),
                "mean over numeric step column pairs of 1 − |mean within-entity ρ real − synthetic| / 2"),
            new("step changes", MeanOrNull(stepChanges.Select(c => (double?)c.Score)),
                "mean over step columns of KS complement of step-to-step differences or TV complement of category transitions"),
        };
        var overall = MeanOrNull(parts.Select(p => p.Score)) ?? 0.0;
        progress?.Report($"Overall {overall:F4}");
        return new SequenceQualityReport
        {
            Overall = overall, Parts = parts, StepShapes = stepShapes, ContextShapes = contextShapes, Lengths = lengths, Index = indexShape,
            Autocorrelations = autocorrelations, CrossCorrelations = crossCorrelations, StepChanges = stepChanges,
            Detection = detection, DetectionSkipReason = detectionSkip, Privacy = privacy, NotScored = notScored, SkippedParts = skipped,
            Plots = plots, TableColumns = real.Columns.Columns.Count,
            Audit = new SequenceAudit(options.RealName, options.SyntheticName, holdout is null ? null : options.HoldoutName,
                real.Table.RowCount, synthetic.Table.RowCount, sequence.EntityColumns, sequence.IndexColumn, sequence.ContextColumns,
                options.MaxLag, options.Seed,
                typeof(SequenceEvaluator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
                timings.Stages),
        };
    }

    private static ColumnShapeScore ContextShape(SequenceSides sides, EvaluatedColumn column) => column.IsNumeric
        ? new ColumnShapeScore(column.Metadata.Name, QualityMetric.KSComplement,
            KSComplement.Compute(sides.FirstValues(column, SequenceSide.Real), sides.FirstValues(column, SequenceSide.Synthetic)))
        : new ColumnShapeScore(column.Metadata.Name, QualityMetric.TVComplement,
            TVComplement.FromCodes(sides.FirstCodes(column, SequenceSide.Real), sides.FirstCodes(column, SequenceSide.Synthetic), column.CodeCount));

    private static SequenceLengths Lengths(SequenceSet real, SequenceSet synthetic)
    {
        var r = real.Entities.Select(e => (double)e.Length).ToArray();
        var s = synthetic.Entities.Select(e => (double)e.Length).ToArray();
        var (score, distance, scale) = LengthScore.Compute(r, s);
        return new SequenceLengths(score, r.Length, s.Length, Mean(r), Mean(s),
            real.Entities.Select(e => e.Length).DefaultIfEmpty().Min(), synthetic.Entities.Select(e => e.Length).DefaultIfEmpty().Min(),
            real.Entities.Select(e => e.Length).DefaultIfEmpty().Max(), synthetic.Entities.Select(e => e.Length).DefaultIfEmpty().Max())
        {
            Distance = distance, Scale = scale,
        };
    }

    private static SequenceIndexShape IndexShape(SequenceSides sides, EvaluatedColumn index)
    {
        var start = KSComplement.Compute(sides.FirstValues(index, SequenceSide.Real), sides.FirstValues(index, SequenceSide.Synthetic));
        var step = KSComplement.Compute(StepChanges.Differences(sides.EntityValues(index, SequenceSide.Real)),
            StepChanges.Differences(sides.EntityValues(index, SequenceSide.Synthetic)));
        return new SequenceIndexShape(index.Metadata.Name, (start + step) / 2, start, step);
    }

    private static double Mean(double[] values) => values.Length == 0 ? 0 : values.Average();

    private static double? MeanOrNull(IEnumerable<double?> values)
    {
        var present = values.OfType<double>().ToArray();
        return present.Length == 0 ? null : present.Average();
    }
}
