namespace SynthFixtures.Text.Llm;

/// <summary>
/// A few-shot example: a text of the column and, when known, the row it belongs to (its other cells by column), so the
/// LLM sees the prompt that row renders and the text as its answer. Without a row the text is shown as an example of
/// the style in the system message.
/// </summary>
/// <param name="Text">The column's text.</param>
/// <param name="Cells">The example row's other cells by column name, or <c>null</c>.</param>
public sealed record LlmExample(string Text, IReadOnlyDictionary<string, string?>? Cells = null);

/// <summary>
/// Where a column's few-shot examples come from. Synthetic examples (written by hand, or the sample's own text) are
/// sent freely; examples taken from real rows are sent only when the column's settings say
/// <see cref="LlmTextColumn.SendRealRowsToLlm"/>, since they leave the machine.
/// </summary>
public sealed record LlmExamples
{
    private LlmExamples(IReadOnlyList<LlmExample> given, int fromSample, bool real)
    {
        Given = given;
        FromSample = fromSample;
        Real = real;
    }

    /// <summary>No examples (zero-shot).</summary>
    public static LlmExamples None { get; } = new([], 0, false);

    /// <summary>Examples the caller wrote or chose (synthetic, or at least not real rows).</summary>
    public static LlmExamples Synthetic(IReadOnlyList<LlmExample> examples) => new(examples.ToList(), 0, false);

    /// <summary>The sample's own first <paramref name="rows"/> rows as they were drawn (the model's text for the column), before the LLM rewrites them.</summary>
    public static LlmExamples OwnSample(int rows) =>
        rows >= 0 ? new([], rows, false) : throw new SynthDataException($"The number of example rows must be zero or more, not {rows}.");

    /// <summary>Examples taken from real rows: they are sent to the LLM service only with <see cref="LlmTextColumn.SendRealRowsToLlm"/>.</summary>
    public static LlmExamples RealRows(IReadOnlyList<LlmExample> examples) => new(examples.ToList(), 0, true);

    /// <summary>Examples given up front.</summary>
    public IReadOnlyList<LlmExample> Given { get; }

    /// <summary>Rows of the sample itself to use as examples.</summary>
    public int FromSample { get; }

    /// <summary>Whether the given examples are real rows.</summary>
    public bool Real { get; }
}
