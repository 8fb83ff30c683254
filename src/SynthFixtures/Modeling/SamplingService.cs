using SynthFixtures.Data;
using SynthFixtures.Data.Files;
using SynthFixtures.Modeling.PrivacyFilters;
using SynthFixtures.Sampling;

namespace SynthFixtures.Modeling;

/// <summary>
/// Samples a model into a CSV file as the rows are drawn: chunk by chunk (<see cref="SamplingOptions.ChunkRows"/>),
/// each chunk formatted and written before the next is kept, so memory stays flat for any row count and the file is
/// byte-identical to writing the whole sample at once. The file appears whole or not at all: it is written under a
/// temporary name in the target folder and moved into place when complete; a cancellation, a condition too rare for
/// its budget or an I/O error deletes the temporary file and leaves an earlier file of the target name as it was.
/// With privacy filters (<see cref="SamplingRequest.PrivacyFilter"/>) the filter is fitted from the reference first,
/// candidate rows are drawn and filtered as they stream (<see cref="FilteredSample"/>), and the summary of what was
/// dropped is written with the sample. Steps (<see cref="SamplingRequest.Steps"/>, e.g. LLM-written text columns) rewrite
/// each chunk after it is drawn (and filtered) and before it is written, and their files are written with the sample.
/// </summary>
public static class SamplingService
{
    /// <summary>Samples <see cref="SamplingRequest.Rows"/> rows into <see cref="SamplingRequest.OutputPath"/>.</summary>
    /// <param name="request">Model, rows, seed, conditions, output.</param>
    /// <param name="cancellationToken">Checked between chunks and inside their parallel work.</param>
    /// <exception cref="SynthDataException">
    /// Impossible or too rare conditions, a thread count below one, a sample larger than the output disk's free space
    /// (estimated from the first chunk), or an output that could not be written; the target is untouched.
    /// </exception>
    /// <exception cref="OperationCanceledException">Cancelled; the target is untouched and no temporary file is left.</exception>
    public static SamplingResult Run(SamplingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Model);
        ArgumentException.ThrowIfNullOrEmpty(request.OutputPath);
        if (request.Rows < 0)
            throw new SynthDataException($"The row count must be zero or more, not {request.Rows}.", hint: "Ask for the number of rows to sample, e.g. 1000.");
        var files = new OutputFiles();
        // Planning and opening the sample check the conditions and settings before any file is touched.
        var plan = request.Model.PlanConditions(request.Where, request.Conditions);
        var conditioned = request.Conditions.Count > 0 || !string.IsNullOrWhiteSpace(request.Where);
        if (request.PrivacyFilter is { } filtering) return RunFiltered(request, plan, filtering, files, cancellationToken) with { Conditions = conditioned ? plan : null };
        var tally = new ConditionTally();
        var chunks = request.Model.SampleChunksWhere(request.Rows, request.Seed, plan, request.Options, tally, cancellationToken);
        var target = Write(request, chunks, files, addOutputs: null, cancellationToken);
        return new SamplingResult(request.Rows, target, new FileInfo(target).Length)
        {
            Conditions = conditioned ? plan : null,
            Candidates = conditioned ? tally : null,
        };
    }

    /// <summary>
    /// Writes the chunks through the request's steps into the output and commits it with the steps' files and
    /// <paramref name="addOutputs"/>'s; every step hears once whether the sample was written. Returns the sample's full path.
    /// </summary>
    private static string Write(SamplingRequest request, IEnumerable<SampledTable> chunks, OutputFiles files, Action<OutputFiles>? addOutputs,
        CancellationToken cancellationToken)
    {
        var written = false;
        try
        {
            var tables = ThroughSteps(chunks, request.Steps, cancellationToken);
            files.Add(request.OutputPath, "synthetic CSV", path => CsvSampleWriter.Write(tables, request.Rows, request.Model.Metadata, path, request.Options, cancellationToken));
            var target = files.Targets.First();
            foreach (var step in request.Steps) step.AddOutputs(target, files);
            addOutputs?.Invoke(files);
            files.Commit(cancellationToken);
            written = true;
            return target;
        }
        finally
        {
            foreach (var step in request.Steps) step.Ended(written);
        }
    }

    private static IEnumerable<Table> ThroughSteps(IEnumerable<SampledTable> chunks, IReadOnlyList<ISampleStep> steps, CancellationToken cancellationToken)
    {
        long firstRow = 0;
        foreach (var chunk in chunks)
        {
            var table = chunk.ToTable();
            foreach (var step in steps) table = step.Apply(table, firstRow, cancellationToken);
            firstRow += table.RowCount;
            yield return table;
        }
    }

    private static SamplingResult RunFiltered(SamplingRequest request, Sampling.Expressions.ConditionPlan plan, PrivacyFilterRequest filtering, OutputFiles files,
        CancellationToken cancellationToken)
    {
        if (request.Options.MaxDegreeOfParallelism is <= 0)
            throw new SynthDataException($"The thread count must be 1 or more, not {request.Options.MaxDegreeOfParallelism}.",
                hint: "Leave it unset to use every core.");
        var filter = PrivacyFilter.Fit(filtering.Reference, filtering.Holdout, request.Model.Metadata, filtering.Options,
            request.Options.MaxDegreeOfParallelism, cancellationToken);
        var tally = new FilterTally();
        var chunks = FilteredSample.Chunks(request.Model, request.Rows, request.Seed, plan, request.Options,
            filter, filtering.Options, tally, cancellationToken);
        string? summaryTarget = null;
        var target = Write(request, chunks, files, outputs =>
        {
            // Written after the sample, so the counts are final.
            if (filtering.SummaryPath is not { } summaryPath) return;
            outputs.Add(summaryPath, "privacy filter summary", path => File.WriteAllText(path, PrivacyFilterSummaryJson.Write(tally.Summarize(filter))));
            summaryTarget = outputs.Targets.Last();
        }, cancellationToken);
        return new SamplingResult(request.Rows, target, new FileInfo(target).Length, tally.Summarize(filter), summaryTarget);
    }
}
