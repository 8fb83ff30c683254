using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SynthFixtures.Training.Tests;

/// <summary>Takes a .synth file apart and puts it back together with a fresh checksum, to test what loading checks beyond the hash.</summary>
internal static class ArtifactBytes
{
    public static (string Header, byte[] Payload) Split(byte[] bytes)
    {
        var headerLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(12));
        var header = Encoding.UTF8.GetString(bytes, 16, headerLength);
        var payloadLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(16 + headerLength));
        return (header, bytes.AsSpan(16 + headerLength + 8, payloadLength).ToArray());
    }

    public static byte[] Join(byte[] original, string header, byte[] payload)
    {
        using var stream = new MemoryStream();
        stream.Write(original, 0, 12);
        var json = Encoding.UTF8.GetBytes(header);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(number, (uint)json.Length);
        stream.Write(number[..4]);
        stream.Write(json);
        BinaryPrimitives.WriteUInt64LittleEndian(number, (ulong)payload.Length);
        stream.Write(number);
        stream.Write(payload);
        stream.Write(SHA256.HashData(stream.ToArray()));
        return stream.ToArray();
    }
}
