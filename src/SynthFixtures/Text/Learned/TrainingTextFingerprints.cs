namespace SynthFixtures.Text.Learned;

/// <summary>
/// The learned text model's copy guard: a Bloom filter of the training texts (normalised as the report judges copies:
/// lower-cased words, punctuation and spacing dropped), about 1 % false positives at 9.6 bits and 7 hashes per text. Sampling redraws any text the
/// filter holds, so no synthetic text equals a training text even up to case, spacing and punctuation. The filter stores no text, but
/// someone who guesses a whole training text can test whether it was one (as the model's likelihood of it would also
/// tell them); a text is never recoverable from it.
/// </summary>
public sealed class TrainingTextFingerprints
{
    /// <summary>Hashes per text.</summary>
    public const int HashCount = 7;

    private const double BitsPerText = 9.6;

    private readonly ulong[] _bits;

    /// <summary>A filter from its stored parts.</summary>
    /// <param name="bits">The filter's bits, 64 per word.</param>
    /// <param name="texts">How many texts were added (for <c>inspect</c>).</param>
    /// <exception cref="ArgumentException">There are no bits, or <paramref name="texts"/> is negative.</exception>
    public TrainingTextFingerprints(ulong[] bits, int texts)
    {
        ArgumentNullException.ThrowIfNull(bits);
        if (bits.Length == 0) throw new ArgumentException("A filter needs at least one word of bits.", nameof(bits));
        ArgumentOutOfRangeException.ThrowIfNegative(texts);
        (_bits, Texts) = (bits, texts);
    }

    /// <summary>The filter of <paramref name="texts"/> (missing cells skipped).</summary>
    public static TrainingTextFingerprints Of(IEnumerable<string?> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var hashes = texts.Where(t => t is not null).Select(t => Hash(Normalize(t!))).Distinct().ToArray();
        var words = Math.Max(1, (int)Math.Ceiling(hashes.Length * BitsPerText / 64));
        var filter = new TrainingTextFingerprints(new ulong[words], hashes.Length);
        foreach (var hash in hashes) filter.Add(hash);
        return filter;
    }

    /// <summary>Distinct normalised texts added.</summary>
    public int Texts { get; }

    /// <summary>The filter's bits.</summary>
    public IReadOnlyList<ulong> Bits => _bits;

    /// <summary>Whether <paramref name="text"/> (normalised) may be a training text: always true for one, and for about 1 % of others.</summary>
    public bool MayContain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (h1, h2) = Split(Hash(Normalize(text)));
        var m = (ulong)_bits.Length * 64;
        for (var k = 0; k < HashCount; k++)
        {
            var bit = (h1 + (ulong)k * h2) % m;
            if ((_bits[bit >> 6] & (1UL << (int)(bit & 63))) == 0) return false;
        }
        return true;
    }

    private void Add(ulong hash)
    {
        var (h1, h2) = Split(hash);
        var m = (ulong)_bits.Length * 64;
        for (var k = 0; k < HashCount; k++)
        {
            var bit = (h1 + (ulong)k * h2) % m;
            _bits[bit >> 6] |= 1UL << (int)(bit & 63);
        }
    }

    /// <summary>The text as copies are judged everywhere (<see cref="TextWords.Normalise"/>): lower-cased words, punctuation and spacing dropped.</summary>
    internal static string Normalize(string text) => TextWords.Normalise(text);

    /// <summary>FNV-1a over the UTF-16 units, then a SplitMix64 finaliser: stable across processes and .NET versions.</summary>
    private static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return Mix(hash);
    }

    private static (ulong, ulong) Split(ulong hash) => (hash, Mix(hash ^ 0x9E3779B97F4A7C15UL) | 1);

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
