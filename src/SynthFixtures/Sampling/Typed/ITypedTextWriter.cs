namespace SynthFixtures;

/// <summary>
/// Writes the text of <c>[Text(Prompt = …)]</c> properties: given one property's rendered prompts for a batch of
/// objects, returns one text per prompt, in order. Generated synthesizers call it once per prompted property and
/// batch, after every other property of the batch's objects is generated; give one to a query with
/// <c>T.Synth.WithTextWriter(writer)</c> (or to a shared graph with <c>new SynthGraph(seed) { TextWriter = writer }</c>).
/// </summary>
/// <remarks>
/// Determinism is the writer's part of the contract: the same request (type, property, prompt, row number, seed,
/// settings) must give the same text, so a writer backed by a language model should key a record/replay cache on
/// them. Row numbers count the objects of one stream from 0 (rejected ones by <c>Where</c> included), so they do not
/// depend on how objects are batched; a request never mixes streams. The call is synchronous from the generator's side:
/// the stream blocks until the task completes (on the thread pool, so a captured synchronization context cannot
/// deadlock it).
/// </remarks>
public interface ITypedTextWriter
{
    /// <summary>One text per prompt of <paramref name="request"/>, in order; never null.</summary>
    /// <param name="request">The batch: property, prompts, their row numbers, the seed and the attribute's settings.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    Task<IReadOnlyList<string>> WriteAsync(TypedTextRequest request, CancellationToken cancellationToken);
}

/// <summary>One batch of prompts for an <see cref="ITypedTextWriter"/>.</summary>
/// <param name="TypeName">The generated type's full name (e.g. <c>Shop.Review</c>).</param>
/// <param name="Property">The prompted property (the text column it stands for).</param>
/// <param name="Prompts">The rendered prompts, one per object.</param>
/// <param name="RowNumbers">Each prompt's row: the object's index in its stream, from 0.</param>
/// <param name="Seed">The seed of the run (the query's seed, or the shared graph's).</param>
/// <param name="Settings">The property's <c>[Text]</c> settings.</param>
public sealed record TypedTextRequest(string TypeName, string Property, IReadOnlyList<string> Prompts, IReadOnlyList<long> RowNumbers,
    long Seed, TypedTextSettings Settings);

/// <summary>A prompted property's settings, as its <c>[Text]</c> attribute states them.</summary>
/// <param name="Temperature">Sampling temperature; <c>null</c>: the writer's default.</param>
/// <param name="MaxTokens">Most tokens per text; <c>null</c>: the writer's default.</param>
/// <param name="Candidates">Candidates per object, of which the writer keeps the best (at least 1).</param>
public sealed record TypedTextSettings(double? Temperature, int? MaxTokens, int Candidates)
{
    /// <summary>No settings: the writer's defaults and one candidate.</summary>
    public static TypedTextSettings Default { get; } = new(null, null, 1);
}
