using Microsoft.Extensions.AI;
using SynthFixtures.Data;

namespace SynthFixtures.Text.Llm;

/// <summary>One LLM column while a sample is written: its parsed prompt, examples, scorer and running tallies.</summary>
internal sealed class LlmColumnState
{
    private const string DefaultSystemPrompt =
        "You write the text of one cell of a data set. Answer with the text alone: no quotation marks, no preamble, no notes.";

    public LlmColumnState(LlmTextColumn spec, IReadOnlyList<string> columns, IReadOnlyList<double>? modelQuantiles)
    {
        Spec = spec;
        Template = PromptTemplate.Parse(spec.Prompt, columns, spec.Column, $"prompt of LLM column '{spec.Column}'");
        Scorer = spec.Scorer ?? LlmCandidateScorer.Default(spec);
        Quantiles = spec.WordCountQuantiles ?? modelQuantiles;
        Decontamination = spec.DecontaminationTexts.Count > 0 ? new NgramIndex(spec.DecontaminationTexts, spec.DecontaminationNgram) : null;
        if (spec.Examples.FromSample == 0) Examples = Messages(spec.Examples.Given);
    }

    public LlmTextColumn Spec { get; }

    public PromptTemplate Template { get; }

    public ILlmCandidateScorer Scorer { get; }

    public IReadOnlyList<double>? Quantiles { get; }

    public NgramIndex? Decontamination { get; }

    /// <summary>The system message and few-shot turns every call of the column starts with; <c>null</c> until known.</summary>
    public IReadOnlyList<ChatMessage>? Examples { get; private set; }

    /// <summary>Normalised texts already written to the column, for the duplicate check.</summary>
    public HashSet<string> Written { get; } = new(StringComparer.Ordinal);

    public List<LlmRowUsage> RowUsage { get; } = [];

    public int Rows { get; set; }

    public int RequestedRows { get; set; }

    public int Rejected { get; set; }

    public int Skipped { get; set; }

    public long? StoppedAtRow { get; set; }

    public int Calls { get; set; }

    public int Replayed { get; set; }

    public long InputTokens { get; set; }

    public long OutputTokens { get; set; }

    public long SpentInputTokens { get; set; }

    public long SpentOutputTokens { get; set; }

    /// <summary>Takes the examples from the sample's first rows (as drawn, before the LLM rewrites them) when the column asks for that.</summary>
    public void TakeExamplesFrom(Table firstChunk)
    {
        if (Examples is not null) return;
        var column = firstChunk.IndexOf(Spec.Column);
        var examples = new List<LlmExample>(Spec.Examples.Given);
        var fromSample = 0;
        for (var row = 0; row < firstChunk.RowCount && fromSample < Spec.Examples.FromSample; row++)
        {
            if (firstChunk[row, column] is not { } text || string.IsNullOrWhiteSpace(text)) continue;
            var cells = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var c = 0; c < firstChunk.ColumnCount; c++)
                if (c != column) cells[firstChunk.ColumnNames[c]] = firstChunk[row, c];
            examples.Add(new LlmExample(text.Trim(), cells));
            fromSample++;
        }
        Examples = Messages(examples);
    }

    /// <summary>The messages of one call: system (with row-less examples), example turns, then the row's prompt.</summary>
    public List<ChatMessage> MessagesFor(string prompt) => [.. Examples ?? [], new ChatMessage(ChatRole.User, prompt)];

    /// <summary>The text as the duplicate check compares it: trimmed, lower-case, single spaces.</summary>
    public static string Normalise(string text) =>
        string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private List<ChatMessage> Messages(IReadOnlyList<LlmExample> examples)
    {
        var system = Spec.SystemPrompt ?? DefaultSystemPrompt;
        var styleOnly = examples.Where(e => e.Cells is null).ToList();
        if (styleOnly.Count > 0)
            system += "\n\nExamples of such texts:\n" + string.Join("\n", styleOnly.Select(e => "- " + e.Text.ReplaceLineEndings(" ")));
        var messages = new List<ChatMessage> { new(ChatRole.System, system) };
        foreach (var example in examples.Where(e => e.Cells is not null))
        {
            messages.Add(new ChatMessage(ChatRole.User, Template.Render(example.Cells!)));
            messages.Add(new ChatMessage(ChatRole.Assistant, example.Text));
        }
        return messages;
    }
}
