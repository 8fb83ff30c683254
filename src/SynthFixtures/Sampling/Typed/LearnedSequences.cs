using System.Linq.Expressions;
using SynthFixtures.Models.Sequences;
using SynthFixtures.Randomness;
using SynthFixtures.Transforms;

namespace SynthFixtures.Sampling.Typed;

/// <summary>
/// The entities a generated, sequence-bound synthesizer reads: one sample of the embedded <see cref="SequenceModel"/>
/// per stream, drawn entity by entity as it is read (<see cref="SequenceModel.SampleEntities(long, long, IReadOnlyList{Condition}?, SamplingOptions?, CancellationToken)"/>, one entity per chunk,
/// so no entity is drawn that nobody reads), seeded by the stream's seed. An entity's own cells (entity key, context)
/// come from its first step's row, where the model repeats them on every step; its steps are its rows, in index
/// order. Entity keys are unique within the stream, and entity <c>i</c> depends only on the seed, the conditions and
/// <c>i</c>, so ten entities are a prefix of a hundred. Not thread-safe (one per stream).
/// </summary>
public sealed class LearnedSequences
{
    // Endless for any test: a stream is read lazily, and the context model draws its rows in blocks as they are read.
    private const long Endless = int.MaxValue;

    private readonly SequenceModel _model;
    private readonly SynthRandom _random;
    private readonly IReadOnlyList<Condition> _conditions;
    private IEnumerator<SampledSequences>? _chunks;
    private SampledSequences? _current;
    private int _start;

    /// <summary>Entities of <paramref name="model"/>, seeded by <paramref name="random"/>, whose contexts meet <paramref name="conditions"/>.</summary>
    public LearnedSequences(SequenceModel model, SynthRandom random, IReadOnlyList<Condition>? conditions = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(random);
        _model = model;
        _random = random;
        _conditions = conditions ?? [];
    }

    /// <summary>The model the entities come from.</summary>
    public SequenceModel Model => _model;

    /// <summary>
    /// The conditions on context columns implied by <paramref name="predicate"/> (its simple comparisons of properties
    /// bound to context columns), met by the model's context model for every entity.
    /// </summary>
    /// <param name="predicate">The query's predicate.</param>
    /// <param name="columnOfProperty">The entity type's bound properties and their columns.</param>
    /// <param name="model">The sequence model.</param>
    public static IReadOnlyList<Condition> Conditions<T>(Expression<Func<T, bool>> predicate, IReadOnlyDictionary<string, string> columnOfProperty, SequenceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(columnOfProperty);
        // Entity keys are generated, never learned: only context columns can be conditioned on.
        var context = columnOfProperty.Where(p => model.Sequence.ContextColumns.Contains(p.Value, StringComparer.Ordinal))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return context.Count == 0 ? [] : PredicateConditions.Translate(predicate, context, model.ContextModel);
    }

    /// <summary>The index of a column the generated code binds to; an error if the model lacks it (the build is stale).</summary>
    public int Column(string name)
    {
        for (var i = 0; i < _model.Metadata.Columns.Count; i++)
            if (_model.Metadata.Columns[i].Name == name) return i;
        throw new SynthDataException($"The embedded sequence model has no column '{name}', which the compiled binding expects.",
            hint: "Rebuild the project so the model and the generated code come from the same CSV.");
    }

    /// <summary>Moves to the next entity.</summary>
    public void MoveNext()
    {
        if (_current is not null && _start + 1 < _current.EntityCount)
        {
            _start++;
            return;
        }
        _chunks ??= _model.SampleEntities(Endless, _random.Seed, _conditions,
            new SamplingOptions { MaxDegreeOfParallelism = 1, ChunkRows = 1 }).GetEnumerator();
        if (!_chunks.MoveNext())
            throw new SynthDataException($"The sequence model's stream ended after {Endless:N0} entities.", hint: "Take fewer entities.");
        _current = _chunks.Current;
        _start = 0;
    }

    /// <summary>Steps of the current entity.</summary>
    public int Steps => Chunk.Lengths[_start];

    /// <summary>Whether the current entity has no value in the entity-level <paramref name="column"/>.</summary>
    public bool IsMissing(int column) => SampledCells.IsMissing(Cells(column), EntityRow());

    /// <summary>The current entity's number (integers, decimals; datetimes as seconds since 0001-01-01).</summary>
    public double Number(int column) => SampledCells.Number(Cells(column), EntityRow());

    /// <summary>The current entity's whole number.</summary>
    public long Integer(int column) => SampledCells.Integer(Cells(column), EntityRow());

    /// <summary>The current entity's decimal.</summary>
    public decimal Decimal(int column) => (decimal)Number(column);

    /// <summary>The current entity's cell as text; <c>null</c> when missing.</summary>
    public string? Text(int column) => SampledCells.Text(Cells(column), EntityRow());

    /// <summary>The current entity's yes/no value.</summary>
    public bool Boolean(int column) => SampledCells.Boolean(Cells(column), EntityRow());

    /// <summary>The current entity's date and time.</summary>
    public DateTime DateTime(int column) => ColumnValues.ToDateTime(Number(column));

    /// <summary>Whether step <paramref name="step"/> of the current entity has no value in <paramref name="column"/>.</summary>
    public bool IsMissing(int step, int column) => SampledCells.IsMissing(Cells(column), StepRow(step));

    /// <summary>A step's number (integers, decimals; datetimes as seconds since 0001-01-01).</summary>
    public double Number(int step, int column) => SampledCells.Number(Cells(column), StepRow(step));

    /// <summary>A step's whole number.</summary>
    public long Integer(int step, int column) => SampledCells.Integer(Cells(column), StepRow(step));

    /// <summary>A step's decimal.</summary>
    public decimal Decimal(int step, int column) => (decimal)Number(step, column);

    /// <summary>A step's cell as text; <c>null</c> when missing.</summary>
    public string? Text(int step, int column) => SampledCells.Text(Cells(column), StepRow(step));

    /// <summary>A step's yes/no value.</summary>
    public bool Boolean(int step, int column) => SampledCells.Boolean(Cells(column), StepRow(step));

    /// <summary>A step's date and time.</summary>
    public DateTime DateTime(int step, int column) => ColumnValues.ToDateTime(Number(step, column));

    private SampledSequences Chunk => _current ?? throw new InvalidOperationException("Call MoveNext first.");

    private SampledColumn Cells(int column) => Chunk.Rows.Columns[column];

    // The model repeats an entity's key and context cells on each of its steps; an entity has at least one step.
    private int EntityRow()
    {
        if (Steps == 0) throw new SynthDataException("The sequence model drew an entity without steps, so it has no entity or context values.");
        return Chunk.EntityStart(_start);
    }

    private int StepRow(int step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(step, Steps);
        return Chunk.EntityStart(_start) + step;
    }
}
