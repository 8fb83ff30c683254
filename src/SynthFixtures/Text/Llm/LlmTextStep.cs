using Microsoft.Extensions.AI;
using SynthFixtures.Data;
using SynthFixtures.Data.Files;
using SynthFixtures.Modeling;
using SynthFixtures.Randomness;

namespace SynthFixtures.Text.Llm;

/// <summary>
/// The sampling step that has an LLM write text columns: for each row, the column's prompt is rendered from the row's
/// other (synthetic) cells, N candidates are asked for (from the replay cache when it holds them), and the best by the
/// scorer is kept. Rows go in batches whose calls run concurrently up to a limit; the choice within a batch is made in
/// row order after all its responses are in, and every call's seed derives from the sampling seed and the row, so the
/// text does not depend on timing. Between batches the budget is checked: once reached, the remaining cells of every
/// LLM column are left missing and the outcome says where it stopped. The run record and the updated cache are written
/// with the sample; a run that fails still keeps the responses it paid for in the cache. A step serves one sample.
/// </summary>
public sealed class LlmTextStep : ISampleStep
{
    private readonly LlmTextRequest _request;
    private readonly LlmColumnState[] _columns;
    private readonly SemaphoreSlim _gate;
    private readonly SynthRandom _random;
    private readonly IReadOnlyList<string> _columnNames;
    private readonly Dictionary<string, int> _columnIndex;
    private bool _savedWithSample;
    private string? _stoppedBy;

    /// <summary>Checks the request against the sample's columns before anything is drawn.</summary>
    /// <param name="request">The LLM columns and how calls are made.</param>
    /// <param name="columns">The sample's columns, in order.</param>
    /// <param name="wordCountQuantiles">The model's word-count quantiles of a text column, where it knows them (for the default scorer).</param>
    /// <exception cref="SynthDataException">
    /// An unknown or repeated column, a template error, real examples without <see cref="LlmTextColumn.SendRealRowsToLlm"/>,
    /// a money cap without a price, or settings out of range.
    /// </exception>
    public LlmTextStep(LlmTextRequest request, IReadOnlyList<string> columns, Func<string, IReadOnlyList<double>?>? wordCountQuantiles = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(columns);
        request.Policy.Check();
        if (request.Columns.Count == 0) throw new SynthDataException("No LLM column is given.", hint: "Name the column the LLM writes and its prompt.");
        if (request.Budget.MaxCost is not null && request.Price is null)
            throw new SynthDataException("A money cap on LLM spend needs the model's price.", hint: "Give the price per million input and output tokens, or cap tokens instead.");
        foreach (var spec in request.Columns) Check(spec, columns);
        var repeated = request.Columns.GroupBy(c => c.Column).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
            throw new SynthDataException($"The LLM column '{repeated.Key}' is given twice.", hint: "Give each column one definition.", columnName: repeated.Key);
        _request = request;
        _columns = request.Columns.Select(c => new LlmColumnState(c, columns, wordCountQuantiles?.Invoke(c.Column))).ToArray();
        _gate = new SemaphoreSlim(request.Policy.Concurrency);
        _random = new SynthRandom(request.Seed);
        _columnNames = columns.ToArray();
        _columnIndex = _columnNames.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>The model as named in settings.</summary>
    public string Model => _request.Chat.Model;

    /// <summary>The columns the LLM writes, in order.</summary>
    public IReadOnlyList<string> Columns => _columns.Select(c => c.Spec.Column).ToList();

    /// <summary>How the replay cache is used, or <c>null</c> without one.</summary>
    public LlmCacheMode? CacheMode => _request.Cache?.Mode;

    /// <summary>Whether the budget stopped the run before every cell was written.</summary>
    public bool Stopped => _stoppedBy is not null;

    /// <summary>What the run did so far (final once the sample is written or failed).</summary>
    public LlmRunRecord Outcome()
    {
        var price = _request.Price;
        var columns = _columns.Select(s => new LlmColumnOutcome(
            new LlmUsage(s.Spec.Column, _request.Chat.Model, s.Rows, s.Calls, s.Replayed, s.InputTokens, s.OutputTokens,
                price?.Of(s.InputTokens, s.OutputTokens), price?.Currency),
            s.RequestedRows, s.Rejected, s.Skipped, s.StoppedAtRow, s.Spec.Candidates, s.SpentInputTokens, s.SpentOutputTokens)).ToList();
        var total = new LlmTotal(_columns.Sum(s => s.Rows), _columns.Sum(s => s.Calls), _columns.Sum(s => s.Replayed),
            _columns.Sum(s => s.InputTokens), _columns.Sum(s => s.OutputTokens),
            price?.Of(_columns.Sum(s => s.InputTokens), _columns.Sum(s => s.OutputTokens)),
            price?.Of(_columns.Sum(s => s.SpentInputTokens), _columns.Sum(s => s.SpentOutputTokens)), price?.Currency);
        var complete = _stoppedBy is null && _columns.All(s => s.Rejected == 0);
        return new LlmRunRecord(LlmRunRecordJson.Format, _request.Chat.Model, _request.Seed, complete, _stoppedBy,
            _request.Budget == LlmBudget.None ? null : _request.Budget,
            _request.Cache is { } cache ? new LlmCacheUse(cache.Path, cache.Mode.ToString().ToLowerInvariant()) : null,
            columns, total, _columns.SelectMany(s => s.RowUsage).ToList());
    }

    /// <inheritdoc />
    public Table Apply(Table chunk, long firstRow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (!chunk.ColumnNames.SequenceEqual(_columnNames))
            throw new InvalidOperationException("The chunk's columns are not the ones the LLM step was prepared for.");
        var cells = Enumerable.Range(0, chunk.ColumnCount).Select(c => chunk.Column(c).ToArray()).ToArray();
        foreach (var state in _columns)
        {
            if (state.Examples is null) state.TakeExamplesFrom(chunk);
            var column = chunk.IndexOf(state.Spec.Column);
            state.RequestedRows += chunk.RowCount;
            for (var start = 0; start < chunk.RowCount; start += _request.Policy.BatchRows)
            {
                var end = Math.Min(chunk.RowCount, start + _request.Policy.BatchRows);
                if (_stoppedBy is null && _request.Budget.Reached(SpentTokens(), SpentCost())) _stoppedBy = "budget";
                if (_stoppedBy is not null)
                {
                    state.StoppedAtRow ??= firstRow + start;
                    for (var r = start; r < end; r++) cells[column][r] = null;
                    state.Skipped += end - start;
                    continue;
                }
                WriteBatch(state, cells, column, firstRow, start, end, cancellationToken);
            }
        }
        return new Table(chunk.ColumnNames, cells, chunk.MissingTokens);
    }

    /// <inheritdoc />
    public void AddOutputs(string samplePath, OutputFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        // Written after the sample, so the tallies are final.
        files.Add(_request.RunRecordPath ?? LlmRunRecordJson.DefaultPathFor(samplePath), "LLM run record", path => File.WriteAllText(path, LlmRunRecordJson.Write(Outcome())));
        // A locked cache never changes, so it is only read (it is committed beside the lock file). Another is written
        // after the sample, when its calls are made: with its new responses, or as it was.
        if (_request.Cache is { Mode: not LlmCacheMode.Locked } cache)
        {
            files.Add(cache.Path, "LLM replay cache", path =>
            {
                if (cache.Changed || !File.Exists(cache.Path)) File.WriteAllText(path, cache.ToJson());
                else File.Copy(cache.Path, path, overwrite: true);
            });
            _savedWithSample = true;
        }
    }

    /// <inheritdoc />
    public void Ended(bool written)
    {
        // The sample failed (or was cancelled) after paid calls: keep their responses, so a rerun replays them.
        if (!(written && _savedWithSample) && _request.Cache is { Changed: true } cache) cache.Save();
    }

    private long SpentTokens() => _columns.Sum(s => s.SpentInputTokens + s.SpentOutputTokens);

    private decimal? SpentCost() => _request.Price?.Of(_columns.Sum(s => s.SpentInputTokens), _columns.Sum(s => s.SpentOutputTokens));

    private void WriteBatch(LlmColumnState state, string?[][] cells, int column, long firstRow, int start, int end, CancellationToken cancellationToken)
    {
        var spec = state.Spec;
        var template = state.Template;
        var calls = new List<Task<LlmResponse>>();
        var prompts = new string[end - start];
        // The first failure cancels the batch's other calls: the sample fails anyway, so they would be paid for nothing.
        using var batch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        for (var r = start; r < end; r++)
        {
            var row = r;
            prompts[r - start] = template.Render(c => cells[c][row]);
            var messages = state.MessagesFor(prompts[r - start]);
            for (var k = 0; k < spec.Candidates; k++)
                calls.Add(CancelOnFailure(CallAsync(state, messages, prompts[r - start], firstRow + r, k, batch.Token), batch));
        }
        LlmResponse[] responses;
        try
        {
            responses = Task.WhenAll(calls).GetAwaiter().GetResult();
        }
        catch (Exception) when (calls.FirstOrDefault(c => c.Exception?.InnerException is not null and not OperationCanceledException) is { } failed)
        {
            // Report the first real failure in row order, not a call it cancelled nor the first to complete.
            failed.GetAwaiter().GetResult();
            throw;
        }
        for (var r = start; r < end; r++)
        {
            var row = firstRow + r;
            var mine = responses.AsSpan((r - start) * spec.Candidates, spec.Candidates).ToArray();
            var kept = Choose(state, mine, row, cells, r);
            cells[column][r] = kept is { } keptIndex ? mine[keptIndex].Text : null;
            if (kept is { } index)
            {
                state.Rows++;
                state.Written.Add(LlmColumnState.Normalise(mine[index].Text));
            }
            else state.Rejected++;
            var input = mine.Sum(m => m.InputTokens);
            var output = mine.Sum(m => m.OutputTokens);
            var live = mine.Where(m => !m.Replayed).ToList();
            state.Calls += live.Count;
            state.Replayed += mine.Length - live.Count;
            state.InputTokens += input;
            state.OutputTokens += output;
            state.SpentInputTokens += live.Sum(m => m.InputTokens);
            state.SpentOutputTokens += live.Sum(m => m.OutputTokens);
            state.RowUsage.Add(new LlmRowUsage(spec.Column, row, live.Count, mine.Length - live.Count, input, output,
                _request.Price?.Of(input, output), kept));
        }
    }

    private static async Task<LlmResponse> CancelOnFailure(Task<LlmResponse> call, CancellationTokenSource batch)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await batch.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    private int? Choose(LlmColumnState state, LlmResponse[] responses, long row, string?[][] cells, int r)
    {
        // Ties go to the earlier candidate in a seeded order, so no candidate index is favoured.
        var order = Enumerable.Range(0, responses.Length).ToArray();
        var shuffle = _random.Derive("llm-order:" + state.Spec.Column).Derive(row);
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = shuffle.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        int? best = null;
        var bestScore = double.NegativeInfinity;
        foreach (var k in order)
        {
            var text = responses[k].Text;
            var candidate = new LlmCandidate(state.Spec.Column, row, k, text, NgramIndex.Words(text).Count,
                state.Written.Contains(LlmColumnState.Normalise(text)), state.Decontamination?.SharedFraction(text) ?? 0, state.Quantiles,
                name => _columnIndex.TryGetValue(name, out var c) ? cells[c][r] : null);
            if (state.Scorer.Score(candidate) is not { } score || double.IsNaN(score)) continue;
            if (best is null || score > bestScore)
            {
                best = k;
                bestScore = score;
            }
        }
        return best;
    }

    private async Task<LlmResponse> CallAsync(LlmColumnState state, List<ChatMessage> messages, string prompt, long row, int candidate,
        CancellationToken cancellationToken)
    {
        var spec = state.Spec;
        var seeds = _random.Derive("llm:" + spec.Column).Derive(row).Derive(candidate);
        var options = new ChatOptions
        {
            Temperature = spec.Temperature,
            MaxOutputTokens = spec.MaxOutputTokens,
            // 31 bits: every provider takes a seed of that size.
            Seed = (long)(seeds.NextUInt64() >> 33),
        };
        var key = LlmReplayCache.Key(_request.Chat.Model, messages, options, candidate);
        var where = $"row {row + 1} of column '{spec.Column}'" + (spec.Candidates > 1 ? $" (candidate {candidate + 1})" : "");
        var cache = _request.Cache;
        if (cache is not null && cache.Mode != LlmCacheMode.Record && cache.Find(key) is { } hit)
            return new LlmResponse(hit.Text, hit.InputTokens, hit.OutputTokens, Replayed: true);
        if (cache is { Mode: LlmCacheMode.Locked })
            throw new SynthDataException($"The locked LLM replay cache has no response for {where}.", cache.Path, columnName: spec.Column,
                hint: "Record the missing responses (replay mode, with the LLM reachable) and commit the cache, or restore the inputs it was " +
                      "recorded with: model, prompt, examples, parameters, seed and row count.");
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        ChatResponse response;
        try
        {
            response = await LlmCall.WithRetriesAsync(_request.Chat, messages, options, _request.Policy, seeds.Derive("retry"), where, cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
        var text = response.Text.Trim();
        var input = response.Usage?.InputTokenCount ?? 0;
        var output = response.Usage?.OutputTokenCount ?? 0;
        cache?.Store(new LlmCacheEntry(key, _request.Chat.Model, spec.Column, row, candidate, prompt, text, input, output));
        return new LlmResponse(text, input, output, Replayed: false);
    }

    private static void Check(LlmTextColumn spec, IReadOnlyList<string> columns)
    {
        if (!columns.Contains(spec.Column))
            throw new SynthDataException($"The LLM column '{spec.Column}' is not a column of the sample.", columnName: spec.Column,
                hint: $"Name one of: {string.Join(", ", columns.Take(20))}.");
        if (spec.Examples.Real && !spec.SendRealRowsToLlm)
            throw new SynthDataException($"The LLM column '{spec.Column}' has few-shot examples from real rows, which would send them to the LLM service.",
                columnName: spec.Column,
                hint: "Use synthetic examples (written by hand or the sample's own rows), or allow real rows to leave the machine with the column's send-real-rows-to-llm setting.");
        if (spec.Candidates is < 1 or > 16)
            throw new SynthDataException($"The LLM column '{spec.Column}' asks for {spec.Candidates} candidates per row; it takes 1 to 16.", columnName: spec.Column,
                hint: "E.g. 3 candidates, of which the best is kept.");
        if (spec.Temperature is < 0 or > 2)
            throw new SynthDataException($"The LLM temperature of column '{spec.Column}' is {spec.Temperature}; it takes 0 to 2.", columnName: spec.Column, hint: "E.g. 0.8.");
        if (spec.MaxOutputTokens is < 1)
            throw new SynthDataException($"The LLM column '{spec.Column}' allows {spec.MaxOutputTokens} output tokens; it needs at least 1.", columnName: spec.Column, hint: "E.g. 200.");
        if (spec.MaxSharedNgramFraction is < 0 or > 1 || double.IsNaN(spec.MaxSharedNgramFraction))
            throw new SynthDataException($"The shared n-gram fraction of column '{spec.Column}' must be between 0 and 1, not {spec.MaxSharedNgramFraction}.", columnName: spec.Column, hint: "E.g. 0.1.");
    }

}
