using SynthFixtures.Randomness;

namespace SynthFixtures;

/// <summary>
/// One generation run over several types that reference each other: one seed, one stream per synthesizer (so keys
/// stay unique across every object of a type), and the principals that <see cref="SynthForeignKeyAttribute"/>
/// properties point at. Generate principals first (<c>Parent.Synth.In(graph).Take(10)</c>) and children reference
/// only those; otherwise children create principals on demand, recorded in <see cref="Generated{T}"/>. Not thread-safe.
/// </summary>
/// <param name="seed">The seed behind every random choice in the graph.</param>
/// <param name="referenceDate">The "now" that <c>[Fake]</c> date values count from (see <see cref="ReferenceDate"/>).</param>
public sealed class SynthGraph(long seed, DateTime referenceDate)
{
    private readonly SynthRandom _root = new(seed);

    /// <summary>A graph whose <c>[Fake]</c> dates count from <see cref="FakeClock.DefaultReferenceDate"/>.</summary>
    /// <param name="seed">The seed behind every random choice in the graph.</param>
    public SynthGraph(long seed) : this(seed, FakeClock.DefaultReferenceDate) { }
    private readonly Dictionary<object, object> _streams = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<object, object> _pools = new(ReferenceEqualityComparer.Instance);
    private readonly List<object> _objects = [];
    private readonly HashSet<object> _listed = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Models.Relational.RelationalModel, Sampling.Typed.GraphDatabase> _databases = new(ReferenceEqualityComparer.Instance);

    /// <summary>The graph's seed.</summary>
    public long Seed { get; } = seed;

    /// <summary>
    /// The fixed "now" of the run: <c>[Fake]</c> date values (e.g. <c>Date.Past</c> is within the year before it)
    /// count from it instead of the wall clock, so the seed alone fixes them.
    /// </summary>
    public DateTime ReferenceDate { get; } = referenceDate;

    /// <summary>
    /// Writes the text of <c>[Text(Prompt = …)]</c> properties (<see cref="ITypedTextWriter"/>); <c>null</c>: none, and
    /// generating a type with such properties fails, naming them. <see cref="Synth{T}.WithTextWriter"/> sets it on the
    /// graph a query makes for itself.
    /// </summary>
    public ITypedTextWriter? TextWriter { get; init; }

    /// <summary>Most objects whose texts go to the <see cref="TextWriter"/> in one request (at least 1).</summary>
    public int TextBatchSize
    {
        get => _textBatchSize;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _textBatchSize = value;
        }
    }

    private readonly int _textBatchSize = Sampling.Typed.PromptedText.DefaultBatchSize;

    /// <summary>
    /// The size of the databases this graph samples for types bound to tables of a learned database
    /// (<c>[Synthesize(From = …, Table = …)]</c>), relative to the source: 0.5, 1 (the default), 2, 10. Root tables get
    /// round(scale × their source rows) rows, children follow their parents through the learned counts.
    /// </summary>
    public double Scale
    {
        get => _scale;
        init
        {
            if (!(value > 0) || double.IsInfinity(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "The scale must be a positive number.");
            _scale = value;
        }
    }

    private readonly double _scale = 1;

    /// <summary>
    /// The graph's one sample of <paramref name="model"/>: the whole database at <see cref="Scale"/> with the graph's
    /// <see cref="Seed"/> (the rows <see cref="Models.Relational.RelationalModel.Sample"/> gives for them), made on first
    /// use. Every type bound to one of its tables reads its rows from it, so their foreign keys resolve within the graph.
    /// </summary>
    public Sampling.Typed.GraphDatabase Database(Models.Relational.RelationalModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (_databases.TryGetValue(model, out var existing)) return existing;
        var database = new Sampling.Typed.GraphDatabase(this, model);
        _databases.Add(model, database);
        return database;
    }

    /// <summary>An independent random stream for a named purpose (a type, then a property), derived from the seed only.</summary>
    public SynthRandom Random(string purpose) => _root.Derive(purpose);

    /// <summary>The graph's one stream for <paramref name="synthesizer"/>, opened on first use.</summary>
    public ISynthStream<T> StreamOf<T>(ISynthesizer<T> synthesizer)
    {
        ArgumentNullException.ThrowIfNull(synthesizer);
        if (_streams.TryGetValue(synthesizer, out var existing)) return (ISynthStream<T>)existing;
        var stream = synthesizer.Open(this);
        _streams.Add(synthesizer, stream);
        return stream;
    }

    /// <summary>The objects of <paramref name="synthesizer"/> generated in this graph and available as principals.</summary>
    public IReadOnlyList<T> Generated<T>(ISynthesizer<T> synthesizer) => PoolOf(synthesizer).Items;

    /// <summary>
    /// Every object generated in this graph, of every type, in the order they were made: the ones asked for with
    /// <c>In(graph)</c> and the principals made on demand for foreign keys. What a database seeder inserts.
    /// </summary>
    public IReadOnlyList<object> Objects => _objects;

    /// <summary>Records an object the user asked for explicitly; from then on references pick only among recorded objects.</summary>
    public void Record<T>(ISynthesizer<T> synthesizer, T item)
    {
        var pool = PoolOf(synthesizer);
        pool.Items.Add(item);
        pool.Explicit = true;
        if (item is not null) List(item);
    }

    /// <summary>
    /// Lists a principal a database-bound child brought along (<see cref="Sampling.Typed.DatabaseRows.Principal{T}"/>)
    /// in <see cref="Objects"/>, once: the same row's object asked for later is not listed again.
    /// </summary>
    internal void RecordPrincipal(object item) => List(item);

    private void List(object item)
    {
        if (_listed.Add(item)) _objects.Add(item);
    }

    /// <summary>
    /// The key of a principal for a foreign-key property: a recorded principal chosen uniformly, or — when the user
    /// generated none explicitly — a new one with probability 1/(n+1), so n children spread over about √(2n) principals.
    /// </summary>
    /// <param name="principal">The principal type's synthesizer.</param>
    /// <param name="key">Reads the principal's key.</param>
    /// <param name="random">The referencing property's random stream.</param>
    public TKey Reference<T, TKey>(ISynthesizer<T> principal, Func<T, TKey> key, SynthRandom random)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(random);
        var pool = PoolOf(principal);
        var count = pool.Items.Count;
        if (count == 0 || (!pool.Explicit && random.NextInt(count + 1) == 0))
        {
            var created = StreamOf(principal).Next();
            pool.Items.Add(created);
            if (created is not null) List(created);
            return key(created);
        }
        return key(pool.Items[random.NextInt(count)]);
    }

    private Pool<T> PoolOf<T>(ISynthesizer<T> synthesizer)
    {
        ArgumentNullException.ThrowIfNull(synthesizer);
        if (_pools.TryGetValue(synthesizer, out var existing)) return (Pool<T>)existing;
        var pool = new Pool<T>();
        _pools.Add(synthesizer, pool);
        return pool;
    }

    private sealed class Pool<T>
    {
        public List<T> Items { get; } = [];

        public bool Explicit { get; set; }
    }
}
