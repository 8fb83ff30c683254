namespace SynthFixtures.Text.Learned;

/// <summary>
/// The language model's token ids: the context tokens first (<c>[0, contextTokens)</c>), then <see cref="Bos"/> (the
/// text begins) and <see cref="Eos"/> (it ends), then the tokenizer's subwords from <see cref="FirstSubword"/>.
/// </summary>
public sealed record LearnedTextVocabulary
{
    /// <summary>A vocabulary of <paramref name="contextTokens"/> context tokens and <paramref name="subwords"/> subwords.</summary>
    public LearnedTextVocabulary(int contextTokens, int subwords)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(contextTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(subwords);
        ContextTokens = contextTokens;
        Subwords = subwords;
    }

    /// <summary>Context tokens, ids <c>[0, ContextTokens)</c>.</summary>
    public int ContextTokens { get; }

    /// <summary>Subwords, ids <c>[FirstSubword, Size)</c>.</summary>
    public int Subwords { get; }

    /// <summary>The token that starts every text, after the context.</summary>
    public int Bos => ContextTokens;

    /// <summary>The token that ends every text; drawn first, it makes the cell missing.</summary>
    public int Eos => ContextTokens + 1;

    /// <summary>The id of subword 0.</summary>
    public int FirstSubword => ContextTokens + 2;

    /// <summary>All ids.</summary>
    public int Size => FirstSubword + Subwords;

    /// <summary>The model id of tokenizer id <paramref name="subword"/>.</summary>
    public int OfSubword(int subword) => FirstSubword + subword;

    /// <summary>The tokenizer id of model id <paramref name="token"/> (which must be a subword).</summary>
    public int SubwordOf(int token) => token - FirstSubword;
}
