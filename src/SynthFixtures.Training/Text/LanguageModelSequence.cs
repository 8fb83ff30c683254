namespace SynthFixtures.Training.Text;

/// <summary>
/// One training text as the language model sees it: token ids, of which those at positions ≥
/// <paramref name="FirstPredicted"/> are predicted from everything before them (the earlier ones, the row's context and
/// the start token, are only read).
/// </summary>
/// <param name="Tokens">Token ids, each below the vocabulary size.</param>
/// <param name="FirstPredicted">The first predicted position, at least 1.</param>
internal readonly record struct LanguageModelSequence(int[] Tokens, int FirstPredicted)
{
    /// <summary>How many tokens the model is scored on.</summary>
    public int PredictedCount => Math.Max(0, Tokens.Length - FirstPredicted);
}
