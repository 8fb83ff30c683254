using System.Runtime.CompilerServices;
using SynthFixtures.Randomness;

namespace SynthFixtures.Sampling.Typed;

/// <summary>
/// The draws generated synthesizers make, one method per kind of value. Integer-like values (integers, decimals in
/// cents, dates in days, times in seconds) are drawn uniformly in an inclusive range of <see cref="long"/>; the
/// generator converts them to the property type, so every constraint is met by construction, never by rejection.
/// </summary>
public static class SynthDraw
{
    /// <summary>A uniform integer in [<paramref name="min"/>, <paramref name="max"/>] without modulo bias.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Int64(SynthRandom random, long min, long max)
    {
        var range = unchecked((ulong)(max - min)) + 1;
        if (range == 0) return unchecked((long)random.NextUInt64()); // the full 64-bit range
        var high = Math.BigMul(random.NextUInt64(), range, out var low);
        if (low < range)
        {
            var threshold = (0UL - range) % range;
            while (low < threshold) high = Math.BigMul(random.NextUInt64(), range, out low);
        }
        return unchecked(min + (long)high);
    }

    /// <summary>A uniform double in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Double(SynthRandom random, double min, double max)
    {
        var value = min + (max - min) * random.NextDouble();
        return value > max ? max : value; // rounding of the product can overshoot by one ulp
    }

    /// <summary>A uniform float in [<paramref name="min"/>, <paramref name="max"/>], the bounds rounded inward to floats.</summary>
    public static float Single(SynthRandom random, double min, double max)
    {
        var (low, high) = SingleBounds(min, max);
        var value = (float)Double(random, low, high);
        return Math.Clamp(value, low, high);
    }

    /// <summary>A continuous draw as a float, kept inside the floats of [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static float ToSingle(double value, double min, double max)
    {
        var (low, high) = SingleBounds(min, max);
        return Math.Clamp((float)value, low, high);
    }

    /// <summary>Rounds a double range inward to the floats inside it.</summary>
    public static (float Low, float High) SingleBounds(double min, double max)
    {
        var low = (float)min;
        if (low < min) low = MathF.BitIncrement(low);
        var high = (float)max;
        if (high > max) high = MathF.BitDecrement(high);
        return (low, high);
    }

    /// <summary>A fair coin.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Bool(SynthRandom random) => (random.NextUInt64() >> 63) != 0;

    /// <summary>True with probability <paramref name="rate"/>: whether a nullable property is null this time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsNull(SynthRandom random, double rate) => random.NextDouble() < rate;

    /// <summary>A seeded random version-4 GUID.</summary>
    public static Guid Guid(SynthRandom random)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, random.NextUInt64());
        BitConverter.TryWriteBytes(bytes[8..], random.NextUInt64());
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 (the byte order of System.Guid's layout)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }

    /// <summary>Lower-case ASCII letters, between <paramref name="minLength"/> and <paramref name="maxLength"/> of them.</summary>
    public static string Letters(SynthRandom random, int minLength, int maxLength)
    {
        var length = (int)Int64(random, minLength, maxLength);
        return string.Create(length, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = (char)('a' + r.NextInt(26));
        });
    }

    /// <summary>An index into a list of values given cumulative weights (the last entry is the total).</summary>
    public static int Weighted(SynthRandom random, double[] cumulativeWeights)
    {
        ArgumentNullException.ThrowIfNull(cumulativeWeights);
        var target = random.NextDouble() * cumulativeWeights[^1];
        for (var i = 0; i < cumulativeWeights.Length - 1; i++)
            if (target < cumulativeWeights[i]) return i;
        return cumulativeWeights.Length - 1;
    }

    /// <summary>A normal draw truncated to [<paramref name="min"/>, <paramref name="max"/>] by inverse-CDF sampling.</summary>
    public static double Normal(SynthRandom random, double mean, double std, double min, double max)
    {
        if (double.IsNegativeInfinity(min) && double.IsPositiveInfinity(max)) return mean + std * random.NextNormal();
        var z = StandardNormal.SampleTruncated(random, (min - mean) / std, (max - mean) / std);
        return Math.Clamp(mean + std * z, min, max);
    }

    /// <summary>A log-normal draw (parameters of the underlying normal) truncated to [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static double LogNormal(SynthRandom random, double mu, double sigma, double min, double max)
    {
        var logMin = min <= 0 ? double.NegativeInfinity : Math.Log(min);
        var logMax = double.IsPositiveInfinity(max) ? double.PositiveInfinity : Math.Log(max);
        return Math.Clamp(Math.Exp(Normal(random, mu, sigma, logMin, logMax)), Math.Max(min, 0), max);
    }

    /// <summary>An exponential draw with mean <paramref name="mean"/> truncated to [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static double Exponential(SynthRandom random, double mean, double min, double max)
    {
        var low = Math.Max(min, 0);
        var cdfLow = -double.ExpM1(-low / mean);
        var cdfHigh = double.IsPositiveInfinity(max) ? 1 : -double.ExpM1(-max / mean);
        var u = cdfLow + (cdfHigh - cdfLow) * random.NextOpenDouble();
        return Math.Clamp(-mean * Math.Log(1 - u), low, max);
    }

    /// <summary>A continuous draw rounded to the nearest integer inside [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static long Round(double value, long min, long max) =>
        double.IsNaN(value) ? min : (long)Math.Clamp(Math.Round(value), min, max);

    /// <summary>
    /// A Bogus <see cref="Bogus.Faker"/> whose randomizer is seeded from <paramref name="random"/> and whose date
    /// datasets count from <paramref name="referenceDate"/>, so <c>[Fake]</c> values follow the synthesizer's seed
    /// rather than Bogus's global seed or the wall clock.
    /// </summary>
    public static Bogus.Faker Faker(SynthRandom random, DateTime referenceDate)
    {
        ArgumentNullException.ThrowIfNull(random);
        return new Bogus.Faker
        {
            Random = new Bogus.Randomizer(unchecked((int)random.NextUInt64())),
            DateTimeReference = referenceDate,
        };
    }
}
