using SynthFixtures.Data;

namespace SynthFixtures.Text.Learned;

/// <summary>One training row for the language model.</summary>
/// <param name="Tokens">The context tokens, <see cref="LearnedTextVocabulary.Bos"/>, the text's subwords, <see cref="LearnedTextVocabulary.Eos"/>.</param>
/// <param name="FirstPredicted">Positions from here on are predicted from the tokens before them (the first is the token after Bos).</param>
public readonly record struct TokenSequence(int[] Tokens, int FirstPredicted);

/// <summary>Turns a table's rows into the language model's training sequences.</summary>
public static class LearnedTextSequences
{
    /// <summary>
    /// One sequence per row: the row's context tokens, Bos, the text's subwords (cut after <paramref name="maxTokens"/>,
    /// so a long text then has no Eos), Eos. A missing text is Bos, Eos: the model learns how often each context has none.
    /// </summary>
    public static TokenSequence[] Build(Table table, string column, TextContextEncoder context, SubwordTokenizer tokenizer,
        LearnedTextVocabulary vocabulary, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 1);
        if (vocabulary.ContextTokens != context.TokenCount || vocabulary.Subwords != tokenizer.Count)
            throw new ArgumentException("The vocabulary does not match the context encoder and tokenizer.", nameof(vocabulary));

        var texts = table.Column(table.IndexOf(column));
        var contextCells = context.Columns.Select(c => table.Column(table.IndexOf(c))).ToArray();
        var sequences = new TokenSequence[table.RowCount];
        var cells = new string?[contextCells.Length];
        for (var row = 0; row < sequences.Length; row++)
        {
            for (var c = 0; c < cells.Length; c++) cells[c] = contextCells[c][row];
            var prefix = context.Encode(cells);
            var text = texts[row];
            var subwords = text is null ? [] : tokenizer.Encode(text);
            var kept = Math.Min(subwords.Length, maxTokens);
            var tokens = new int[prefix.Length + 1 + kept + (kept == subwords.Length ? 1 : 0)];
            prefix.CopyTo(tokens, 0);
            tokens[prefix.Length] = vocabulary.Bos;
            for (var i = 0; i < kept; i++) tokens[prefix.Length + 1 + i] = vocabulary.OfSubword(subwords[i]);
            if (kept == subwords.Length) tokens[^1] = vocabulary.Eos;
            sequences[row] = new TokenSequence(tokens, prefix.Length + 1);
        }
        return sequences;
    }
}
