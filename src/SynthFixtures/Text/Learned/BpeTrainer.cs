namespace SynthFixtures.Text.Learned;

/// <summary>
/// Learns byte-pair merges from distinct pieces and their counts. Pair counts are kept up to date as each merge
/// rewrites only the pieces that hold its pair (found through a pair → pieces index), so a merge costs the size of
/// those pieces, not of the corpus. The most frequent pair wins; equal counts go to the smaller (left, right) ids.
/// </summary>
internal static class BpeTrainer
{
    public static List<(int Left, int Right)> LearnMerges(List<(byte[] Bytes, int Count)> pieces, int maxMerges)
    {
        var words = new List<int>[pieces.Count];
        var weights = new int[pieces.Count];
        var pairCounts = new Dictionary<long, long>();
        var pairWords = new Dictionary<long, HashSet<int>>();
        for (var w = 0; w < pieces.Count; w++)
        {
            words[w] = pieces[w].Bytes.Select(b => (int)b).ToList();
            weights[w] = pieces[w].Count;
            AddPairs(w, words[w], weights[w], pairCounts, pairWords, +1);
        }

        var merges = new List<(int Left, int Right)>();
        while (merges.Count < maxMerges)
        {
            var best = -1L;
            var bestCount = 1L;   // a pair seen once compresses nothing worth a token
            foreach (var (pair, count) in pairCounts)
                if (count > bestCount || (count == bestCount && count > 1 && pair < best))
                    (best, bestCount) = (pair, count);
            if (best < 0) break;

            var left = (int)(best >> 32);
            var right = (int)(best & 0xFFFFFFFF);
            var merged = SubwordTokenizer.ByteCount + merges.Count;
            merges.Add((left, right));
            foreach (var w in pairWords[best].ToArray())
            {
                var word = words[w];
                AddPairs(w, word, weights[w], pairCounts, pairWords, -1);
                for (var i = 0; i + 1 < word.Count; i++)
                    if (word[i] == left && word[i + 1] == right)
                    {
                        word[i] = merged;
                        word.RemoveAt(i + 1);
                    }
                AddPairs(w, word, weights[w], pairCounts, pairWords, +1);
            }
        }
        return merges;
    }

    private static void AddPairs(int w, List<int> word, int weight, Dictionary<long, long> pairCounts,
        Dictionary<long, HashSet<int>> pairWords, int sign)
    {
        for (var i = 0; i + 1 < word.Count; i++)
        {
            var key = SubwordTokenizer.Key(word[i], word[i + 1]);
            var count = pairCounts.GetValueOrDefault(key) + sign * (long)weight;
            if (count == 0)
            {
                pairCounts.Remove(key);
                pairWords.Remove(key);
                continue;
            }
            pairCounts[key] = count;
            if (sign > 0)
            {
                if (!pairWords.TryGetValue(key, out var set)) pairWords[key] = set = [];
                set.Add(w);
            }
        }
    }
}
