using System.Text;

namespace SynthFixtures.Data;

/// <summary>Turns a file's bytes into checked UTF-8 for the parser: strict validation, or transcoding from a declared legacy encoding.</summary>
internal static class CsvInput
{
    /// <summary>UTF-8 bytes ready to parse (a UTF-8 byte order mark may remain; the parser skips it).</summary>
    /// <exception cref="SynthDataException">The bytes are not valid UTF-8 and no other encoding was declared.</exception>
    public static byte[] ToUtf8(byte[] bytes, CsvReadOptions options, string source)
    {
        if (options.Encoding is { } encoding && encoding.CodePage != Encoding.UTF8.CodePage)
            return Encoding.UTF8.GetBytes(encoding.GetString(bytes));

        var bad = Utf8Check.FirstInvalidByte(bytes);
        if (bad < 0) return bytes;
        var (line, field, byteInLine) = CsvByteLocator.Locate(bytes, bad, (byte)options.Delimiter);
        throw new SynthDataException(
            $"The file is not valid UTF-8: byte 0x{bytes[bad]:X2} at byte {byteInLine} of line {line} (offset {bad} in the file) cannot be decoded.",
            source, line, field,
            "Re-save the file as UTF-8 (most editors and Excel offer 'CSV UTF-8'), or, if it is in a legacy encoding such as Latin-1, set CsvReadOptions.Encoding to it.");
    }

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
