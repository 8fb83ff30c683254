using System.Buffers;
using System.Text.Unicode;

namespace SynthFixtures.Data;

/// <summary>Strict UTF-8 validation, so a Latin-1 file is reported at its first bad byte instead of read as U+FFFD garbage.</summary>
internal static class Utf8Check
{
    /// <summary>The byte offset of the first invalid UTF-8 sequence, or -1 when all bytes are valid.</summary>
    public static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes)) return -1;
        // Only on the error path: decode without replacement to learn where decoding stops.
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, bytes.Length));
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var read, out _, replaceInvalidSequences: false);
            return status == OperationStatus.Done ? -1 : read;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Whether the input starts with the UTF-8 byte order mark.</summary>
    public static bool HasBom(ReadOnlySpan<byte> bytes) => bytes.StartsWith("\uFEFF"u8);
}
