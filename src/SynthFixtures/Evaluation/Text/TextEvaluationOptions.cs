namespace SynthFixtures.Evaluation.Text;

/// <summary>How the text section is computed. The defaults keep 20,000 reviews to seconds.</summary>
public sealed record TextEvaluationOptions
{
    /// <summary>The column the consistency classifier predicts from every text column; <c>null</c> chooses, per text column, the one real text predicts best.</summary>
    public string? ConsistencyLabel { get; init; }

    /// <summary>Texts per side read at most (a seeded subsample of rows beyond it); every metric but diversity uses them all.</summary>
    public int MaxTexts { get; init; } = 20_000;

    /// <summary>Texts per side for diversity (distinct-n and duplicates depend on how many texts are counted, so both sides use the same number).</summary>
    public int DiversityTexts { get; init; } = 2_000;

    /// <summary>The run length, in words, from which a shared run counts as a near copy (and a near duplicate within a side).</summary>
    public int NGram { get; init; } = 8;

    /// <summary>The most frequent content words per side that the keyword distribution compares.</summary>
    public int Keywords { get; init; } = 50;

    /// <summary>Synthetic texts shown per column with their rows.</summary>
    public int Samples { get; init; } = 3;

    /// <summary>Texts per side embedded when an embedder is given (a seeded subsample; embedding is the slow part).</summary>
    public int EmbeddingTexts { get; init; } = 300;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is not positive.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTexts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(DiversityTexts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(NGram, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Keywords, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(Samples);
        ArgumentOutOfRangeException.ThrowIfLessThan(EmbeddingTexts, 2);
    }
}
