namespace SynthFixtures.Evaluation.Text;

/// <summary>
/// One side's texts of a column, read once for every metric: each non-missing cell's words as ids of a vocabulary
/// shared by all sides (so two sides compare by integer), its character and word counts, the row it came from and the
/// hash of its normalised form.
/// </summary>
internal sealed class TextCorpus
{
    private TextCorpus(int[] rows, int[][] tokens, int[] characters, ulong[] normalisedHashes)
    {
        Rows = rows;
        Tokens = tokens;
        Characters = characters;
        NormalisedHashes = normalisedHashes;
    }

    /// <summary>The table row of each text.</summary>
    public int[] Rows { get; }

    /// <summary>Each text's words as vocabulary ids.</summary>
    public int[][] Tokens { get; }

    /// <summary>Each text's length in characters.</summary>
    public int[] Characters { get; }

    /// <summary>Each text's normalised form (<see cref="TextTokens.Normalise"/>) hashed: equal hashes are copies.</summary>
    public ulong[] NormalisedHashes { get; }

    /// <summary>Number of texts.</summary>
    public int Count => Rows.Length;

    /// <summary>Reads the cells of <paramref name="rows"/> (all rows when <c>null</c>); missing and blank cells are left out.</summary>
    public static TextCorpus Read(IReadOnlyList<string?> cells, IReadOnlyList<int>? rows, TextVocabulary vocabulary)
    {
        var kept = new List<int>();
        var tokens = new List<int[]>();
        var characters = new List<int>();
        var hashes = new List<ulong>();
        var count = rows?.Count ?? cells.Count;
        for (var i = 0; i < count; i++)
        {
            var row = rows is null ? i : rows[i];
            if (cells[row] is not { } text || string.IsNullOrWhiteSpace(text)) continue;
            var words = TextTokens.Words(text);
            kept.Add(row);
            tokens.Add(words.Select(vocabulary.IdOf).ToArray());
            characters.Add(TextTokens.Characters(text));
            hashes.Add(NGramHash.OfSequence(tokens[^1]));
        }
        return new TextCorpus([.. kept], [.. tokens], [.. characters], [.. hashes]);
    }

    /// <summary>The texts at <paramref name="indexes"/> (positions in this corpus).</summary>
    public TextCorpus Subset(IReadOnlyList<int> indexes) => new(
        indexes.Select(i => Rows[i]).ToArray(), indexes.Select(i => Tokens[i]).ToArray(),
        indexes.Select(i => Characters[i]).ToArray(), indexes.Select(i => NormalisedHashes[i]).ToArray());

    /// <summary>Word counts as numbers (for the KS complement).</summary>
    public double[] WordCounts() => Tokens.Select(t => (double)t.Length).ToArray();

    /// <summary>Character counts as numbers (for the KS complement).</summary>
    public double[] CharacterCounts() => Characters.Select(c => (double)c).ToArray();

    /// <summary>How often each vocabulary id occurs over all texts.</summary>
    public Dictionary<int, long> WordFrequencies()
    {
        var counts = new Dictionary<int, long>();
        foreach (var text in Tokens)
            foreach (var id in text)
                counts[id] = counts.GetValueOrDefault(id) + 1;
        return counts;
    }
}

/// <summary>Word ↔ id, shared by the sides of one column so their token ids compare.</summary>
internal sealed class TextVocabulary
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _words = [];

    /// <summary>The id of <paramref name="word"/>, added when new.</summary>
    public int IdOf(string word)
    {
        if (_ids.TryGetValue(word, out var id)) return id;
        id = _words.Count;
        _ids.Add(word, id);
        _words.Add(word);
        return id;
    }

    /// <summary>The word of <paramref name="id"/>.</summary>
    public string WordOf(int id) => _words[id];
}

/// <summary>Hashes of token sequences and their n-grams (FNV-1a over the ids, then a 64-bit finaliser), for set lookups.</summary>
internal static class NGramHash
{
    /// <summary>The hash of a whole token sequence.</summary>
    public static ulong OfSequence(ReadOnlySpan<int> tokens) => Of(tokens, 0, tokens.Length);

    /// <summary>The hash of <c>tokens[start..start+length]</c>.</summary>
    public static ulong Of(ReadOnlySpan<int> tokens, int start, int length)
    {
        var hash = 14695981039346656037UL ^ (ulong)length;
        for (var i = start; i < start + length; i++)
        {
            hash ^= (uint)tokens[i];
            hash *= 1099511628211UL;
        }
        // The finaliser spreads FNV's weak low bits so that a HashSet of n-grams stays well distributed.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return hash;
    }

    /// <summary>Every n-gram hash of every text with at least <paramref name="n"/> tokens.</summary>
    public static HashSet<ulong> AllOf(IReadOnlyCollection<int[]> texts, int n)
    {
        // Sized for every n-gram up front: growing a set of a million entries rehashes it many times.
        var set = new HashSet<ulong>(texts.Sum(t => Math.Max(t.Length - n + 1, 0)));
        foreach (var text in texts)
            for (var i = 0; i + n <= text.Length; i++)
                set.Add(Of(text, i, n));
        return set;
    }
}
