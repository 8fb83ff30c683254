namespace SynthFixtures.Text.Learned;

/// <summary>Settings of the learned text model (a small conditioned language model per free-text column).</summary>
public sealed record LearnedTextOptions
{
    /// <summary>Passes over the column's texts.</summary>
    public int Epochs { get; init; } = 8;

    /// <summary>Texts per optimisation step.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Subword vocabulary size of the trained tokenizer (context tokens come on top).</summary>
    public int VocabularySize { get; init; } = 2000;

    /// <summary>Width of the token embeddings.</summary>
    public int EmbeddingWidth { get; init; } = 64;

    /// <summary>Width of the recurrent state.</summary>
    public int HiddenWidth { get; init; } = 256;

    /// <summary>Recurrent layers.</summary>
    public int Layers { get; init; } = 1;

    /// <summary>
    /// Adds the sum of the row's context-token embeddings to the LSTM's input at every step (not only as prefix
    /// tokens), so the context is not forgotten over a long text.
    /// </summary>
    public bool ContextAtEveryStep { get; init; } = true;

    /// <summary>
    /// With <see cref="ContextAtEveryStep"/>, also adds a learned linear map of the context embeddings' sum to every
    /// step's next-token logits, so the context (a rating, say) shifts word choice directly instead of only through
    /// the recurrent state, which a long text dilutes.
    /// </summary>
    public bool ContextToOutput { get; init; } = true;

    /// <summary>Longest text in tokens, in training (longer ones are cut) and in sampling.</summary>
    public int MaxTokens { get; init; } = 160;

    /// <summary>Adam's learning rate.</summary>
    public double LearningRate { get; init; } = 2e-3;

    /// <summary>Sampling temperature (1: the learned distribution; lower: safer, blander text).</summary>
    public double Temperature { get; init; } = 1.0;

    /// <summary>Nucleus sampling: draw from the smallest set of tokens whose probability reaches this (1: all tokens).</summary>
    public double TopP { get; init; } = 0.95;

    /// <summary>Columns the text is conditioned on; <c>null</c>: chosen from the table (categorical, boolean, binned numbers).</summary>
    public IReadOnlyList<string>? ContextColumns { get; init; }

    /// <summary>Seeds initialisation, batch order and the tokenizer's ties.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>libtorch's intra-op threads (<c>null</c>: its default).</summary>
    public int? Threads { get; init; }
}
