using System.Numerics;
using System.Runtime.CompilerServices;

namespace SynthFixtures.Randomness;

/// <summary>
/// xoshiro256** (Blackman and Vigna, 2018): the state and step behind <see cref="SynthRandom"/>. A struct so that a
/// tight loop can take a local copy, which the JIT keeps in registers, and write it back once.
/// </summary>
internal struct Xoshiro256(ulong s0, ulong s1, ulong s2, ulong s3)
{
    private ulong _s0 = s0, _s1 = s1, _s2 = s2, _s3 = s3;

    /// <summary>The next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Next()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits (as <see cref="SynthRandom.NextDouble"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in (0, 1) (as <see cref="SynthRandom.NextOpenDouble"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextOpenDouble() => ((Next() >> 12) + 0.5) * (1.0 / (1UL << 52));
}
