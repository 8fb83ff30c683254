using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Models;
using SynthFixtures.Randomness;
using SynthFixtures.Transforms;

namespace SynthFixtures.Sampling.Typed;

/// <summary>
/// The rows a generated, model-bound synthesizer reads its properties from: sampled from the model in batches of
/// <see cref="BatchSize"/>, batch b with a seed derived from the stream's seed and b, so a stream is reproducible
/// and independent of other streams. Accessors convert a cell to what a property holds; a missing cell is
/// <see cref="IsMissing"/>. Not thread-safe (one per stream).
/// </summary>
public sealed class LearnedRows
{
    /// <summary>Rows sampled at a time.</summary>
    public const int BatchSize = 1024;

    /// <summary>Consecutive rows a bound synthesizer may skip (for breaking a constraint between bound properties) before giving up.</summary>
    public const int MaxRejectedRows = 100_000;

    /// <summary>The error when <see cref="MaxRejectedRows"/> rows in a row broke the type's constraints.</summary>
    public static SynthDataException TooManyRejected(string typeName) =>
        new($"{MaxRejectedRows:N0} consecutive rows of the model broke the GreaterThan/LessThan/Unique constraints of {typeName}.",
            hint: "The constraints contradict the data the model learned from: relax them, or fix the CSV and rebuild.");

    private readonly SynthModel _model;
    private readonly IReadOnlyList<Condition> _conditions;
    private readonly SynthRandom _batches;
    private SampledTable? _table;
    private int _batch = -1;
    private int _row;
    private int _expected;

    /// <summary>Rows from <paramref name="model"/>, seeded by <paramref name="random"/>, meeting <paramref name="conditions"/>.</summary>
    public LearnedRows(SynthModel model, SynthRandom random, IReadOnlyList<Condition>? conditions = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(random);
        _model = model;
        _conditions = conditions ?? [];
        _batches = random;
    }

    /// <summary>The model the rows come from.</summary>
    public SynthModel Model => _model;

    /// <summary>The index of a column the generated code binds to; an error if the model lacks it (the build is stale).</summary>
    public int Column(string name)
    {
        for (var i = 0; i < _model.Metadata.Columns.Count; i++)
            if (_model.Metadata.Columns[i].Name == name) return i;
        throw new SynthDataException($"The embedded model has no column '{name}', which the compiled binding expects.",
            hint: "Rebuild the project so the model and the generated code come from the same CSV.");
    }

    /// <summary>Rows sampled so far (a batch first sampled short and then whole counts both times).</summary>
    internal long SampledRows { get; private set; }

    /// <summary>
    /// A hint that about <paramref name="count"/> more rows will be read (the generated stream passes on how many
    /// objects the query still wants). A new unconditioned batch then samples only that many rows, and the rest of the
    /// batch only if they are read after all, which matters when rows are costly (learned text). The rows are the
    /// same either way: a smaller sample is a prefix of a larger one with the same seed.
    /// </summary>
    public void Expect(int count) => _expected = Math.Max(0, count);

    /// <summary>Moves to the next row, sampling a new batch when the current one is used up.</summary>
    public void MoveNext()
    {
        var expected = _expected;
        if (_expected > 0) _expected--;
        if (_table is not null && ++_row < _table.RowCount) return;
        if (_table is not null && _table.RowCount < BatchSize)
        {
            // The batch was sampled short on a hint and more of it is read: sample it whole and read on at the same row.
            _table = SampleBatch(BatchSize);
            return;
        }
        _batch++;
        // Conditioned batches are always whole: their candidate budget is the whole batch's.
        var rows = _conditions.Count == 0 && expected is > 0 and < BatchSize ? expected : BatchSize;
        _table = SampleBatch(rows);
        _row = 0;
    }

    private SampledTable SampleBatch(int rows)
    {
        // One thread per batch (batches are small), and keys numbered on from the rows already read.
        var options = new SamplingOptions { MaxDegreeOfParallelism = 1, FirstRowNumber = (long)_batch * BatchSize };
        SampledRows += rows;
        return _model.Sample(rows, _batches.Derive(_batch).Seed, _conditions, options);
    }

    /// <summary>Whether the current row has no value in <paramref name="column"/>.</summary>
    public bool IsMissing(int column) => SampledCells.IsMissing(Current(column), _row);

    /// <summary>A number (integers, decimals; datetimes as seconds since 0001-01-01).</summary>
    public double Number(int column) => SampledCells.Number(Current(column), _row);

    /// <summary>A whole number, from a numeric column or a generated key such as a sequence.</summary>
    public long Integer(int column) => SampledCells.Integer(Current(column), _row);

    /// <summary>The cell as text: a label without its padding, generated text, or a number as the column writes it; <c>null</c> when missing.</summary>
    public string? Text(int column) => SampledCells.Text(Current(column), _row);

    /// <summary>A yes/no value from a boolean column's tokens (true/false, yes/no, y/n, t/f, 1/0).</summary>
    public bool Boolean(int column) => SampledCells.Boolean(Current(column), _row);

    /// <summary>A date and time from a datetime column.</summary>
    public DateTime DateTime(int column) => ColumnValues.ToDateTime(Number(column));

    private SampledColumn Current(int column)
    {
        if (_table is null) throw new InvalidOperationException("Call MoveNext first.");
        return _table.Columns[column];
    }

    /// <summary>The column's metadata.</summary>
    public ColumnMetadata Metadata(int column) => _model.Metadata.Columns[column];
}
