using System.Buffers.Binary;
using System.Reflection;
using System.Security.Cryptography;

namespace SynthFixtures.Models.Artifacts;

/// <summary>
/// The framing shared by single-table and multi-table model files (little-endian): an 8-byte magic; format version
/// (uint32); header length (uint32) and the UTF-8 JSON header; payload length (uint64) and the payload; then a SHA-256
/// of everything before it. Each file kind keeps its own magic, header type and wording (<see cref="ArtifactContainerWording"/>).
/// </summary>
internal static class ArtifactContainer
{
    /// <summary>The length of every artifact's magic.</summary>
    public const int MagicLength = 8;

    private const int HashLength = 32;
    private const int HeaderStart = MagicLength + 4 + 4;
    private const int FixedLength = HeaderStart + 8 + HashLength;

    /// <summary>The producer version written into headers and named in "too new" errors.</summary>
    public static string ProducerVersion =>
        typeof(ArtifactContainer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    /// <summary>The framed bytes: <paramref name="magic"/>, <paramref name="version"/>, the header, the payload parts one after another, the checksum.</summary>
    public static byte[] Write(ReadOnlySpan<byte> magic, int version, byte[] header, IEnumerable<byte[]> payloadParts)
    {
        if (magic.Length != MagicLength) throw new ArgumentException($"An artifact magic has {MagicLength} bytes.", nameof(magic));
        var parts = payloadParts.ToList();
        using var stream = new MemoryStream();
        stream.Write(magic);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(number, (uint)version);
        stream.Write(number[..4]);
        BinaryPrimitives.WriteUInt32LittleEndian(number, (uint)header.Length);
        stream.Write(number[..4]);
        stream.Write(header);
        BinaryPrimitives.WriteUInt64LittleEndian(number, (ulong)parts.Sum(part => (long)part.Length));
        stream.Write(number);
        foreach (var part in parts) stream.Write(part);
        stream.Write(SHA256.HashData(stream.GetBuffer().AsSpan(0, (int)stream.Length)));
        return stream.ToArray();
    }

    /// <summary>
    /// Checks the framing of <paramref name="bytes"/>, whose magic the caller has already recognised (each kind words
    /// "not this kind of file" its own way): length, version (1 to <paramref name="newestVersion"/>), declared lengths and checksum.
    /// </summary>
    /// <exception cref="SynthDataException">The bytes are truncated, too new, of version 0, followed by extra bytes, or modified.</exception>
    public static ArtifactContents Read(ReadOnlySpan<byte> bytes, int newestVersion, ArtifactContainerWording wording, string sourceName)
    {
        if (bytes.Length < FixedLength) throw wording.Truncated(sourceName, bytes.Length);
        var version = BinaryPrimitives.ReadUInt32LittleEndian(bytes[MagicLength..]);
        if (version > newestVersion)
            throw new SynthDataException($"The {wording.FileNoun} has format version {version}, but this SynthFixtures ({ProducerVersion}) reads up to version {newestVersion}.",
                sourceName, hint: "Upgrade SynthFixtures, or retrain the model with this version.");
        if (version == 0)
            throw new SynthDataException($"The {wording.FileNoun} has format version 0, which does not exist.", sourceName, hint: wording.DamagedHint);
        var headerLength = (long)BinaryPrimitives.ReadUInt32LittleEndian(bytes[(MagicLength + 4)..]);
        if (HeaderStart + headerLength + 8 + HashLength > bytes.Length) throw wording.Truncated(sourceName, bytes.Length);
        var payloadLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(int)(HeaderStart + headerLength)..]);
        var expectedLength = HeaderStart + headerLength + 8 + (decimal)payloadLength + HashLength;
        if (expectedLength > bytes.Length) throw wording.Truncated(sourceName, bytes.Length);
        if (expectedLength < bytes.Length)
            throw new SynthDataException($"The {wording.FileNoun} has {bytes.Length - (long)expectedLength} unexpected bytes after its end.", sourceName,
                hint: wording.TrailingBytesHint);
        if (!SHA256.HashData(bytes[..^HashLength]).AsSpan().SequenceEqual(bytes[^HashLength..]))
            throw new SynthDataException($"The {wording.FileNoun}'s checksum does not match its content: it was modified or damaged.", sourceName,
                hint: "Restore the file from source control or retrain the model.");
        return new ArtifactContents(
            version,
            bytes.Slice(HeaderStart, (int)headerLength),
            bytes.Slice((int)(HeaderStart + headerLength + 8), (int)payloadLength));
    }
}
