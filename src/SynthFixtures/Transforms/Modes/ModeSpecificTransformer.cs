using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Randomness;

namespace SynthFixtures.Transforms.Modes;

/// <summary>
/// Turns a table into the float32 matrix CTGAN and TVAE learn from, and back. Continuous columns become
/// α (tanh) + a one-hot of their mode (+ a present/missing one-hot when they had missing values); categorical and
/// boolean columns become a one-hot of their labels. Identifiers, free text and personal data are not modelled
/// (<see cref="ColumnMetadata.IsModelled"/>): one-hot over thousands of ids would be huge and would memorise rows.
/// <see cref="Spans"/> records the layout, which the networks' output activations follow.
/// </summary>
public sealed class ModeSpecificTransformer
{
    private readonly ModeNormalizer?[] _normalizers;
    private readonly Dictionary<string, int>[] _categoryCodes;

    /// <summary>Creates a transformer from fitted (or loaded) parameters.</summary>
    public ModeSpecificTransformer(ModeSpecificTransformerParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        // The parameters may come from a damaged artifact, whose JSON can hold null where the types say it cannot.
        var columns = parameters.Columns ?? throw new ArgumentException("The transformer lists no columns.", nameof(parameters));
        for (var i = 0; i < columns.Length; i++)
            if (columns[i]?.Metadata is not { Name: { Length: > 0 } })
                throw new ArgumentException($"Transformed column {i} has no metadata or no name.", nameof(parameters));
        Parameters = parameters;
        _normalizers = new ModeNormalizer?[columns.Length];
        _categoryCodes = new Dictionary<string, int>[columns.Length];
        var spans = new List<OutputSpan>();
        var start = 0;
        for (var i = 0; i < columns.Length; i++)
        {
            var column = columns[i];
            var name = column.Metadata.Name;
            if (column.Modes is { } modes)
            {
                _normalizers[i] = new ModeNormalizer(modes);
                spans.Add(new OutputSpan(name, start, 1, SpanActivation.Tanh, SpanRole.Alpha));
                spans.Add(new OutputSpan(name, start + 1, modes.Weights.Length, SpanActivation.Softmax, SpanRole.Mode));
                if (column.HasMissing) spans.Add(new OutputSpan(name, start + 1 + modes.Weights.Length, 2, SpanActivation.Softmax, SpanRole.Missing));
                _categoryCodes[i] = [];
            }
            else
            {
                var categories = column.Categories ?? throw new ArgumentException($"Column '{name}' has neither modes nor categories.", nameof(parameters));
                if (categories.Length == 0) throw new ArgumentException($"Column '{name}' has no categories.", nameof(parameters));
                _categoryCodes[i] = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var k = 0; k < categories.Length; k++)
                    if (categories[k] is { } label) _categoryCodes[i].TryAdd(CellText.Normalize(label), k);
                spans.Add(new OutputSpan(name, start, categories.Length, SpanActivation.Softmax, SpanRole.Category));
            }
            start += column.Width;
        }
        Spans = spans;
        Width = start;
        OneHotSpans = spans.Count(s => s.Activation != SpanActivation.Tanh);
    }

    /// <summary>One-hot spans per row (modes, present/missing, categories): the categories a sampled CTGAN row draws.</summary>
    internal int OneHotSpans { get; }

    /// <summary>The fitted parameters (for the artifact).</summary>
    public ModeSpecificTransformerParameters Parameters { get; }

    /// <summary>The matrix layout: one or more spans per modelled column, in order, covering [0, <see cref="Width"/>).</summary>
    public IReadOnlyList<OutputSpan> Spans { get; }

    /// <summary>Number of matrix columns.</summary>
    public int Width { get; }

    /// <summary>
    /// Fits every modelled column of <paramref name="table"/>: a mixture per continuous column (in parallel, each from its
    /// own stream <c>modes:&lt;name&gt;</c>, so the result does not depend on thread count) and the label set of each categorical.
    /// </summary>
    /// <exception cref="SynthDataException">A numeric cell does not parse, or a metadata column is absent from the table.</exception>
    public static ModeSpecificTransformer Fit(Table table, TableMetadata metadata, SynthRandom random,
        ModeNormalizerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(random);
        var modelled = metadata.Columns.Where(c => c.IsModelled).ToArray();
        var numeric = new double[modelled.Length][];
        var columns = new TransformedColumn[modelled.Length];
        for (var i = 0; i < modelled.Length; i++)
        {
            var index = table.IndexOf(modelled[i].Name);
            if (modelled[i].IsNumeric) numeric[i] = ColumnValues.ToDoubles(table, index, modelled[i]);
            else columns[i] = FitCategorical(modelled[i], table.Column(index));
        }
        Parallel.For(0, modelled.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            if (numeric[i] is not { } values) return;
            var normalizer = ModeNormalizer.Fit(values, random.Derive("modes:" + modelled[i].Name), options);
            columns[i] = new TransformedColumn
            {
                Metadata = modelled[i], Modes = normalizer.Parameters, HasMissing = Array.Exists(values, double.IsNaN),
            };
        });
        return new ModeSpecificTransformer(new ModeSpecificTransformerParameters { Columns = columns });
    }

    /// <summary>
    /// Encodes <paramref name="table"/> into a row-major <c>rows × Width</c> matrix. Modes are drawn per column from
    /// <c>encode:&lt;name&gt;</c> streams of <paramref name="random"/>. A missing number encodes as α = 0 in its most
    /// likely mode with the missing flag set.
    /// </summary>
    /// <param name="table">The rows to encode.</param>
    /// <param name="random">The encoding's random streams.</param>
    /// <param name="unknownAsEmpty">
    /// Encode a cell the transformer has no place for — a label not among a column's categories, a missing cell in a
    /// column without a missing flag — as an all-zero span (α = 0 and no mode for a number), so the row teaches nothing
    /// about that column's value, instead of throwing. For transformers fitted from noisy statistics
    /// (<see cref="Private.PrivateTransformerFit"/>), whose categories leave out labels too rare to release.
    /// </param>
    /// <exception cref="SynthDataException">A cell does not parse, or (unless <paramref name="unknownAsEmpty"/>) a label was not seen when fitting.</exception>
    public float[] Transform(Table table, SynthRandom random, bool unknownAsEmpty = false)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(random);
        var rows = table.RowCount;
        var matrix = new float[rows * Width];
        var offset = 0;
        for (var i = 0; i < Parameters.Columns.Length; i++)
        {
            var column = Parameters.Columns[i];
            var index = table.IndexOf(column.Metadata.Name);
            if (_normalizers[i] is { } normalizer) EncodeNumeric(table, index, column, normalizer, random.Derive("encode:" + column.Metadata.Name), matrix, offset, unknownAsEmpty);
            else EncodeCategorical(table, index, column, _categoryCodes[i], matrix, offset, unknownAsEmpty);
            offset += column.Width;
        }
        return matrix;
    }

    /// <summary>
    /// Decodes a row-major <c>rows × Width</c> matrix (network outputs, activated or not) into a table of the modelled
    /// columns: α is clipped to ±1, every one-hot span is read by argmax, numbers are rounded to what the column holds.
    /// </summary>
    public Table InverseTransform(ReadOnlySpan<float> matrix, int rows)
    {
        var count = Parameters.Columns.Length;
        var numbers = new double[]?[count];
        var codes = new int[]?[count];
        for (var i = 0; i < count; i++)
        {
            if (_normalizers[i] is null) codes[i] = new int[rows];
            else numbers[i] = new double[rows];
        }
        DecodeInto(matrix, rows, numbers, codes, 0);
        var cells = new string?[count][];
        for (var i = 0; i < count; i++)
        {
            var column = Parameters.Columns[i];
            cells[i] = numbers[i] is { } values
                ? values.Select(v => double.IsNaN(v) ? null : ColumnValues.Format(v, column.Metadata)).ToArray()
                : codes[i]!.Select(code => column.Categories![code]).ToArray();
        }
        return new Table(Parameters.Columns.Select(c => c.Metadata.Name).ToArray(), cells);
    }

    /// <summary>
    /// Decodes a row-major <c>rows × Width</c> matrix into typed columns, as <see cref="InverseTransform(ReadOnlySpan{float}, int)"/>
    /// does but without formatting: for transformed column i, <paramref name="numbers"/>[i] receives rounded numbers (NaN
    /// when missing) of a continuous column and <paramref name="codes"/>[i] the category codes of a categorical one,
    /// written from index <paramref name="offset"/>.
    /// </summary>
    public void DecodeInto(ReadOnlySpan<float> matrix, int rows, double[]?[] numbers, int[]?[] codes, int offset)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        ArgumentNullException.ThrowIfNull(codes);
        if (rows < 0 || matrix.Length != rows * Width)
            throw new ArgumentException($"Expected {rows} × {Width} values, got {matrix.Length}.", nameof(matrix));
        var columns = Parameters.Columns;
        CheckBuffers(numbers, codes);
        // A few rows at a time, column by column within them: the rows stay in the first-level cache while every
        // column reads them, where whole columns at a time re-read a sampler's block (hundreds of kB) once per column.
        for (var first = 0; first < rows; first += DecodeChunkRows)
        {
            var last = Math.Min(rows, first + DecodeChunkRows);
            var start = 0;
            for (var i = 0; i < columns.Length; i++)
            {
                var column = columns[i];
                var normalizer = _normalizers[i];
                if (normalizer is not null)
                {
                    var target = numbers[i]!;
                    for (var row = first; row < last; row++) target[offset + row] = DecodeNumeric(matrix.Slice(row * Width + start, column.Width), column, normalizer);
                }
                else
                {
                    var target = codes[i]!;
                    for (var row = first; row < last; row++) target[offset + row] = ArgMax(matrix.Slice(row * Width + start, column.Width));
                }
                start += column.Width;
            }
        }
    }

    /// <summary>
    /// As <see cref="DecodeInto"/> for a matrix whose one-hot spans were sampled to categories rather than one-hots
    /// (CTGAN's sampler): <paramref name="categories"/> holds, per row, the category of each one-hot span in layout
    /// order (<c>[row · spans + s]</c>); only the α entries of <paramref name="matrix"/> are read. Gives what
    /// <see cref="DecodeInto"/> gives on the same rows with those one-hots written out.
    /// </summary>
    internal void DecodeCategoriesInto(ReadOnlySpan<float> matrix, ReadOnlySpan<int> categories, int rows, double[]?[] numbers, int[]?[] codes, int offset)
    {
        var columns = Parameters.Columns;
        var oneHots = OneHotSpans;
        if (rows < 0 || matrix.Length != rows * Width || categories.Length != rows * oneHots)
            throw new ArgumentException($"Expected {rows} × {Width} values and {rows} × {oneHots} categories.");
        CheckBuffers(numbers, codes);
        for (var first = 0; first < rows; first += DecodeChunkRows)   // as DecodeInto, for the same reason
        {
            var last = Math.Min(rows, first + DecodeChunkRows);
            var start = 0;
            var span = 0;   // the column's first one-hot span
            for (var i = 0; i < columns.Length; i++)
            {
                var column = columns[i];
                if (_normalizers[i] is { } normalizer)
                {
                    var target = numbers[i]!;
                    for (var row = first; row < last; row++)
                    {
                        var at = row * oneHots + span;
                        // The missing span's category 1 is "missing", as DecodeNumeric's comparison of its two entries.
                        target[offset + row] = column.HasMissing && categories[at + 1] == 1
                            ? double.NaN
                            : ColumnValues.Quantize(normalizer.Decode(matrix[row * Width + start], categories[at]), column.Metadata) + 0.0;
                    }
                    span += column.HasMissing ? 2 : 1;
                }
                else
                {
                    var target = codes[i]!;
                    for (var row = first; row < last; row++) target[offset + row] = categories[row * oneHots + span];
                    span++;
                }
                start += column.Width;
            }
        }
    }

    /// <summary>Rows decoded at a time: they stay in L1 while every column reads them.</summary>
    private const int DecodeChunkRows = 32;

    /// <summary>Throws unless each continuous column has a number buffer and each categorical one a code buffer.</summary>
    private void CheckBuffers(double[]?[] numbers, int[]?[] codes)
    {
        for (var i = 0; i < Parameters.Columns.Length; i++)
        {
            if (_normalizers[i] is null ? codes[i] is null : numbers[i] is null)
                throw new ArgumentException($"No {(_normalizers[i] is null ? "code" : "number")} buffer for column {i}.", _normalizers[i] is null ? nameof(codes) : nameof(numbers));
        }
    }

    /// <summary>The code of <paramref name="label"/> (compared trimmed) in categorical column <paramref name="column"/>, or −1.</summary>
    public int CategoryCode(int column, string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return _categoryCodes[column].GetValueOrDefault(CellText.Normalize(label), -1);
    }

    private static double DecodeNumeric(ReadOnlySpan<float> values, TransformedColumn column, ModeNormalizer normalizer)
    {
        var modes = normalizer.Modes;
        if (column.HasMissing && values[1 + modes + 1] > values[1 + modes]) return double.NaN;
        var value = normalizer.Decode(values[0], ArgMax(values.Slice(1, modes)));
        // + 0.0 turns a rounded −0 into 0, so an integer column never writes "-0".
        return ColumnValues.Quantize(value, column.Metadata) + 0.0;
    }

    private void EncodeNumeric(Table table, int index, TransformedColumn column, ModeNormalizer normalizer, SynthRandom random, float[] matrix, int offset,
        bool unknownAsEmpty)
    {
        var values = ColumnValues.ToDoubles(table, index, column.Metadata);
        var modes = normalizer.Modes;
        var likeliest = Array.IndexOf(normalizer.Parameters.Weights, normalizer.Parameters.Weights.Max());
        for (var row = 0; row < values.Length; row++)
        {
            var at = row * Width + offset;
            if (double.IsNaN(values[row]))
            {
                if (!column.HasMissing && unknownAsEmpty) continue;
                if (!column.HasMissing)
                    throw new SynthDataException($"Column '{column.Metadata.Name}' had no missing values when the transformer was fitted.",
                        table.SourcePath, table.SourceLine(row), index + 1, "Fit the transformer on data that includes missing values.", column.Metadata.Name);
                matrix[at + 1 + likeliest] = 1;
                matrix[at + 1 + modes + 1] = 1;
                continue;
            }
            var mode = normalizer.Encode(values[row], random, out var alpha);
            matrix[at] = (float)alpha;
            matrix[at + 1 + mode] = 1;
            if (column.HasMissing) matrix[at + 1 + modes] = 1;
        }
    }

    private void EncodeCategorical(Table table, int index, TransformedColumn column, Dictionary<string, int> codes, float[] matrix, int offset,
        bool unknownAsEmpty)
    {
        var cells = table.Column(index);
        var missingCode = Array.IndexOf(column.Categories!, null);
        for (var row = 0; row < cells.Count; row++)
        {
            var code = cells[row] is { } cell ? codes.GetValueOrDefault(CellText.Normalize(cell), -1) : missingCode;
            if (code < 0 && unknownAsEmpty) continue;
            if (code < 0)
                throw new SynthDataException(
                    cells[row] is null ? $"Column '{column.Metadata.Name}' had no missing values when the transformer was fitted."
                        : $"'{CellText.Normalize(cells[row]!)}' in column '{column.Metadata.Name}' was not seen when the transformer was fitted.",
                    table.SourcePath, table.SourceLine(row), index + 1, "Fit the transformer on data that includes every label.", column.Metadata.Name);
            matrix[row * Width + offset + code] = 1;
        }
    }

    private static TransformedColumn FitCategorical(ColumnMetadata metadata, IReadOnlyList<string?> cells)
    {
        // Group by the trimmed label, keep the source's most frequent spelling for output; most frequent first, missing last.
        var groups = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var missing = false;
        foreach (var cell in cells)
        {
            if (cell is null)
            {
                missing = true;
                continue;
            }
            var key = CellText.Normalize(cell);
            if (!groups.TryGetValue(key, out var spellings)) groups[key] = spellings = new Dictionary<string, int>(StringComparer.Ordinal);
            spellings[cell] = spellings.GetValueOrDefault(cell) + 1;
        }
        var labels = groups
            .OrderByDescending(g => g.Value.Values.Sum()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (string?)g.Value.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key)
            .ToList();
        if (missing || labels.Count == 0) labels.Add(null);
        return new TransformedColumn { Metadata = metadata, Categories = labels.ToArray() };
    }

    /// <summary>The first largest value's index. Selects by masks instead of branching: the largest entry of a sampled
    /// span (TVAE's logits, a written-out one-hot) sits at a random place, so a branch on it would be mispredicted once
    /// per span of every decoded row (and the JIT turns a plain conditional back into a branch).</summary>
    private static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        var max = BitConverter.SingleToInt32Bits(values[0]);
        for (var k = 1; k < values.Length; k++)
        {
            var value = values[k];
            var mask = -Convert.ToInt32(value > BitConverter.Int32BitsToSingle(max));   // all ones where greater
            best = (k & mask) | (best & ~mask);
            max = (BitConverter.SingleToInt32Bits(value) & mask) | (max & ~mask);
        }
        return best;
    }
}
