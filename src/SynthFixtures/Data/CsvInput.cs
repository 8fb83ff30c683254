using System.Text;

namespace SynthFixtures.Data;

/// <summary>Turns a file's bytes into checked UTF-8 for the parser: strict validation, or transcoding from a declared legacy encoding.</summary>
internal static class CsvInput
{
    /// <summary>
    /// UTF-8 bytes ready to parse (a UTF-8 byte order mark may remain; the parser skips it), and the name of the encoding
    /// they were transcoded from, or <c>null</c> when the input was UTF-8 (or the declared encoding).
    /// </summary>
    /// <exception cref="SynthDataException">The bytes are not valid UTF-8, UTF-16 or UTF-32 and no other encoding was declared, or they hold NUL bytes.</exception>
    public static (byte[] Utf8, string? TranscodedFrom) ToUtf8(byte[] bytes, CsvReadOptions options, string source)
    {
        if (options.Encoding is { } encoding && encoding.CodePage != Encoding.UTF8.CodePage)
            return (Encoding.UTF8.GetBytes(encoding.GetString(bytes)), null);

        if (WideEncodingDetector.Detect(bytes) is { } wide)
        {
            string text;
            try
            {
                text = wide.Encoding.GetString(bytes, wide.BomLength, bytes.Length - wide.BomLength);
            }
            catch (DecoderFallbackException e)
            {
                throw new SynthDataException($"The file looks like {wide.Name} but does not decode as it: {e.Message}", source,
                    hint: "Re-save the file as UTF-8 (most editors and Excel offer 'CSV UTF-8').", inner: e);
            }
            var utf8 = Encoding.UTF8.GetBytes(text);
            ThrowIfNul(utf8, options, source, $" (after reading it as {wide.Name})");
            return (utf8, wide.Name);
        }

        var bad = Utf8Check.FirstInvalidByte(bytes);
        if (bad >= 0)
        {
            var (line, field, byteInLine) = CsvByteLocator.Locate(bytes, bad, Separator(options));
            throw new SynthDataException(
                $"The file is not valid UTF-8: byte 0x{bytes[bad]:X2} at byte {byteInLine} of line {line} (offset {bad} in the file) cannot be decoded.",
                source, line, field,
                "Re-save the file as UTF-8 (most editors and Excel offer 'CSV UTF-8'), or, if it is in a legacy encoding such as Latin-1, set CsvReadOptions.Encoding to it.");
        }
        ThrowIfNul(bytes, options, source, "");
        return (bytes, null);
    }

    // A NUL byte is never text: a binary file, or a wide encoding mixed with something else.
    private static void ThrowIfNul(byte[] utf8, CsvReadOptions options, string source, string after)
    {
        var nul = Array.IndexOf(utf8, (byte)0);
        if (nul < 0) return;
        var (line, field, byteInLine) = CsvByteLocator.Locate(utf8, nul, Separator(options));
        throw new SynthDataException(
            $"The file holds a NUL byte at byte {byteInLine} of line {line}{after}: it is binary, or text in an encoding other than UTF-8, UTF-16 or UTF-32.",
            source, line, field, "Give a text CSV file, saved as UTF-8.");
    }

    // Errors found before the delimiter is known place fields by a comma; they name the line in any case.
    private static byte Separator(CsvReadOptions options) => (byte)(options.Delimiter ?? ',');

    /// <summary>Whether the input holds nothing but whitespace (after a byte order mark).</summary>
    public static bool IsBlank(ReadOnlySpan<byte> utf8)
    {
        if (Utf8Check.HasBom(utf8)) utf8 = utf8[3..];
        foreach (var b in utf8)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
        return true;
    }

    /// <summary>The 1-based line of the header: the parser skips empty lines before it.</summary>
    public static int HeaderLine(ReadOnlySpan<byte> utf8)
    {
        if (Utf8Check.HasBom(utf8)) utf8 = utf8[3..];
        var line = 1;
        for (var i = 0; i < utf8.Length && utf8[i] is (byte)'\r' or (byte)'\n'; i++)
            if (utf8[i] == (byte)'\n' || i + 1 >= utf8.Length || utf8[i + 1] != (byte)'\n') line++;
        return line;
    }
}
