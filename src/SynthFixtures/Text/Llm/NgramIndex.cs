namespace SynthFixtures.Text.Llm;

/// <summary>
/// The word n-grams of a set of texts (lower-cased words of letters and digits), for decontamination: how much of a
/// candidate text occurs in them. Hashes stand for the n-grams (64-bit, so collisions are negligible at these sizes).
/// </summary>
public sealed class NgramIndex
{
    private readonly HashSet<ulong> _grams = [];

    /// <summary>Indexes the <paramref name="n"/>-grams of <paramref name="texts"/>.</summary>
    public NgramIndex(IEnumerable<string> texts, int n)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (n < 1) throw new SynthDataException($"A decontamination n-gram needs at least 1 word, not {n}.", hint: "E.g. 8 words.");
        N = n;
        foreach (var text in texts)
            foreach (var gram in Grams(Words(text), n)) _grams.Add(gram);
    }

    /// <summary>Words per n-gram.</summary>
    public int N { get; }

    /// <summary>Distinct n-grams indexed.</summary>
    public int Count => _grams.Count;

    /// <summary>The fraction of <paramref name="text"/>'s n-grams found in the index (0 for a text shorter than n words).</summary>
    public double SharedFraction(string text)
    {
        var grams = Grams(Words(text), N).ToList();
        return grams.Count == 0 || _grams.Count == 0 ? 0 : grams.Count(_grams.Contains) / (double)grams.Count;
    }

    /// <summary>The text's words: runs of letters and digits, lower-cased.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }
        return words;
    }

    private static IEnumerable<ulong> Grams(List<string> words, int n)
    {
        for (var i = 0; i + n <= words.Count; i++)
        {
            var hash = 14695981039346656037UL;
            for (var j = i; j < i + n; j++)
                hash = (hash ^ Randomness.SynthRandom.StableHash(words[j])) * 1099511628211UL;
            yield return hash;
        }
    }
}
