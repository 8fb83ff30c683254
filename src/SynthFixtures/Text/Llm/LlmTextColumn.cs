namespace SynthFixtures.Text.Llm;

/// <summary>How the LLM writes one text column: the prompt, examples, sampling parameters and how candidates are chosen.</summary>
public sealed record LlmTextColumn
{
    /// <summary>The column the LLM writes (it replaces the model's text for it).</summary>
    public required string Column { get; init; }

    /// <summary>The user prompt, a <see cref="PromptTemplate"/> naming the row's other cells, e.g. <c>Write a {Rating}-star review of a {Class Name}.</c></summary>
    public required string Prompt { get; init; }

    /// <summary>The system prompt (plain text), or <c>null</c> for a short default that asks for the text alone.</summary>
    public string? SystemPrompt { get; init; }

    /// <summary>Few-shot examples; none by default.</summary>
    public LlmExamples Examples { get; init; } = LlmExamples.None;

    /// <summary>
    /// Allows examples from real rows, which sends those rows' text and cells to the LLM service (they leave the machine).
    /// Without it real examples are refused.
    /// </summary>
    public bool SendRealRowsToLlm { get; init; }

    /// <summary>Sampling temperature; <c>null</c>: the service's default.</summary>
    public float? Temperature { get; init; }

    /// <summary>Most tokens per response; <c>null</c>: the service's default.</summary>
    public int? MaxOutputTokens { get; init; }

    /// <summary>Responses asked for per row, of which the best (by <see cref="Scorer"/>) is kept.</summary>
    public int Candidates { get; init; } = 1;

    /// <summary>
    /// The column's word-count quantiles (0 %, 10 %, …, 100 %), which the default scorer fits lengths to; <c>null</c>:
    /// taken from the model where it knows them, else lengths are not scored.
    /// </summary>
    public IReadOnlyList<double>? WordCountQuantiles { get; init; }

    /// <summary>Texts no candidate may overlap (e.g. the training or evaluation text): see <see cref="MaxSharedNgramFraction"/>.</summary>
    public IReadOnlyList<string> DecontaminationTexts { get; init; } = [];

    /// <summary>Words per n-gram for decontamination.</summary>
    public int DecontaminationNgram { get; init; } = 8;

    /// <summary>The largest fraction of a candidate's n-grams that may occur in <see cref="DecontaminationTexts"/>; above it the candidate is rejected.</summary>
    public double MaxSharedNgramFraction { get; init; } = 0.1;

    /// <summary>Ranks and rejects candidates; <c>null</c>: <see cref="LlmCandidateScorer.Default"/>.</summary>
    public ILlmCandidateScorer? Scorer { get; init; }
}
