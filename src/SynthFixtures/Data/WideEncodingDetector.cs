using System.Text;

namespace SynthFixtures.Data;

/// <summary>
/// Recognises UTF-16 and UTF-32 input — by its byte order mark, or without one by where its NUL bytes fall (ASCII
/// text in UTF-16LE has a NUL after every character) — so it is transcoded instead of read as UTF-8 with NULs in every
/// name.
/// </summary>
internal static class WideEncodingDetector
{
    // Bytes examined to recognise a wide encoding without a byte order mark.
    private const int SampleBytes = 4096;

    /// <summary>The encoding (throwing on invalid bytes), its name and the length of its byte order mark, or <c>null</c> when the input does not look UTF-16/32.</summary>
    public static (Encoding Encoding, string Name, int BomLength)? Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) return (new UTF32Encoding(false, false, true), "UTF-32LE", 4);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])) return (new UTF32Encoding(true, false, true), "UTF-32BE", 4);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (new UnicodeEncoding(false, false, true), "UTF-16LE", 2);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (new UnicodeEncoding(true, false, true), "UTF-16BE", 2);

        var sample = bytes[..(Math.Min(bytes.Length, SampleBytes) & ~3)];
        if (sample.Length < 4 || !sample.Contains((byte)0)) return null;
        var zeros = new int[4];
        for (var i = 0; i < sample.Length; i++)
            if (sample[i] == 0) zeros[i % 4]++;
        var perLane = sample.Length / 4.0;
        bool Mostly(int lane) => zeros[lane] >= 0.9 * perLane;
        bool Rarely(int lane) => zeros[lane] <= 0.1 * perLane;
        if (Mostly(1) && Mostly(2) && Mostly(3) && Rarely(0)) return (new UTF32Encoding(false, false, true), "UTF-32LE (no byte order mark)", 0);
        if (Mostly(0) && Mostly(1) && Mostly(2) && Rarely(3)) return (new UTF32Encoding(true, false, true), "UTF-32BE (no byte order mark)", 0);
        if (Mostly(1) && Mostly(3) && Rarely(0) && Rarely(2)) return (new UnicodeEncoding(false, false, true), "UTF-16LE (no byte order mark)", 0);
        if (Mostly(0) && Mostly(2) && Rarely(1) && Rarely(3)) return (new UnicodeEncoding(true, false, true), "UTF-16BE (no byte order mark)", 0);
        return null;
    }
}
