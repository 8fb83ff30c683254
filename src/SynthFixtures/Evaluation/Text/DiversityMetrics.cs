namespace SynthFixtures.Evaluation.Text;

/// <summary>Distinct-n, duplicate and near-duplicate rates within one corpus.</summary>
internal static class DiversityMetrics
{
    /// <summary>Distinct n-grams / n-grams over all texts (1 for no n-grams).</summary>
    public static double Distinct(TextCorpus corpus, int n)
    {
        var seen = new HashSet<ulong>();
        long total = 0;
        foreach (var tokens in corpus.Tokens)
            for (var i = 0; i + n <= tokens.Length; i++)
            {
                seen.Add(NGramHash.Of(tokens, i, n));
                total++;
            }
        return total == 0 ? 1 : (double)seen.Count / total;
    }

    /// <summary>Share of texts whose normalised form occurs more than once in the corpus.</summary>
    public static double DuplicateRate(TextCorpus corpus)
    {
        if (corpus.Count == 0) return 0;
        var counts = new Dictionary<ulong, int>();
        foreach (var hash in corpus.NormalisedHashes) counts[hash] = counts.GetValueOrDefault(hash) + 1;
        return (double)corpus.NormalisedHashes.Count(h => counts[h] > 1) / corpus.Count;
    }

    /// <summary>Share of texts that share an n-word run with another text of the corpus (a text repeating itself does not count).</summary>
    public static double NearDuplicateRate(TextCorpus corpus, int n)
    {
        if (corpus.Count == 0) return 0;
        // For each n-gram, the first text it was seen in, or -1 once a second text has it.
        var owner = new Dictionary<ulong, int>();
        for (var t = 0; t < corpus.Count; t++)
        {
            var tokens = corpus.Tokens[t];
            for (var i = 0; i + n <= tokens.Length; i++)
            {
                var hash = NGramHash.Of(tokens, i, n);
                if (!owner.TryGetValue(hash, out var first)) owner[hash] = t;
                else if (first != t) owner[hash] = -1;
            }
        }
        var near = 0;
        for (var t = 0; t < corpus.Count; t++)
        {
            var tokens = corpus.Tokens[t];
            for (var i = 0; i + n <= tokens.Length; i++)
                if (owner[NGramHash.Of(tokens, i, n)] == -1)
                {
                    near++;
                    break;
                }
        }
        return (double)near / corpus.Count;
    }
}
