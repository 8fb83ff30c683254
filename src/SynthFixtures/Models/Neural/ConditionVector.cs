using SynthFixtures.Randomness;
using SynthFixtures.Transforms.Modes;

namespace SynthFixtures.Models.Neural;

/// <summary>
/// CTGAN's condition vector: the one-hot spans of the categorical columns (<see cref="SpanRole.Category"/>), laid
/// end to end, with each category's training count. A vector has exactly one hot entry: one category of one column.
/// At sampling time an unconditioned row picks a column uniformly and a category in proportion to its count, which is
/// how the generator saw real rows; a categorical condition fixes the column and category instead.
/// </summary>
public sealed class ConditionVector
{
    private readonly int[] _offsets;
    private readonly double[] _totals;   // each span's count total, summed once: Draw runs for every sampled row

    /// <summary>Creates the vector from its spans (in the data's layout) and per-category counts.</summary>
    /// <exception cref="ArgumentException">The counts do not match the spans, or a span has no positive count.</exception>
    public ConditionVector(ConditionVectorParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var spans = parameters.Spans ?? throw new ArgumentException("No spans.", nameof(parameters));
        var counts = parameters.Counts ?? throw new ArgumentException("No counts.", nameof(parameters));
        if (spans.Length != counts.Length) throw new ArgumentException("One count list per span is needed.", nameof(parameters));
        _offsets = new int[spans.Length];
        var width = 0;
        for (var i = 0; i < spans.Length; i++)
        {
            if (spans[i] is not { Role: SpanRole.Category, Length: > 0 } span) throw new ArgumentException("Only category spans form a condition vector.", nameof(parameters));
            if (counts[i] is null || counts[i].Length != span.Length || counts[i].Any(c => !(c >= 0) || !double.IsFinite(c)) || !(counts[i].Sum() > 0))
                throw new ArgumentException($"The counts of '{span.Column}' do not match its {span.Length} categories.", nameof(parameters));
            _offsets[i] = width;
            width += span.Length;
        }
        Parameters = parameters;
        Width = width;
        _totals = counts.Select(c => c.Sum()).ToArray();
    }

    /// <summary>The spans and counts, for the artifact.</summary>
    public ConditionVectorParameters Parameters { get; }

    /// <summary>Floats per condition vector (0 when the table has no categorical column).</summary>
    public int Width { get; }

    /// <summary>Categorical columns in the vector.</summary>
    public int Columns => _offsets.Length;

    /// <summary>Builds the vector for the category spans of <paramref name="spans"/>, counting each category in the transformed <paramref name="matrix"/>.</summary>
    public static ConditionVector Count(IReadOnlyList<OutputSpan> spans, ReadOnlySpan<float> matrix, int rows)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var categorical = spans.Where(s => s.Role == SpanRole.Category).ToArray();
        var width = spans.Count == 0 ? 0 : spans[^1].Start + spans[^1].Length;
        if (rows < 0 || matrix.Length != rows * width) throw new ArgumentException($"Expected {rows} × {width} values.", nameof(matrix));
        var counts = categorical.Select(s => new double[s.Length]).ToArray();
        for (var row = 0; row < rows; row++)
            for (var i = 0; i < categorical.Length; i++)
            {
                var values = matrix.Slice(row * width + categorical[i].Start, categorical[i].Length);
                for (var k = 0; k < values.Length; k++)
                    if (values[k] > 0.5f) counts[i][k]++;
            }
        return new ConditionVector(new ConditionVectorParameters { Spans = categorical, Counts = counts });
    }

    /// <summary>Where column <paramref name="column"/>'s categories start in the vector.</summary>
    public int Offset(int column) => _offsets[column];

    /// <summary>The index (into <see cref="ConditionVectorParameters.Spans"/>) of the span of <paramref name="columnName"/>, or −1.</summary>
    public int IndexOf(string columnName) => Array.FindIndex(Parameters.Spans, s => s.Column == columnName);

    /// <summary>Writes a vector drawn as at sampling time: a column uniformly, then a category in proportion to its count.</summary>
    public void Draw(SynthRandom random, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(random);
        destination[..Width].Clear();
        if (Columns == 0) return;
        var column = random.NextInt(Columns);
        var counts = Parameters.Counts[column];
        var u = random.NextDouble() * _totals[column];
        var hot = counts.Length - 1;
        for (var k = 0; k < counts.Length; k++)
        {
            u -= counts[k];
            if (u < 0 && counts[k] > 0) { hot = k; break; }
        }
        destination[_offsets[column] + hot] = 1;
    }
}

/// <summary>What a <see cref="ConditionVector"/> stores in an artifact.</summary>
public sealed record ConditionVectorParameters
{
    /// <summary>The categorical spans of the data's layout, in order.</summary>
    public required OutputSpan[] Spans { get; init; }

    /// <summary>Training rows per category, one array per span.</summary>
    public required double[][] Counts { get; init; }
}
