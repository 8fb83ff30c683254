using System.Text;

namespace SynthFixtures.Text.Learned;

/// <summary>
/// A byte-level byte-pair-encoding tokenizer trained on one column's texts: ids 0–255 are the UTF-8 bytes, each id
/// after them the merge of two earlier ids, learned most-frequent-pair first (ties broken by the smaller pair of ids, so
/// training is deterministic). Merges stay inside the pieces <see cref="TextChunks"/> cuts a text into (a word with its
/// leading space, a symbol run, a whitespace run), so training counts each distinct piece once with its frequency
/// instead of walking the whole text. Every string round-trips (<c>Decode(Encode(s)) == s</c>), except that a lone
/// surrogate, which UTF-8 cannot hold, comes back as U+FFFD.
/// </summary>
public sealed class SubwordTokenizer
{
    /// <summary>Byte ids come first: 256 of them.</summary>
    public const int ByteCount = 256;

    private static readonly Encoding Utf8Lenient = new UTF8Encoding(false, false);

    /// <summary>UTF-8 that drops invalid bytes: a sampled sequence can end inside a character.</summary>
    private static readonly Encoding Utf8Dropping =
        Encoding.GetEncoding("utf-8", EncoderFallback.ReplacementFallback, new DecoderReplacementFallback(string.Empty));

    private readonly (int Left, int Right)[] _merges;
    private readonly byte[][] _bytes;
    private readonly Dictionary<long, int> _mergeRank;

    /// <summary>A tokenizer from its merges, in the order they were learned.</summary>
    /// <param name="merges">Merge k makes id 256 + k from two ids below it.</param>
    /// <exception cref="ArgumentException">A merge names an id that does not exist yet, or repeats an earlier pair.</exception>
    public SubwordTokenizer(IReadOnlyList<(int Left, int Right)> merges)
    {
        ArgumentNullException.ThrowIfNull(merges);
        _merges = merges.ToArray();
        _bytes = new byte[ByteCount + _merges.Length][];
        for (var b = 0; b < ByteCount; b++) _bytes[b] = [(byte)b];
        _mergeRank = new Dictionary<long, int>(_merges.Length);
        for (var k = 0; k < _merges.Length; k++)
        {
            var (left, right) = _merges[k];
            var id = ByteCount + k;
            if (left < 0 || right < 0 || left >= id || right >= id)
                throw new ArgumentException($"Merge {k} joins ids {left} and {right}, but only ids below {id} exist.", nameof(merges));
            if (!_mergeRank.TryAdd(Key(left, right), k))
                throw new ArgumentException($"Merge {k} repeats the pair ({left}, {right}).", nameof(merges));
            _bytes[id] = [.. _bytes[left], .. _bytes[right]];
        }
    }

    /// <summary>Number of ids: 256 bytes plus the merges.</summary>
    public int Count => _bytes.Length;

    /// <summary>The merges in the order they were learned (merge k makes id 256 + k).</summary>
    public IReadOnlyList<(int Left, int Right)> Merges => _merges;

    /// <summary>
    /// Learns merges from <paramref name="texts"/> until the vocabulary holds <paramref name="vocabularySize"/> ids, or
    /// fewer when no pair occurs twice any more.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="vocabularySize"/> is below 256.</exception>
    public static SubwordTokenizer Train(IEnumerable<string> texts, int vocabularySize)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabularySize, ByteCount);
        return new SubwordTokenizer(BpeTrainer.LearnMerges(CountChunks(texts), vocabularySize - ByteCount));
    }

    /// <summary>The ids of <paramref name="text"/>.</summary>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>(text.Length / 3 + 1);
        foreach (var chunk in TextChunks.Split(text)) EncodeChunk(Utf8Lenient.GetBytes(chunk), ids);
        return [.. ids];
    }

    /// <summary>The text of <paramref name="ids"/>; bytes that do not form whole UTF-8 characters are dropped.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An id is not in [0, <see cref="Count"/>).</exception>
    public string Decode(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var bytes = new List<byte>();
        foreach (var id in ids)
        {
            if ((uint)id >= (uint)_bytes.Length) throw new ArgumentOutOfRangeException(nameof(ids), id, $"Token ids run from 0 to {_bytes.Length - 1}.");
            bytes.AddRange(_bytes[id]);
        }
        return Utf8Dropping.GetString(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes));
    }

    /// <summary>The UTF-8 bytes id <paramref name="id"/> stands for.</summary>
    public ReadOnlySpan<byte> BytesOf(int id) => _bytes[id];

    /// <summary>Distinct pieces of the texts with how often each occurs, as UTF-8 bytes, in ordinal order.</summary>
    internal static List<(byte[] Bytes, int Count)> CountChunks(IEnumerable<string> texts)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            if (text is null) continue;
            foreach (var chunk in TextChunks.Split(text))
                counts[chunk] = counts.GetValueOrDefault(chunk) + 1;
        }
        return counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (Utf8Lenient.GetBytes(p.Key), p.Value)).ToList();
    }

    private void EncodeChunk(byte[] chunk, List<int> ids)
    {
        var symbols = new List<int>(chunk.Length);
        foreach (var b in chunk) symbols.Add(b);
        while (symbols.Count > 1)
        {
            // The pair learned earliest is merged first, as in training.
            var best = -1;
            var bestRank = int.MaxValue;
            for (var i = 0; i + 1 < symbols.Count; i++)
                if (_mergeRank.TryGetValue(Key(symbols[i], symbols[i + 1]), out var rank) && rank < bestRank)
                    (best, bestRank) = (i, rank);
            if (best < 0) break;
            var merged = ByteCount + bestRank;
            var (left, right) = _merges[bestRank];
            for (var i = best; i + 1 < symbols.Count; i++)
                if (symbols[i] == left && symbols[i + 1] == right)
                {
                    symbols[i] = merged;
                    symbols.RemoveAt(i + 1);
                }
        }
        ids.AddRange(symbols);
    }

    internal static long Key(int left, int right) => ((long)left << 32) | (uint)right;
}
