using System.Globalization;

namespace SynthFixtures.Data;

/// <summary>
/// Reads an input to its end under the size limits of <see cref="CsvReadOptions"/>, so that an endless or enormous input
/// (<c>/dev/zero</c>, a multi-gigabyte dump, a binary file) is refused with a clear error instead of exhausting memory.
/// </summary>
internal static class BoundedInput
{
    private const int ChunkBytes = 1 << 16;

    /// <summary>All bytes of <paramref name="stream"/>.</summary>
    /// <exception cref="SynthDataException">The input is longer than <see cref="CsvReadOptions.MaxInputBytes"/> or has a line longer than <see cref="CsvReadOptions.MaxLineBytes"/>.</exception>
    public static byte[] ReadAll(Stream stream, CsvReadOptions options, string source)
    {
        var known = stream.CanSeek ? stream.Length - stream.Position : 0;
        if (known > options.MaxInputBytes) throw TooLarge(options, source, known);
        // A file of known size is read straight into its array (one copy in memory); a pipe or device grows a buffer.
        var exact = known > 0 ? new byte[known] : null;
        using var growing = exact is null ? new MemoryStream() : null;
        var chunk = exact is null ? new byte[ChunkBytes] : null;
        var line = 1;
        long lineStart = 0;
        long total = 0;
        while (true)
        {
            var span = exact is not null
                ? exact.AsSpan((int)total, (int)Math.Min(ChunkBytes, exact.Length - total))
                : chunk.AsSpan();
            if (span.IsEmpty) break;
            var read = stream.Read(span);
            if (read == 0) break;
            span = span[..read];
            if (total + read > options.MaxInputBytes) throw TooLarge(options, source, null);
            for (var at = span.IndexOf((byte)'\n'); at >= 0; at = NextNewline(span, at))
            {
                if (total + at - lineStart > options.MaxLineBytes) throw TooLong(options, source, line);
                line++;
                lineStart = total + at + 1;
            }
            total += read;
            if (total - lineStart > options.MaxLineBytes) throw TooLong(options, source, line);
            growing?.Write(span);
        }
        if (exact is not null) return total == exact.Length ? exact : exact[..(int)total]; // the file shrank while read
        return growing!.ToArray();
    }

    private static int NextNewline(ReadOnlySpan<byte> span, int after)
    {
        var next = span[(after + 1)..].IndexOf((byte)'\n');
        return next < 0 ? -1 : after + 1 + next;
    }

    private static SynthDataException TooLarge(CsvReadOptions options, string source, long? size) => new(
        size is { } known
            ? string.Create(CultureInfo.InvariantCulture, $"The input is {known:N0} bytes, more than the maximum of {options.MaxInputBytes:N0} bytes.")
            : string.Create(CultureInfo.InvariantCulture, $"The input is longer than the maximum of {options.MaxInputBytes:N0} bytes (it may never end, like /dev/zero or an open pipe)."),
        source, hint: "Give a CSV file of a size that fits in memory, or raise CsvReadOptions.MaxInputBytes.");

    private static SynthDataException TooLong(CsvReadOptions options, string source, int line) => new(
        string.Create(CultureInfo.InvariantCulture, $"Line {line} is longer than the maximum of {options.MaxLineBytes:N0} bytes without a line break."),
        source, line, null, "This is rarely a CSV file (binary data, a single-line dump): check the file, or raise CsvReadOptions.MaxLineBytes.");
}
