using SynthFixtures.Data;
using SynthFixtures.Data.Files;
using SynthFixtures.Modeling.Plans;
using SynthFixtures.Modeling.PrivacyFilters;
using SynthFixtures.Modeling.Replacing;
using SynthFixtures.Sampling;
using SynthFixtures.Sampling.Expressions;

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
/// A <see cref="SamplingRequest.Shard"/> writes only its run of whole blocks, drawn without the rows before it
/// (<see cref="Models.SynthModel.SampleRange"/>), so independent processes write the parts of one sample; the format
/// (<see cref="SamplingRequest.Format"/>) is CSV unless the request names another.
/// A plan (<see cref="SamplingRequest.Plan"/>) draws several requests one after the other into the same file, each from
/// its own seed (<see cref="PlanSample"/>). Replace rules (<see cref="SamplingRequest.Replacements"/>) are bound to the
/// model before anything is drawn and rewrite each chunk as it is drawn (and filtered), before the steps; the rows each
/// rule touched are counted in the result.
/// </summary>
public static class SamplingService
{
    /// <summary>Samples <see cref="SamplingRequest.Rows"/> rows (or the shard's part of them) into <see cref="SamplingRequest.OutputPath"/>.</summary>
    /// <param name="request">Model, rows, seed, conditions, output.</param>
    /// <param name="cancellationToken">Checked between chunks and inside their parallel work.</param>
    /// <exception cref="SynthDataException">
    /// Impossible or too rare conditions, a thread count below one, a sample larger than the output disk's free space
    /// (estimated from the first chunk), a shard that is not one of its count, a shard with privacy filters or with
    /// conditions checked row by row, or an output that could not be written; the target is untouched.
    /// </exception>
    /// <exception cref="OperationCanceledException">Cancelled; the target is untouched and no temporary file is left.</exception>
    public static SamplingResult Run(SamplingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Model);
        ArgumentException.ThrowIfNullOrEmpty(request.OutputPath);
        if (request.Rows < 0)
            throw new SynthDataException($"The row count must be zero or more, not {request.Rows}.", hint: "Ask for the number of rows to sample, e.g. 1000.");
        ArgumentNullException.ThrowIfNull(request.Format);
        request.Shard?.Check();
        CheckPlan(request);
        var files = new OutputFiles();
        if (request.Shard is { Count: > 1 } shard) return RunShard(request, shard, files, cancellationToken);
        if (request.PrivacyFilter is { } filtering) return RunFiltered(request, filtering, files, cancellationToken);
        // Planning and opening the sample check the conditions and settings before any file is touched.
        var model = request.Model;
        var tallies = request.Plan is { } plan ? plan.Requests.Select(_ => new ConditionTally()).ToArray() : [new ConditionTally()];
        ConditionPlan? conditionPlan = null;
        var chunks = Open(request, tallies, (rows, seed, conditions, where, options, tally) =>
        {
            var planned = model.PlanConditions(where, conditions);
            conditionPlan ??= planned;
            return model.SampleChunksWhere(rows, seed, planned, options, tally, cancellationToken);
        });
        var rules = BindRules(request);
        var target = Write(request, chunks, rules, 0, request.Rows, files, addOutputs: null, cancellationToken);
        var conditioned = request.Plan is null && (request.Conditions.Count > 0 || !string.IsNullOrWhiteSpace(request.Where));
        return new SamplingResult(request.Rows, target, new FileInfo(target).Length)
        {
            Plan = Outcomes(request, tallies), Replacements = rules?.Outcomes(),
            Conditions = conditioned ? conditionPlan : null, Candidates = conditioned ? tallies[0] : null,
        };
    }

    private static SamplingResult RunShard(SamplingRequest request, SampleShard shard, OutputFiles files, CancellationToken cancellationToken)
    {
        var (firstRow, rows) = shard.RowsOf(request.Rows);
        if (request.PrivacyFilter is not null)
            throw new SynthDataException("A sample with privacy filters cannot be split into shards: the filters drop candidates and refill in order, so each shard's rows would depend on every shard before it.",
                hint: "Draw a filtered sample in one run.");
        if (request.Plan is not null)
            throw new SynthDataException("A generation plan cannot be split into shards: its requests follow one another, so each shard's rows would depend on every request before it.",
                hint: "Draw each request of the plan as its own sharded sample, or draw the plan in one run.");
        var planned = request.Model.PlanConditions(request.Where, request.Conditions);
        if (planned.Filter is not null)
            throw new SynthDataException($"The condition '{request.Where}' is partly checked row by row, so which rows a shard holds would depend on every candidate drawn before it: the sample cannot be split into shards.",
                hint: "Draw a conditional sample in one run; only conditions the model meets itself (no row-by-row checks) can be drawn in parts.");
        var chunks = request.Model.SampleRange(firstRow, rows, request.Seed, planned.Pushed, request.Options, cancellationToken);
        var rules = BindRules(request);
        var target = Write(request, chunks, rules, firstRow, rows, files, addOutputs: null, cancellationToken);
        return new SamplingResult(rows, target, new FileInfo(target).Length) { Replacements = rules?.Outcomes() };
    }

    private static void CheckPlan(SamplingRequest request)
    {
        if (request.Plan is not { } plan) return;
        if (plan.TotalRows != request.Rows)
            throw new ArgumentException($"The plan's requests add up to {plan.TotalRows} rows, but the request asks for {request.Rows}.", nameof(request));
        if (request.Conditions.Count > 0 || !string.IsNullOrWhiteSpace(request.Where))
            throw new ArgumentException("A request with a plan carries its conditions in the plan's requests.", nameof(request));
    }

    /// <summary>Draws rows under conditions and a row expression (<c>null</c>: none), counting candidates in the tally when one is given.</summary>
    private delegate IEnumerable<SampledTable> Draw(long rows, long seed, IReadOnlyList<Condition> conditions, string? where, SamplingOptions options,
        ConditionTally? tally);

    /// <summary>
    /// The sample's chunks: one draw of <see cref="SamplingRequest.Rows"/> rows, or the plan's requests one after the
    /// other, request i counted in <paramref name="tallies"/>[i].
    /// </summary>
    private static IEnumerable<SampledTable> Open(SamplingRequest request, ConditionTally[]? tallies, Draw draw)
    {
        if (request.Plan is not { } plan) return draw(request.Rows, request.Seed, request.Conditions, request.Where, request.Options, tallies?[0]);
        var index = 0;
        return PlanSample.Chunks(plan, request.Seed, request.Options,
            (planned, seed, options) => draw(planned.Count, seed, planned.Conditions, planned.Where, options, tallies?[index++]));
    }

    /// <summary>The request's replace rules bound to the model's columns and labels (read from an empty sample), or <c>null</c> without rules.</summary>
    private static ReplaceRuleSet? BindRules(SamplingRequest request) => request.Replacements.Count == 0 ? null
        : ReplaceRuleSet.Bind(request.Replacements, request.Model.Sample(0, request.Seed, options: request.Options));

    private static IReadOnlyList<PlanRequestOutcome>? Outcomes(SamplingRequest request, ConditionTally[]? tallies) =>
        request.Plan is { } plan ? PlanSample.Outcomes(plan, tallies) : null;

    /// <summary>
    /// Writes the chunks (sample rows <paramref name="firstRow"/> on, <paramref name="rows"/> of them) through the
    /// request's steps into the output and commits it with the steps' files and <paramref name="addOutputs"/>'s; every
    /// step hears once whether the sample was written. Returns the sample's full path.
    /// </summary>
    private static string Write(SamplingRequest request, IEnumerable<SampledTable> chunks, ReplaceRuleSet? rules, long firstRow, long rows, OutputFiles files,
        Action<OutputFiles>? addOutputs, CancellationToken cancellationToken)
    {
        var written = false;
        try
        {
            var tables = ThroughSteps(rules is null ? chunks : chunks.Select(rules.Apply), firstRow, request.Steps, cancellationToken);
            var sample = new SampleFileContext(request.Model.Metadata, rows, request.Shard, request.Options);
            files.Add(request.OutputPath, request.Format.Description, path => request.Format.Write(tables, sample, path, cancellationToken));
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

    private static IEnumerable<Table> ThroughSteps(IEnumerable<SampledTable> chunks, long firstRow, IReadOnlyList<ISampleStep> steps,
        CancellationToken cancellationToken)
    {
        foreach (var chunk in chunks)
        {
            var table = chunk.ToTable();
            foreach (var step in steps) table = step.Apply(table, firstRow, cancellationToken);
            firstRow += table.RowCount;
            yield return table;
        }
    }

    private static SamplingResult RunFiltered(SamplingRequest request, PrivacyFilterRequest filtering, OutputFiles files, CancellationToken cancellationToken)
    {
        if (request.Options.MaxDegreeOfParallelism is <= 0)
            throw new SynthDataException($"The thread count must be 1 or more, not {request.Options.MaxDegreeOfParallelism}.",
                hint: "Leave it unset to use every core.");
        if (request.Rows > int.MaxValue)
            throw new SynthDataException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"A sample with privacy filters holds at most {int.MaxValue:N0} rows, not {request.Rows:N0}: the filters measure every candidate against the reference."),
                hint: "Ask for fewer rows, or sample the rest without the filters.");
        var filter = PrivacyFilter.Fit(filtering.Reference, filtering.Holdout, request.Model.Metadata, filtering.Options,
            request.Options.MaxDegreeOfParallelism, cancellationToken);
        var tally = new FilterTally();
        var chunks = Open(request, null, (rows, seed, conditions, where, options, _) =>
            FilteredSample.Chunks(request.Model, (int)rows, seed, request.Model.PlanConditions(where, conditions), options, filter, filtering.Options, tally,
                cancellationToken));
        var rules = BindRules(request);
        string? summaryTarget = null;
        var target = Write(request, chunks, rules, 0, request.Rows, files, outputs =>
        {
            // Written after the sample, so the counts are final.
            if (filtering.SummaryPath is not { } summaryPath) return;
            outputs.Add(summaryPath, "privacy filter summary", path => File.WriteAllText(path, PrivacyFilterSummaryJson.Write(tally.Summarize(filter))));
            summaryTarget = outputs.Targets.Last();
        }, cancellationToken);
        return new SamplingResult(request.Rows, target, new FileInfo(target).Length, tally.Summarize(filter), summaryTarget)
        {
            Plan = Outcomes(request, null), Replacements = rules?.Outcomes(),
        };
    }
}
