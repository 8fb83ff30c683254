using SynthFixtures.Transforms;
using SynthFixtures.Transforms.Sequences;

namespace SynthFixtures.Evaluation.Sequences;

/// <summary>
/// The evaluate use case for sequences: reads the tables, settles the metadata on the real rows (given or profiled) and
/// checks the other tables against it, groups each into sequences (<see cref="SequenceSet.From"/>) and compares them
/// (<see cref="SequenceEvaluator"/>).
/// </summary>
public static class SequenceEvaluationService
{
    /// <summary>Runs <paramref name="request"/>.</summary>
    /// <param name="request">What to evaluate and how.</param>
    /// <param name="progress">Receives a line per stage, or <c>null</c>.</param>
    /// <param name="ct">Stops the evaluation.</param>
    /// <exception cref="SynthDataException">No sequence metadata is given, a table is malformed or does not fit the metadata, a sequence column is missing, an entity or index cell is empty or unreadable (with its line), or a setting is out of range.</exception>
    public static SequenceEvaluationResult Evaluate(SequenceEvaluationRequest request, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Check();
        var sequence = request.Sequence ?? request.Metadata?.Sequence ?? throw new SynthDataException(
            "A sequence evaluation needs to know which column names the entity, and neither the request nor the metadata says.",
            hint: "Name the entity column (and the index and context columns), or give metadata with a sequence section.");
        var policy = request.ReadOptions.BadCells;
        ct.ThrowIfCancellationRequested();
        var (real, metadata, issues) = TableCheck.Prepare(request.Metadata, request.Real.Read(request.ReadOptions), policy);
        ct.ThrowIfCancellationRequested();
        var synthetic = TableCheck.Conform(metadata, request.Synthetic.Read(request.ReadOptions), policy);
        var allIssues = issues.Concat(synthetic.Issues).ToList();
        SequenceSet? holdout = null;
        if (request.Holdout is { } holdoutSource)
        {
            ct.ThrowIfCancellationRequested();
            var checkedHoldout = TableCheck.Conform(metadata, holdoutSource.Read(request.ReadOptions), policy);
            allIssues.AddRange(checkedHoldout.Issues);
            holdout = SequenceSet.From(checkedHoldout.Table, metadata, sequence);
        }
        var realSet = SequenceSet.From(real, metadata, sequence);
        var syntheticSet = SequenceSet.From(synthetic.Table, metadata, sequence);
        progress?.Report($"Read {realSet.Entities.Count:N0} real and {syntheticSet.Entities.Count:N0} synthetic sequences");
        var options = request.Options with
        {
            RealName = request.Real.Name,
            SyntheticName = request.Synthetic.Name,
            HoldoutName = request.Holdout?.Name ?? request.Options.HoldoutName,
        };
        var report = SequenceEvaluator.Evaluate(realSet, syntheticSet, holdout, options, request.Detector, progress, ct);
        return new SequenceEvaluationResult { Report = report, CellIssues = allIssues };
    }
}
