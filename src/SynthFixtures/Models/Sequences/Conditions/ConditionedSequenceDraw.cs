using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;

namespace SynthFixtures.Models.Sequences.Conditions;

/// <summary>
/// Draws a sample's entities under step conditions by rejection at the entity level: entity <c>i</c>'s attempt <c>a</c>
/// takes its context, length and start from row <c>i</c> of context round <c>a</c> (<see cref="ContextRounds"/>) and
/// its steps from stream <c>i</c> of attempt <c>a</c>'s step stream (attempt 0: the sample's own step stream, as
/// without step conditions), with a <see cref="SequenceStepFilter"/> so the step model stops at a failed first step and
/// redraws failed later steps under <see cref="StepScope.Every"/>. The first attempt that meets every condition is
/// kept. Whatever an entity is depends only on the seed and <c>i</c>, so the sample is the same for any thread count
/// and chunk size, and its first k entities are a sample of k.
/// </summary>
internal sealed class ConditionedSequenceDraw(SequenceModel model, SequenceSampler sampler, CompiledStepConditions conditions, StepConditionTally? tally)
{
    private sealed record Attempt(SampledTable Context, int Length, double Start, SampledTable Steps);

    public IEnumerable<SampledSequences> Draw(long entities, ContextRounds rounds, SynthRandom root, SamplingOptions options, CancellationToken cancellationToken)
    {
        var steps = root.Derive("sequence-steps");
        var attemptSteps = root.Derive("sequence-steps-attempt");
        var keys = root.Derive("sequence-keys");
        var gaps = root.Derive("sequence-gaps");
        var generated = root.Derive("sequence-generated");
        var numbering = new EntityKeyNumbering(model.EntityKeys);
        long row = 0;
        var budget = ConditionErrors.Budget(options, entities);
        // Each entity may take many times its share of the budget, so a few unlucky entities do not end a feasible sample.
        var perEntity = Math.Max(1, 20 * budget / Math.Max(1, entities));
        var perChunk = (int)Math.Clamp(options.ChunkRows / (long)Math.Max(1, model.Context.MaxLength), 1, SynthModel.SampleBlockRows);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? -1, CancellationToken = cancellationToken };
        long attempts = 0, accepted = 0;
        for (long first = 0; first < entities;)
        {
            var count = (int)Math.Min(perChunk, entities - first);
            var kept = new Attempt?[count];
            var live = Enumerable.Range(0, count).ToArray();
            long chunkAttempts = 0, redrawn = 0;
            for (var round = 0; live.Length > 0; round++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (round >= perEntity || attempts + chunkAttempts >= budget)
                    throw TooRare(accepted + count - live.Length, attempts + chunkAttempts, entities, budget, round >= perEntity ? perEntity : null);
                var contexts = rounds.Rows(round, first, count);
                var lengths = sampler.Lengths(contexts);
                var starts = sampler.Starts(contexts);
                var random = round == 0 ? steps : attemptSteps.Derive(round);
                var tried = new Attempt?[live.Length];
                var redraws = new long[live.Length];
                var firstEntity = first;
                try
                {
                    Parallel.For(0, live.Length, parallel, j =>
                    {
                        var i = live[j];
                        (tried[j], redraws[j]) = Try(contexts, i, lengths[i], starts?[i] ?? double.NaN, firstEntity + i, random, gaps, cancellationToken);
                    });
                }
                catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
                {
                    // One error, as a single-threaded run would have thrown it.
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
                    throw;
                }
                chunkAttempts += live.Length;
                redrawn += redraws.Sum();
                for (var j = 0; j < live.Length; j++)
                    if (tried[j] is { } met) kept[live[j]] = met;
                live = live.Where(i => kept[i] is null).ToArray();
            }
            attempts += chunkAttempts;
            accepted += count;
            tally?.Add(chunkAttempts, count, redrawn);
            var assembled = Assemble(kept!, first, steps, keys, numbering, (generated, row), gaps, options, cancellationToken);
            row += assembled.Rows.RowCount;
            yield return assembled;
            first += count;
        }
    }

    /// <summary>One attempt at entity <paramref name="entity"/>: its steps if they meet the conditions, else <c>null</c>; and the steps redrawn.</summary>
    private (Attempt?, long) Try(SampledTable contexts, int row, int length, double start, long entity, SynthRandom random, SynthRandom gaps,
        CancellationToken cancellationToken)
    {
        var context = SampledTable(contexts, row);
        var names = model.StepContextColumns;
        var cells = names.Select(name => context[name].Cells()).ToArray();
        var covariates = model.Covariates is null ? null : new[] { sampler.CovariatesOf(context, length, start, entity, gaps) };
        var filter = conditions.NewFilter();
        var request = new SequenceStepRequest(new Table(names, cells), [length], entity, random, covariates, filter);
        var steps = model.StepModel.SampleSteps(request, cancellationToken);
        var met = filter.Abandoned == 0 && conditions.Meets(steps, 0, length);
        return (met ? new Attempt(context, length, start, steps) : null, filter.Redrawn);
    }

    private SampledSequences Assemble(Attempt[] kept, long first, SynthRandom steps, SynthRandom keys, EntityKeyNumbering numbering,
        (SynthRandom Stream, long FirstRow) generated, SynthRandom gaps, SamplingOptions options, CancellationToken cancellationToken)
    {
        var contexts = Join(kept.Select(k => k.Context).ToList());
        var stepRows = Join(kept.Select(k => k.Steps).ToList());
        var lengths = kept.Select(k => k.Length).ToArray();
        var starts = model.Context.StartColumn is null ? null : kept.Select(k => k.Start).ToArray();
        var numbers = numbering.Next(contexts, 0, lengths.Length, first, keys);
        return sampler.Build(contexts, 0, lengths, starts, first, numbers, steps, keys, generated, gaps, options, cancellationToken, stepRows);
    }

    private static SampledTable SampledTable(SampledTable table, int row) =>
        new(table.Metadata, table.Columns.Select(c => SampledColumns.Slice(c, row, 1)).ToArray(), 1);

    private static SampledTable Join(IReadOnlyList<SampledTable> parts) =>
        new(parts[0].Metadata, parts[0].Columns.Select((_, c) => SampledColumns.Concat(parts.Select(p => p.Columns[c]).ToList())).ToArray(), parts.Sum(p => p.RowCount));

    private SynthDataException TooRare(long accepted, long attempts, long entities, long budget, long? perEntity)
    {
        var rate = attempts == 0 ? 0 : accepted / (double)attempts;
        var each = string.Join(", ", conditions.Conditions.Select(c => $"'{c}'"));
        var why = perEntity is { } limit
            ? string.Create(CultureInfo.InvariantCulture, $"an entity met no attempt in {limit:N0}")
            : rate > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{entities:N0} entities would need about {entities / rate:N0} attempts, over the budget of {budget:N0}")
                : string.Create(CultureInfo.InvariantCulture, $"none met them within the budget of {budget:N0} attempts");
        return new SynthDataException(
            string.Create(CultureInfo.InvariantCulture, $"The step conditions are too rare: {accepted:N0} of {attempts:N0} entity attempts ({rate:P4}) met {each}; {why}."),
            hint: "Loosen a condition, ask for fewer entities, or raise the candidate budget (SamplingOptions.CandidatesPerRow).");
    }
}
