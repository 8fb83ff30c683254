using System.Globalization;

namespace SynthFixtures.Sampling.Typed;

/// <summary>
/// What a generated synthesizer calls for its <c>[Text(Prompt = …)]</c> properties: batch sizes (from the graph's
/// <see cref="SynthGraph.TextBatchSize"/> and the query's lookahead), row numbers, the rendering of property values
/// into prompts, and the call to the graph's <see cref="ITypedTextWriter"/>, whose answers it checks. One per stream;
/// not thread-safe.
/// </summary>
public sealed class PromptedText
{
    /// <summary>Objects whose texts are asked for in one request when the graph does not say otherwise.</summary>
    public const int DefaultBatchSize = 16;

    private readonly SynthGraph _graph;
    private readonly string _typeName;
    private readonly IReadOnlyList<string> _properties;
    private long _nextRow;
    private int _expected;

    /// <summary>The prompted properties <paramref name="properties"/> of <paramref name="typeName"/>, written through <paramref name="graph"/>'s writer.</summary>
    public PromptedText(SynthGraph graph, string typeName, IReadOnlyList<string> properties)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(typeName);
        ArgumentNullException.ThrowIfNull(properties);
        _graph = graph;
        _typeName = typeName;
        _properties = properties;
    }

    /// <summary>The lookahead (<see cref="ISynthStreamLookahead.Expect"/>): caps the next batch at <paramref name="count"/> objects.</summary>
    public void Expect(int count) => _expected = Math.Max(0, count);

    /// <summary>
    /// Starts a batch: fails when the graph has no writer (before anything is drawn), and returns how many objects the
    /// batch holds and the row number of its first.
    /// </summary>
    public (int Count, long FirstRow) StartBatch()
    {
        if (_graph.TextWriter is null) throw NoWriter();
        var size = _graph.TextBatchSize;
        var count = _expected > 0 ? Math.Min(_expected, size) : size;
        var first = _nextRow;
        _nextRow += count;
        return (count, first);
    }

    /// <summary>
    /// The texts of one prompted property for a batch: <paramref name="prompt"/> renders an object's prompt, or returns
    /// null for an object whose value is null (drawn by its null rate), which gets no text. Row i of the batch is row
    /// <paramref name="firstRow"/> + i.
    /// </summary>
    public string?[] Write<TDraft>(string property, TypedTextSettings settings, IReadOnlyList<TDraft> drafts, long firstRow, Func<TDraft, string?> prompt)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        ArgumentNullException.ThrowIfNull(prompt);
        var prompts = new List<string>(drafts.Count);
        var rows = new List<long>(drafts.Count);
        var texts = new string?[drafts.Count];
        for (var i = 0; i < drafts.Count; i++)
        {
            if (prompt(drafts[i]) is not { } text) continue;
            prompts.Add(text);
            rows.Add(firstRow + i);
        }
        if (prompts.Count == 0) return texts;
        var writer = _graph.TextWriter ?? throw NoWriter();
        var request = new TypedTextRequest(_typeName, property, prompts, rows, _graph.Seed, settings);
        // Off the caller's synchronization context: a writer awaiting without ConfigureAwait(false) cannot deadlock.
        var answers = Task.Run(() => writer.WriteAsync(request, CancellationToken.None)).GetAwaiter().GetResult();
        if (answers is null || answers.Count != prompts.Count)
            throw new SynthDataException(
                $"The text writer {writer.GetType().Name} returned {answers?.Count ?? 0} texts for {prompts.Count} prompts of {_typeName}.{property}.",
                hint: "An ITypedTextWriter returns exactly one text per prompt, in order.");
        for (int i = 0, k = 0; i < texts.Length; i++)
        {
            if (k >= rows.Count || rows[k] != firstRow + i) continue;
            texts[i] = answers[k] ?? throw new SynthDataException(
                $"The text writer {writer.GetType().Name} returned no text for row {rows[k]} of {_typeName}.{property}.",
                hint: "An ITypedTextWriter returns a text (possibly empty) for every prompt.");
            k++;
        }
        return texts;
    }

    /// <summary>
    /// A property value as a prompt shows it, the same on every machine: the invariant culture, dates as ISO 8601
    /// (a time of day only when there is one), booleans as <c>true</c>/<c>false</c>, enums by member name, a null as
    /// nothing; <paramref name="format"/> (from <c>{Name:format}</c>) goes to <see cref="IFormattable"/> values.
    /// </summary>
    public static string Format<TValue>(TValue value, string? format) => value switch
    {
        null => "",
        string text => text,
        bool flag => flag ? "true" : "false",
        DateOnly date when format is null => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time when format is null => time.ToString(time.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset time when format is null => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        TimeOnly time when format is null => time.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(format, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private SynthDataException NoWriter()
    {
        var shortName = _typeName[(_typeName.LastIndexOf('.') + 1)..];
        var properties = string.Join(", ", _properties.Select(p => shortName + "." + p));
        return new SynthDataException(
            $"{properties} {(_properties.Count == 1 ? "is" : "are")} written by a language model ([Text(Prompt = …)]), but the query has no text writer.",
            hint: $"Give one with {shortName}.Synth.WithTextWriter(writer), where writer is an ITypedTextWriter (e.g. one backed by an IChatClient that records and replays its answers), or set TextWriter on the SynthGraph the query runs in.");
    }
}
