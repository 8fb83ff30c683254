using System.Collections.Concurrent;
using SynthFixtures.Data;
using SynthFixtures.Text.Llm;

namespace SynthFixtures;

/// <summary>
/// Writes <c>[Text(Prompt = …)]</c> properties with a language model, through the same LLM step <c>synthfixtures sample
/// --llm</c> uses: retries with seeded backoff, a timeout per call, candidates kept by the default scorer, a budget, and
/// the record/replay cache — so a test suite that replays a committed cache in <see cref="LlmCacheMode.Locked"/> mode
/// makes no call and gets byte-identical objects. Each (type, property, seed, settings) keeps its own tallies and
/// budget; the cache is shared and saved after every batch that added responses to it.
/// </summary>
public sealed class LlmTypedTextWriter : ITypedTextWriter
{
    // The rendered prompt travels as a cell of its own, so braces in the object's values are never read as placeholders.
    private const string PromptColumn = "synthfixtures:prompt";

    private readonly LlmChat _chat;
    private readonly LlmReplayCache? _cache;
    private readonly LlmCallPolicy _policy;
    private readonly LlmBudget _budget;
    private readonly LlmPrice? _price;
    private readonly ConcurrentDictionary<(string Type, string Property, long Seed, TypedTextSettings Settings), LlmTextStep> _steps = new();
    private readonly Lock _cacheLock = new();

    /// <summary>Creates the writer.</summary>
    /// <param name="chat">The model to ask (e.g. from <c>LlmProviders</c> in SynthFixtures.Llm, or any <c>IChatClient</c>).</param>
    /// <param name="cache">The record/replay cache; <c>null</c>: every text is asked for.</param>
    /// <param name="policy">Batching, concurrency, retries and timeouts; <c>null</c>: the defaults.</param>
    /// <param name="budget">Most tokens or money per property; <c>null</c>: no cap.</param>
    /// <param name="price">The model's price, for money caps and costs.</param>
    public LlmTypedTextWriter(LlmChat chat, LlmReplayCache? cache = null, LlmCallPolicy? policy = null, LlmBudget? budget = null, LlmPrice? price = null)
    {
        ArgumentNullException.ThrowIfNull(chat);
        _chat = chat;
        _cache = cache;
        _policy = policy ?? new LlmCallPolicy();
        _budget = budget ?? LlmBudget.None;
        _price = price;
    }

    /// <summary>What each prompted property cost so far (calls, replayed calls, tokens, money).</summary>
    public IReadOnlyList<LlmUsage> Usage => _steps.Values.SelectMany(step => step.Outcome().Columns.Select(c => c.Usage)).ToList();

    /// <inheritdoc />
    /// <exception cref="SynthDataException">The budget ran out, or no candidate passed the scorer, for one of the objects.</exception>
    public async Task<IReadOnlyList<string>> WriteAsync(TypedTextRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var step = _steps.GetOrAdd((request.TypeName, request.Property, request.Seed, request.Settings), key => Prepare(key.Property, key.Seed, key.Settings));
        var texts = new string[request.Prompts.Count];
        // The step numbers rows consecutively from a first row: hand it runs of consecutive row numbers.
        for (var start = 0; start < texts.Length;)
        {
            var end = start + 1;
            while (end < texts.Length && request.RowNumbers[end] == request.RowNumbers[end - 1] + 1) end++;
            var prompts = request.Prompts.Skip(start).Take(end - start).ToArray();
            var chunk = new Table([PromptColumn, request.Property], [prompts, new string?[prompts.Length]]);
            var first = request.RowNumbers[start];
            var written = await Task.Run(() => step.Apply(chunk, first, cancellationToken), cancellationToken).ConfigureAwait(false);
            var column = written.Column(1).ToArray();
            for (var i = 0; i < column.Length; i++)
                texts[start + i] = column[i] ?? throw Unwritten(request, first + i, step);
            start = end;
        }
        SaveCache();
        return texts;
    }

    private LlmTextStep Prepare(string property, long seed, TypedTextSettings settings) =>
        new(new LlmTextRequest
        {
            Chat = _chat,
            Columns =
            [
                new LlmTextColumn
                {
                    Column = property,
                    Prompt = "{" + PromptColumn + "}",
                    Temperature = settings.Temperature is { } t ? (float)t : null,
                    MaxOutputTokens = settings.MaxTokens,
                    Candidates = settings.Candidates,
                },
            ],
            Seed = seed,
            Policy = _policy,
            Budget = _budget,
            Price = _price,
            Cache = _cache,
        }, [PromptColumn, property]);

    private void SaveCache()
    {
        if (_cache is not { Mode: not LlmCacheMode.Locked, Changed: true }) return;
        lock (_cacheLock) _cache.Save();
    }

    private static SynthDataException Unwritten(TypedTextRequest request, long row, LlmTextStep step) =>
        new(step.Stopped
                ? $"The LLM budget ran out before {request.TypeName}.{request.Property} of object {row} was written."
                : $"No candidate text for {request.TypeName}.{request.Property} of object {row} passed the scorer (empty, a duplicate, or too close to the decontamination texts).",
            hint: step.Stopped ? "Raise the budget, or take fewer objects." : "Ask for more candidates ([Text(Candidates = 3)]) or loosen the prompt.",
            columnName: request.Property);
}
