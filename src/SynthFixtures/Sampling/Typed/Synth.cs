using System.Collections;
using System.Linq.Expressions;
using SynthFixtures.Randomness;

namespace SynthFixtures;

/// <summary>
/// The fluent query over a synthesizer: <c>Patient.Synth.WithSeed(42).Where(p =&gt; p.Age &gt;= 65).Take(200)</c>.
/// Immutable: every method returns a new query. Enumerating it streams objects; without <see cref="Take"/> the stream
/// is endless. The same query enumerates to the same objects every time (unless it runs <see cref="In"/> a shared graph).
/// </summary>
/// <typeparam name="T">The generated type.</typeparam>
public sealed class Synth<T> : IEnumerable<T>
{
    /// <summary>Consecutive objects <see cref="Where"/> may reject before the query gives up as too rare.</summary>
    public const int MaxConsecutiveRejections = 100_000;

    private readonly Expression<Func<T, bool>>[] _predicates;
    private readonly Func<T, bool>[] _filters;
    private readonly SynthGraph? _graph;
    private readonly TextWriting _text;
    private readonly Replacement[] _replacements;

    /// <summary>A query with seed 0, no filter and no count.</summary>
    public Synth(ISynthesizer<T> synthesizer) : this(synthesizer, 0, null, [], null, FakeClock.DefaultReferenceDate) { }

    private Synth(ISynthesizer<T> synthesizer, long seed, int? count, Expression<Func<T, bool>>[] predicates, SynthGraph? graph,
        DateTime referenceDate, Func<T, bool>[]? filters = null, TextWriting? text = null, Replacement[]? replacements = null)
    {
        _text = text ?? TextWriting.None;
        _replacements = replacements ?? [];
        // Each predicate is compiled once, in Where, never per object.
        _filters = filters ?? [];
        Synthesizer = synthesizer;
        Seed = seed;
        Count = count;
        ReferenceDate = referenceDate;
        _predicates = predicates;
        _graph = graph;
    }

    /// <summary>What makes the objects.</summary>
    public ISynthesizer<T> Synthesizer { get; }

    /// <summary>
    /// The privacy guarantee of the objects (<see cref="ISynthesizer{T}.Privacy"/>): for a type bound to a model, the
    /// model kind and its (ε, δ), or no ε and δ when the model has no differential-privacy guarantee.
    /// </summary>
    public Privacy.PrivacyGuarantee Privacy => Synthesizer.Privacy;

    /// <summary>The seed behind every random choice (ignored when the query runs <see cref="In"/> a graph, which has its own).</summary>
    public long Seed { get; }

    /// <summary>How many objects enumeration yields; <c>null</c> for an endless stream.</summary>
    public int? Count { get; }

    /// <summary>
    /// The "now" that <c>[Fake]</c> date values count from; <see cref="FakeClock.DefaultReferenceDate"/> unless set
    /// (ignored when the query runs <see cref="In"/> a graph, which has its own).
    /// </summary>
    public DateTime ReferenceDate { get; }

    /// <summary>Uses <paramref name="seed"/> for every random choice.</summary>
    public Synth<T> WithSeed(long seed) => new(Synthesizer, seed, Count, _predicates, _graph, ReferenceDate, _filters, _text, _replacements);

    /// <summary>
    /// Counts <c>[Fake]</c> date values (<c>Date.Past</c>, <c>Date.Future</c>, …) from <paramref name="referenceDate"/>
    /// instead of <see cref="FakeClock.DefaultReferenceDate"/>; never from the wall clock, so the seed still fixes them.
    /// </summary>
    public Synth<T> WithReferenceDate(DateTime referenceDate) => new(Synthesizer, Seed, Count, _predicates, _graph, referenceDate, _filters, _text, _replacements);

    /// <summary>
    /// Writes the text of <c>[Text(Prompt = …)]</c> properties with <paramref name="writer"/>, asking it for up to
    /// <paramref name="batchSize"/> objects' texts at a time (fewer when the query takes fewer). Like the seed, it is
    /// ignored when the query runs <see cref="In"/> a graph, which has its own (<see cref="SynthGraph.TextWriter"/>).
    /// </summary>
    /// <param name="writer">Writes one text per rendered prompt; see <see cref="ITypedTextWriter"/>.</param>
    /// <param name="batchSize">Most objects per request to the writer (at least 1).</param>
    public Synth<T> WithTextWriter(ITypedTextWriter writer, int batchSize = Sampling.Typed.PromptedText.DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        return new(Synthesizer, Seed, Count, _predicates, _graph, ReferenceDate, _filters, new TextWriting(writer, batchSize), _replacements);
    }

    /// <summary>The text writer of <see cref="WithTextWriter"/>; <c>null</c> when none was given.</summary>
    public ITypedTextWriter? TextWriter => _text.Writer;

    /// <summary>
    /// Keeps only objects that satisfy <paramref name="predicate"/>. A learned model's synthesizer
    /// (<see cref="IConditionalSynthesizer{T}"/>) meets simple comparisons of bound columns inside the model, so even
    /// rare conditions are cheap; everything else is met by rejection (rare conditions cost time, impossible ones throw).
    /// </summary>
    public Synth<T> Where(Expression<Func<T, bool>> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return new(Synthesizer, Seed, Count, [.. _predicates, predicate], _graph, ReferenceDate, [.. _filters, predicate.Compile()], _text, _replacements);
    }

    /// <summary>
    /// Sets <paramref name="property"/> to <paramref name="value"/> on every object for which <paramref name="when"/>
    /// holds (every object when it is <c>null</c>), after the object is drawn and has passed <see cref="Where"/>: an
    /// inclusion or exclusion rule such as "rear doors are black", <c>Replace(c =&gt; c.Color, "black", c =&gt; c.Door == "rear")</c>.
    /// Rules apply in the order given, each to the object as the rules before it left it; <paramref name="touched"/>,
    /// when given, counts the objects each enumeration changed.
    /// </summary>
    /// <param name="property">A settable property or field of the object (<c>init</c> accessors included).</param>
    /// <param name="value">The value written.</param>
    /// <param name="when">Where the rule applies; <c>null</c>: every object.</param>
    /// <param name="touched">Counts the objects the rule was applied to.</param>
    /// <exception cref="ArgumentException"><paramref name="property"/> is not a settable member of the object, or the objects are values, not references.</exception>
    public Synth<T> Replace<TValue>(Expression<Func<T, TValue>> property, TValue value, Expression<Func<T, bool>>? when = null, ReplaceCount? touched = null)
    {
        ArgumentNullException.ThrowIfNull(property);
        var replacement = new Replacement(Sampling.Typed.MemberAssignment.Compile(property, value), when?.Compile(), touched);
        return new(Synthesizer, Seed, Count, _predicates, _graph, ReferenceDate, _filters, _text, [.. _replacements, replacement]);
    }

    /// <summary>Yields <paramref name="count"/> objects.</summary>
    public Synth<T> Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new(Synthesizer, Seed, count, _predicates, _graph, ReferenceDate, _filters, _text, _replacements);
    }

    /// <summary>
    /// Draws from <paramref name="graph"/>'s stream for this type and records the objects there, so later
    /// <see cref="SynthForeignKeyAttribute"/> properties in the same graph reference them.
    /// </summary>
    public Synth<T> In(SynthGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return new(Synthesizer, Seed, Count, _predicates, graph, ReferenceDate, _filters, _text, _replacements);
    }

    /// <summary>The same query answered by another synthesizer (e.g. a learned model's).</summary>
    public Synth<T> Using(ISynthesizer<T> synthesizer)
    {
        ArgumentNullException.ThrowIfNull(synthesizer);
        return new(synthesizer, Seed, Count, _predicates, _graph, ReferenceDate, _filters, _text, _replacements);
    }

    /// <summary>The first object of the query.</summary>
    public T Generate()
    {
        using var e = Take(1).GetEnumerator();
        e.MoveNext();
        return e.Current;
    }

    /// <summary>The first <paramref name="count"/> objects of the query.</summary>
    public List<T> Generate(int count)
    {
        var list = new List<T>(count);
        list.AddRange(Take(count));
        return list;
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator()
    {
        var graph = _graph ?? new SynthGraph(Seed, ReferenceDate) { TextWriter = _text.Writer, TextBatchSize = _text.BatchSize };
        var stream = graph.StreamOf(Restricted());
        var lookahead = stream as ISynthStreamLookahead;
        var finite = stream as IFiniteSynthStream;
        for (var produced = 0; Count is not { } count || produced < count; produced++)
        {
            // A lower bound even under Where (rejected objects only add to it), so batches never overshoot the count.
            if (Count is { } total) lookahead?.Expect(total - produced);
            if (!TryNextAccepted(stream, finite, out var item)) yield break;
            foreach (var replacement in _replacements) replacement.Apply(item);
            if (_graph is not null) graph.Record(Synthesizer, item);
            yield return item;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The synthesizer with the predicates a model can meet itself pushed into it.</summary>
    private ISynthesizer<T> Restricted()
    {
        var synthesizer = Synthesizer;
        foreach (var predicate in _predicates)
            if (synthesizer is IConditionalSynthesizer<T> conditional) synthesizer = conditional.Restrict(predicate);
        return synthesizer;
    }

    /// <summary>The next object that passes the filters; false when a finite stream (a table of a database) has run out.</summary>
    private bool TryNextAccepted(ISynthStream<T> stream, IFiniteSynthStream? finite, out T item)
    {
        for (var rejected = 0; rejected < MaxConsecutiveRejections; rejected++)
        {
            if (finite is { HasNext: false })
            {
                item = default!;
                return false;
            }
            item = stream.Next();
            if (_predicates.Length == 0 || Accepts(item)) return true;
        }
        throw new SynthDataException(
            $"{MaxConsecutiveRejections} consecutive {typeof(T).Name} objects failed the Where condition.",
            hint: "The condition is impossible or very rare under the type's constraints; narrow the [Range]/[OneOf] attributes instead of filtering.");
    }

    private bool Accepts(T item)
    {
        foreach (var filter in _filters)
            if (!filter(item)) return false;
        return true;
    }

    /// <summary>One <see cref="Replace"/> rule: the assignment, where it applies, and its counter.</summary>
    private sealed record Replacement(Action<T> Assign, Func<T, bool>? When, ReplaceCount? Touched)
    {
        public void Apply(T item)
        {
            if (When is not null && !When(item)) return;
            Assign(item);
            Touched?.Add();
        }
    }

    /// <summary>The text writer a query hands to the graph it makes.</summary>
    private sealed record TextWriting(ITypedTextWriter? Writer, int BatchSize)
    {
        public static readonly TextWriting None = new(null, Sampling.Typed.PromptedText.DefaultBatchSize);
    }
}
