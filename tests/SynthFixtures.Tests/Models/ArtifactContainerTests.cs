using System.Buffers.Binary;
using System.Security.Cryptography;
using SynthFixtures.Models.Artifacts;

namespace SynthFixtures.Tests.Models;

/// <summary>
/// The shared framing writes exactly the documented layout, so single-table and multi-table files kept their bytes
/// (and the artifact hashes in lock files) when they moved onto it.
/// </summary>
public sealed class ArtifactContainerTests
{
    private static readonly ArtifactContainerWording Wording = new("test file", "Truncated at {0}.", "Copy again.", "Damaged.", "Extra bytes.");

    [Fact]
    public void Writing_gives_magic_version_header_payload_and_a_trailing_sha256()
    {
        var header = "{\"a\":1}"u8.ToArray();
        byte[][] parts = [[1, 2, 3], [], [4, 5]];
        var expected = new List<byte>("TESTMAG\n"u8.ToArray());
        var number = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(number, 7);
        expected.AddRange(number[..4]);
        BinaryPrimitives.WriteUInt32LittleEndian(number, (uint)header.Length);
        expected.AddRange(number[..4]);
        expected.AddRange(header);
        BinaryPrimitives.WriteUInt64LittleEndian(number, 5);
        expected.AddRange(number);
        foreach (var part in parts) expected.AddRange(part);
        expected.AddRange(SHA256.HashData(expected.ToArray()));

        Assert.Equal(expected.ToArray(), ArtifactContainer.Write("TESTMAG\n"u8, 7, header, parts));
    }

    [Fact]
    public void Reading_returns_the_version_header_and_payload_it_was_written_with()
    {
        var bytes = ArtifactContainer.Write("TESTMAG\n"u8, 2, "{}"u8.ToArray(), [[9, 8], [7]]);
        var contents = ArtifactContainer.Read(bytes, 2, Wording, "x");
        Assert.Equal(2u, contents.Version);
        Assert.Equal("{}"u8.ToArray(), contents.Header.ToArray());
        Assert.Equal(new byte[] { 9, 8, 7 }, contents.Payload.ToArray());
    }

    [Fact]
    public void Framing_errors_use_the_kind_s_own_wording()
    {
        var bytes = ArtifactContainer.Write("TESTMAG\n"u8, 2, "{}"u8.ToArray(), [[9, 8]]);
        var truncated = Assert.Throws<SynthDataException>(() => { ArtifactContainer.Read(bytes.AsSpan(0, bytes.Length - 1), 2, Wording, "x"); });
        Assert.Equal($"Truncated at {bytes.Length - 1}.", truncated.Reason);
        Assert.Equal("Copy again.", truncated.Hint);
        var tooNew = Assert.Throws<SynthDataException>(() => { ArtifactContainer.Read(bytes, 1, Wording, "x"); });
        Assert.StartsWith("The test file has format version 2, but this SynthFixtures", tooNew.Reason);
        var joined = Assert.Throws<SynthDataException>(() => { ArtifactContainer.Read([.. bytes, 0], 2, Wording, "x"); });
        Assert.Equal("The test file has 1 unexpected bytes after its end.", joined.Reason);
        Assert.Equal("Extra bytes.", joined.Hint);
        bytes[^33] ^= 1; // the last payload byte
        var modified = Assert.Throws<SynthDataException>(() => { ArtifactContainer.Read(bytes, 2, Wording, "x"); });
        Assert.Equal("The test file's checksum does not match its content: it was modified or damaged.", modified.Reason);
    }
}
