namespace SynthFixtures.Evaluation.Text;

/// <summary>Vocabulary coverage, out-of-vocabulary rate and the keyword distribution of two corpora.</summary>
internal static class VocabularyMetrics
{
    /// <summary>
    /// (coverage, out-of-vocabulary rate) of <paramref name="other"/> against <paramref name="real"/>: the share of real
    /// word occurrences whose word <paramref name="other"/> uses, and the share of <paramref name="other"/>'s word
    /// occurrences that real texts never use. Both sides empty: (1, 0); one side empty: (0, 1 or 0).
    /// </summary>
    public static (double Coverage, double OutOfVocabulary) Compare(Dictionary<int, long> real, Dictionary<int, long> other)
    {
        long realTotal = 0, covered = 0, otherTotal = 0, unseen = 0;
        foreach (var (word, count) in real)
        {
            realTotal += count;
            if (other.ContainsKey(word)) covered += count;
        }
        foreach (var (word, count) in other)
        {
            otherTotal += count;
            if (!real.ContainsKey(word)) unseen += count;
        }
        if (realTotal == 0 && otherTotal == 0) return (1, 0);
        return (realTotal == 0 ? 0 : (double)covered / realTotal, otherTotal == 0 ? 0 : (double)unseen / otherTotal);
    }

    /// <summary>
    /// 1 − TV distance between the two sides' frequency distributions over the union of each side's
    /// <paramref name="top"/> most frequent content words (ties by word, so the choice is deterministic), each side's
    /// counts normalised over that union; the sides' top ten keywords with their shares for the report.
    /// </summary>
    public static KeywordScore Keywords(Dictionary<int, long> real, Dictionary<int, long> synthetic, TextVocabulary vocabulary, int top)
    {
        var realTop = TopContentWords(real, vocabulary, top);
        var syntheticTop = TopContentWords(synthetic, vocabulary, top);
        var keywords = realTop.Union(syntheticTop).ToArray();
        double realTotal = keywords.Sum(w => (double)real.GetValueOrDefault(w));
        double syntheticTotal = keywords.Sum(w => (double)synthetic.GetValueOrDefault(w));
        double tv;
        if (realTotal == 0 || syntheticTotal == 0) tv = realTotal == syntheticTotal ? 0 : 1;
        else tv = 0.5 * keywords.Sum(w => Math.Abs(real.GetValueOrDefault(w) / realTotal - synthetic.GetValueOrDefault(w) / syntheticTotal));
        KeywordShare[] Shares(int[] words, Dictionary<int, long> counts, double total) =>
            words.Take(10).Select(w => new KeywordShare(vocabulary.WordOf(w), total == 0 ? 0 : counts.GetValueOrDefault(w) / total)).ToArray();
        return new KeywordScore(1 - tv, keywords.Length, Shares(realTop, real, realTotal), Shares(syntheticTop, synthetic, syntheticTotal));
    }

    private static int[] TopContentWords(Dictionary<int, long> counts, TextVocabulary vocabulary, int top) =>
        counts.Where(p => IsContentWord(vocabulary.WordOf(p.Key)))
            .OrderByDescending(p => p.Value).ThenBy(p => vocabulary.WordOf(p.Key), StringComparer.Ordinal)
            .Take(top).Select(p => p.Key).ToArray();

    // Numbers and single letters say little about a topic; stop words even less.
    private static bool IsContentWord(string word) => word.Length > 1 && !StopWords.Contains(word) && !word.All(char.IsDigit);
}
