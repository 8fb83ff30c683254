using System.Runtime.CompilerServices;

namespace SynthFixtures.Randomness;

/// <summary>
/// The one random number generator behind every choice SynthFixtures makes: xoshiro256** seeded through SplitMix64.
/// It is ours rather than <see cref="Random"/> because its sequence must never change between .NET versions
/// (artifacts and samples are byte-identical for a seed), and because independent streams are derived by name
/// (<see cref="Derive(string)"/>, <see cref="Derive(long)"/>) so a column's draws do not depend on other columns,
/// on thread count, or on how many rows were asked for before. Not thread-safe: give each worker its own stream.
/// </summary>
public sealed class SynthRandom
{
    private Xoshiro256 _state;
    private double? _spareNormal;

    /// <summary>Creates a stream from a seed.</summary>
    public SynthRandom(long seed)
    {
        var sm = unchecked((ulong)seed);
        _state = new Xoshiro256(SplitMix(ref sm), SplitMix(ref sm), SplitMix(ref sm), SplitMix(ref sm));
        Seed = seed;
    }

    /// <summary>The seed this stream was created from.</summary>
    public long Seed { get; }

    /// <summary>An independent stream for a named purpose (e.g. a column name), derived from this stream's seed only.</summary>
    public SynthRandom Derive(string purpose) => new(Mix(Seed, StableHash(purpose)));

    /// <summary>An independent stream for a numbered purpose (e.g. a batch index), derived from this stream's seed only.</summary>
    public SynthRandom Derive(long index) => new(Mix(Seed, unchecked((ulong)index * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL)));

    /// <summary>The next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64() => _state.Next();

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in the open interval (0, 1), safe to pass to an inverse CDF.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextOpenDouble() => ((NextUInt64() >> 12) + 0.5) * (1.0 / (1UL << 52));

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>) without modulo bias (Lemire's method).</summary>
    public int NextInt(int maxExclusive)
    {
        if (maxExclusive <= 0) throw new ArgumentOutOfRangeException(nameof(maxExclusive));
        var range = (ulong)maxExclusive;
        var m = Math.BigMul(NextUInt64(), range, out var low);
        if (low < range)
        {
            var threshold = (0UL - range) % range;
            while (low < threshold) m = Math.BigMul(NextUInt64(), range, out low);
        }
        return (int)m;
    }

    /// <summary>A standard normal draw (Marsaglia's polar method; the second value of each pair is kept for the next call).</summary>
    public double NextNormal()
    {
        if (_spareNormal is { } spare)
        {
            _spareNormal = null;
            return spare;
        }
        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        var factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareNormal = v * factor;
        return u * factor;
    }

    /// <summary>Fills <paramref name="destination"/> with standard normal draws.</summary>
    public void FillNormal(Span<double> destination)
    {
        for (var i = 0; i < destination.Length; i++) destination[i] = NextNormal();
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with standard normal draws in single precision, by the ziggurat method (a
    /// neural sampler's noise: hundreds of draws per row, where <see cref="NextNormal"/>'s logarithm per pair would
    /// cost more than the network). A different sequence from <see cref="NextNormal"/>'s, equally exact.
    /// </summary>
    public void FillNormal(Span<float> destination)
    {
        NormalZiggurat.Fill(ref _state, destination);   // its hot loop steps a local copy of the state
    }

    /// <summary>A stable 64-bit FNV-1a hash of a string (UTF-16 code units), unlike <see cref="string.GetHashCode()"/> which changes per process.</summary>
    public static ulong StableHash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var ch in text)
        {
            hash ^= ch;
            hash *= 1099511628211UL;
        }
        return hash;
    }

    private static long Mix(long seed, ulong salt)
    {
        var x = unchecked((ulong)seed) ^ salt;
        return unchecked((long)SplitMix(ref x));
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
