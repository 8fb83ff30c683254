namespace SynthFixtures.Data;

/// <summary>
/// Finds the line, the 1-based field number and the byte position in its line of a byte offset in CSV input, reading
/// quotes as RFC 4180 does. Used only to place errors found outside the parser (an invalid UTF-8 byte).
/// </summary>
internal static class CsvByteLocator
{
    /// <summary>The location of <paramref name="offset"/> in <paramref name="input"/>.</summary>
    public static (int Line, int Field, int ByteInLine) Locate(ReadOnlySpan<byte> input, int offset, byte delimiter)
    {
        var line = 1;
        var field = 1;
        var lineStart = 0;
        var inQuotes = false;
        var atFieldStart = true;
        var justClosedQuote = false;
        for (var i = 0; i < offset && i < input.Length; i++)
        {
            var b = input[i];
            var isLineBreak = b == (byte)'\n' || (b == (byte)'\r' && (i + 1 >= input.Length || input[i + 1] != (byte)'\n'));
            if (isLineBreak)
            {
                line++;
                lineStart = i + 1;
            }
            var wasClosed = justClosedQuote;
            justClosedQuote = false;
            if (b == (byte)'"' && inQuotes)
            {
                inQuotes = false;
                justClosedQuote = true;
            }
            else if (b == (byte)'"' && (atFieldStart || wasClosed)) inQuotes = true; // an opening quote, or the second of a doubled ""
            else if (!inQuotes && b == delimiter) field++;
            else if (!inQuotes && isLineBreak) field = 1;
            atFieldStart = !inQuotes && (b == delimiter || b == (byte)'\n' || b == (byte)'\r');
        }
        return (line, field, offset - lineStart + 1);
    }
}
