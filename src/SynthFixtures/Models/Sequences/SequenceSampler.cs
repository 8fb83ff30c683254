using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;

namespace SynthFixtures.Models.Sequences;

/// <summary>
/// Draws a <see cref="SequenceModel"/>'s entities: contexts, lengths and starts from the context model (row <c>i</c> for
/// entity <c>i</c>, in blocks the context model draws independently of chunking), keys from the entity number, steps from
/// the step model with entity <c>i</c> on its own derived stream, the index from the start. Entities are grouped into
/// chunks of about <see cref="SamplingOptions.ChunkRows"/> steps; a chunk's entities are split over threads.
/// </summary>
internal sealed class SequenceSampler(SequenceModel model)
{
    // Contexts are drawn a block at a time: cheap rows, and the context model's output does not depend on the size.
    private const int ContextChunk = SynthModel.SampleBlockRows;

    /// <summary>Checks the conditions and opens the context sample now, so bad conditions fail before any chunk.</summary>
    public IEnumerable<SampledSequences> Chunks(long entities, long seed, IReadOnlyList<Condition> conditions, SamplingOptions options,
        CancellationToken cancellationToken, IReadOnlyList<Conditions.StepCondition>? stepConditions = null, Conditions.StepConditionTally? tally = null)
    {
        foreach (var condition in conditions) Check(condition);
        var compiled = stepConditions is { Count: > 0 } ? Conditions.CompiledStepConditions.Compile(model, stepConditions) : null;
        EntityKeyNumbering.CheckRoom(model.EntityKeys, entities);
        var root = new SynthRandom(seed);
        var contextOptions = options with { ChunkRows = ContextChunk };
        var contexts = model.ContextModel.SampleChunks(entities, root.Derive("sequence-context").Seed, conditions, contextOptions, cancellationToken);
        if (compiled is null) return Draw(contexts, root, options, cancellationToken);
        var rounds = new Conditions.ContextRounds(model, root, entities, conditions, contextOptions, contexts, cancellationToken);
        return new Conditions.ConditionedSequenceDraw(model, this, compiled, tally).Draw(entities, rounds, root, options, cancellationToken);
    }

    /// <summary>A sample of no entities.</summary>
    public SampledSequences Empty() =>
        new(0, [], new SampledTable(model.Metadata, model.Metadata.Columns.Select(SampledColumns.Empty).ToArray(), 0));

    private void Check(Condition condition)
    {
        var column = condition.Column;
        var sequence = model.Sequence;
        if (model.StepContextColumns.Contains(column, StringComparer.Ordinal)) return;
        var contexts = sequence.ContextColumns.Count == 0 ? "it has none" : "its context columns are " + string.Join(", ", sequence.ContextColumns);
        if (sequence.EntityColumns.Contains(column, StringComparer.Ordinal))
            throw new SynthDataException($"The condition '{condition}' names the entity column '{column}', whose keys are generated, not learned: no condition can choose them.",
                hint: $"Condition on a context column ({contexts}).", columnName: column);
        if (string.Equals(column, sequence.IndexColumn, StringComparison.Ordinal))
            throw new SynthDataException($"The condition '{condition}' names the sequence index '{column}', which is written step by step from each entity's start: this model cannot meet a condition on it.",
                hint: $"Condition on a context column ({contexts}), or filter the sampled steps afterwards.", columnName: column);
        if (model.StepColumns.Any(c => c.Name == column))
            throw new SynthDataException($"The condition '{condition}' names the per-step column '{column}', which holds one value per step, not one per entity: say which steps it applies to.",
                hint: $"Give it as a step condition with a scope: first:{condition} (the entity's first step), every:{condition}, some:{condition} (at least one step) or last:{condition}.", columnName: column);
        throw new SynthDataException($"The condition '{condition}' names '{column}', which is not a column of the sequence model.",
            hint: $"The columns are {string.Join(", ", model.Metadata.Columns.Select(c => c.Name))}; {contexts}.", columnName: column);
    }

    private IEnumerable<SampledSequences> Draw(IEnumerable<SampledTable> contexts, SynthRandom root, SamplingOptions options, CancellationToken cancellationToken)
    {
        var steps = root.Derive("sequence-steps");
        var keys = root.Derive("sequence-keys");
        var numbering = new EntityKeyNumbering(model.EntityKeys);
        var generated = root.Derive("sequence-generated");
        var gaps = root.Derive("sequence-gaps");
        long entity = 0, row = 0;
        foreach (var chunk in contexts)
        {
            var lengths = Lengths(chunk);
            var starts = model.Context.StartColumn is { } start ? NumbersOf(chunk[start], model.Metadata.Find(model.Sequence.IndexColumn!)!) : null;
            var first = 0;
            while (first < chunk.RowCount)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // At least one entity per chunk; then entities while the chunk stays within the step budget.
                var count = 1;
                long total = lengths[first];
                while (first + count < chunk.RowCount && total + lengths[first + count] <= options.ChunkRows) total += lengths[first + count++];
                var numbers = numbering.Next(chunk, first, count, entity, keys);
                yield return Build(chunk, first, lengths.AsSpan(first, count).ToArray(), starts, entity, numbers, steps, keys,
                    (generated, row), gaps, options, cancellationToken);
                row += total;
                entity += count;
                first += count;
            }
        }
    }

    internal int[] Lengths(SampledTable contexts)
    {
        var layout = model.Context;
        var numbers = NumbersOf(contexts[layout.LengthColumn], new ColumnMetadata { Name = layout.LengthColumn, Kind = ColumnKind.Integer });
        return numbers.Select(n => double.IsNaN(n) ? layout.MinLength : (int)Math.Clamp(Math.Round(n), layout.MinLength, layout.MaxLength)).ToArray();
    }

    /// <summary>Each drawn context's index start, or <c>null</c> without an index.</summary>
    internal double[]? Starts(SampledTable contexts) =>
        model.Context.StartColumn is { } start ? NumbersOf(contexts[start], model.Metadata.Find(model.Sequence.IndexColumn!)!) : null;

    /// <summary>
    /// The step covariates of entity <paramref name="entity"/> (its one-row <paramref name="context"/>, length and start),
    /// its own gaps included (covariates that read the index come with a regular index; the others, such as the
    /// position, need no index values).
    /// </summary>
    internal float[] CovariatesOf(SampledTable context, int length, double start, long entity, SynthRandom gaps)
    {
        var skippedAfter = SkippedAfter(context, 0, [length], entity, gaps);
        var index = model.Covariates!.ReadsIndex ? Index([length], [start], 0, null, length, skippedAfter) : null;
        return Covariates(model.Covariates!, index, [length])[0];
    }

    /// <summary>A length or start column's values: drawn as numbers, or as labels (few distinct values) read with <paramref name="parseAs"/>.</summary>
    private static double[] NumbersOf(SampledColumn column, ColumnMetadata parseAs)
    {
        if (column.Numbers is { } numbers) return numbers;
        var values = column.Categories!.Select(label => label is not null && Transforms.ColumnValues.TryParse(label, parseAs, out var value) ? value : double.NaN).ToArray();
        return column.Codes!.Select(code => values[code]).ToArray();
    }

    // drawnSteps: the entities' steps when they were drawn already (under step conditions); null: drawn here.
    internal SampledSequences Build(SampledTable contexts, int first, int[] lengths, double[]? starts, long firstEntity, long[] keyNumbers,
        SynthRandom steps, SynthRandom keys, (SynthRandom Stream, long FirstRow) generated, SynthRandom gaps,
        SamplingOptions options, CancellationToken cancellationToken, SampledTable? drawnSteps = null)
    {
        var total = lengths.Sum();
        var skippedAfter = SkippedAfter(contexts, first, lengths, firstEntity, gaps);
        // Covariates that read the index come with a regular index, laid out before the steps so their covariates are known.
        var index = model.Covariates is { ReadsIndex: true } ? Index(lengths, starts!, first, null, total, skippedAfter) : null;
        var covariates = model.Covariates is null ? null : Covariates(model.Covariates, index, lengths);
        var stepRows = drawnSteps ?? SampleSteps(contexts, first, lengths, firstEntity, steps, covariates, options, cancellationToken);
        var columns = new SampledColumn[model.Metadata.Columns.Count];
        for (var c = 0; c < columns.Length; c++)
        {
            var column = model.Metadata.Columns[c];
            var name = column.Name;
            var keyRecipe = model.EntityKeys.FirstOrDefault(k => k.Column == name);
            if (keyRecipe is { IsLearned: true })
                columns[c] = SampledColumns.Repeat(contexts[name], first, lengths, total);
            else if (keyRecipe is not null)
                columns[c] = new SampledColumn(column, null, texts: SampledColumns.Expand(keyRecipe.KeysOf(keyNumbers, keys.Derive(name)), 0, lengths, total));
            else if (string.Equals(name, model.Sequence.IndexColumn, StringComparison.Ordinal))
                columns[c] = new SampledColumn(column, null, numbers: index ?? Index(lengths, starts!, first, stepRows, total, skippedAfter));
            else if (model.Sequence.ContextColumns.Contains(name, StringComparer.Ordinal))
                columns[c] = SampledColumns.Repeat(contexts[name], first, lengths, total);
            else if (model.GeneratedColumns.FirstOrDefault(g => g.Name == name) is { } spec)
                columns[c] = SequenceGeneratedColumns.Generate(column, spec, lengths, firstEntity, generated.FirstRow, generated.Stream, options, cancellationToken);
            else
                columns[c] = Find(stepRows, name);
        }
        return new SampledSequences(firstEntity, lengths, new SampledTable(model.Metadata, columns, total));
    }

    /// <summary>Each entity's own gaps (<see cref="EntityGapRecipe.Layout"/>) from its drawn count and its own stream; <c>null</c> without them.</summary>
    private long[][]? SkippedAfter(SampledTable contexts, int first, int[] lengths, long firstEntity, SynthRandom gaps)
    {
        if (model.Index.EntityGaps is not { } recipe) return null;
        var counts = NumbersOf(SampledColumns.Slice(contexts[recipe.CountColumn], first, lengths.Length),
            new ColumnMetadata { Name = recipe.CountColumn, Kind = ColumnKind.Integer });
        return lengths.Select((length, i) => recipe.Layout(length, double.IsNaN(counts[i]) ? 0 : (int)Math.Max(0, Math.Round(counts[i])),
            gaps.Derive(firstEntity + i))).ToArray();
    }

    private double[] Index(int[] lengths, double[] starts, int first, SampledTable? stepRows, int total, long[][]? skippedAfter)
    {
        var index = new double[total];
        var sizes = model.Index.StepColumn is { } stepColumn ? Find(stepRows!, stepColumn).Numbers : null;
        var row = 0;
        for (var i = 0; i < lengths.Length; i++)
        {
            model.Index.Write(starts[first + i], sizes is null ? default : sizes.AsSpan(row, lengths[i]), index.AsSpan(row, lengths[i]),
                skippedAfter is null ? default : skippedAfter[i]);
            row += lengths[i];
        }
        return index;
    }

    /// <summary>Each entity's step covariates from its positions and index values (<c>null</c> when they do not read the index).</summary>
    private static float[][] Covariates(Transforms.Sequences.StepCovariates covariates, double[]? index, int[] lengths)
    {
        var result = new float[lengths.Length][];
        var row = 0;
        for (var i = 0; i < lengths.Length; i++)
        {
            result[i] = covariates.Of(index is null ? [] : index.AsSpan(row, lengths[i]), lengths[i]);
            row += lengths[i];
        }
        return result;
    }

    private static SampledColumn Find(SampledTable table, string name) =>
        table.Columns.FirstOrDefault(c => c.Metadata.Name == name)
        ?? throw new InvalidOperationException($"The step model drew no column '{name}'.");

    /// <summary>
    /// The steps of the chunk's entities, split into one request per thread: entity i draws only from its own stream, so
    /// the split changes nothing but the speed.
    /// </summary>
    private SampledTable SampleSteps(SampledTable contexts, int first, int[] lengths, long firstEntity, SynthRandom steps, float[][]? covariates,
        SamplingOptions options, CancellationToken cancellationToken)
    {
        var total = lengths.Sum();
        var contextNames = model.StepContextColumns;
        var threads = Math.Max(1, Math.Min(options.MaxDegreeOfParallelism ?? Environment.ProcessorCount, lengths.Length));
        var parts = new SampledTable[threads];
        var bounds = Enumerable.Range(0, threads + 1).Select(t => (int)((long)lengths.Length * t / threads)).ToArray();
        try
        {
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, t =>
            {
                var from = bounds[t];
                var count = bounds[t + 1] - from;
                var cells = contextNames.Select(name => SampledColumns.Slice(contexts[name], first + from, count).Cells()).ToArray();
                var request = new SequenceStepRequest(new Table(contextNames, cells), lengths.AsSpan(from, count).ToArray(), firstEntity + from, steps,
                    covariates?.AsSpan(from, count).ToArray());
                parts[t] = model.StepModel.SampleSteps(request, cancellationToken);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
        {
            // The first part's error, as a single-threaded run would have thrown it.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
        var expected = parts.Select((p, t) => lengths.AsSpan(bounds[t], bounds[t + 1] - bounds[t]).ToArray().Sum()).ToArray();
        for (var t = 0; t < threads; t++)
            if (parts[t].RowCount != expected[t])
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"The {model.Kind} step model drew {parts[t].RowCount} steps for entities whose lengths add up to {expected[t]}."));
        if (threads == 1) return parts[0];
        var columns = parts[0].Columns.Select((column, c) => SampledColumns.Concat(parts.Select(p => p.Columns[c]).ToList())).ToArray();
        return new SampledTable(parts[0].Metadata, columns, total);
    }
}
