using SynthFixtures.Text.Learned;
using SynthFixtures.Randomness;
using SynthFixtures.Training.Text;

namespace SynthFixtures.Training.Tests.Text;

/// <summary>
/// Token sequences with structure a language model can learn: [context, start, words…, end], where each word follows
/// from the previous one and the context (a fixed successor with probability 0.8, otherwise any word).
/// Ids: contexts 0 … Contexts − 1, start, end, then Words word ids.
/// </summary>
internal static class SyntheticCorpus
{
    public const int Contexts = 2;
    public const int Words = 20;
    public const int Start = Contexts;
    public const int End = Contexts + 1;
    public const int FirstWord = Contexts + 2;
    public const int Vocabulary = FirstWord + Words;

    public static List<TokenSequence> Sequences(int count, long seed)
    {
        var random = new SynthRandom(seed);
        var sequences = new List<TokenSequence>(count);
        for (var i = 0; i < count; i++)
        {
            var context = random.NextInt(Contexts);
            var length = 3 + random.NextInt(10);
            var tokens = new List<int> { context, Start };
            var word = random.NextInt(Words);
            for (var w = 0; w < length; w++)
            {
                tokens.Add(FirstWord + word);
                word = random.NextDouble() < 0.8 ? (word * 3 + 1 + 7 * context) % Words : random.NextInt(Words);
            }
            tokens.Add(End);
            sequences.Add(new TokenSequence([.. tokens], 2));
        }
        return sequences;
    }

    /// <summary>Perplexity on <paramref name="test"/>'s predicted tokens of the unigram model of <paramref name="training"/>'s (add-one smoothed).</summary>
    public static double UnigramPerplexity(IReadOnlyList<TokenSequence> training, IReadOnlyList<TokenSequence> test, int vocabulary)
    {
        var counts = new double[vocabulary];
        foreach (var s in training) for (var p = s.FirstPredicted; p < s.Tokens.Length; p++) counts[s.Tokens[p]]++;
        var total = counts.Sum() + vocabulary;
        double nll = 0;
        long n = 0;
        foreach (var s in test)
            for (var p = s.FirstPredicted; p < s.Tokens.Length; p++, n++)
                nll -= Math.Log((counts[s.Tokens[p]] + 1) / total);
        return Math.Exp(nll / n);
    }
}
