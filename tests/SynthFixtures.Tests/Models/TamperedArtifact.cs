using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SynthFixtures.Tests.Models;

/// <summary>
/// Model files edited as a deliberate tamperer would: the header JSON changed, its length and the checksum rewritten,
/// so the loader's checks of the header's content (not the checksum) are what must refuse them.
/// </summary>
internal static class TamperedArtifact
{
    /// <summary>The model file <paramref name="bytes"/> with its header JSON passed through <paramref name="edit"/>.</summary>
    public static byte[] RewriteHeader(byte[] bytes, Func<string, string> edit)
    {
        var headerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
        var json = Encoding.UTF8.GetBytes(edit(Encoding.UTF8.GetString(bytes, 16, headerLength)));
        var rest = bytes[(16 + headerLength)..^32];
        var body = new byte[16 + json.Length + rest.Length];
        bytes.AsSpan(0, 16).CopyTo(body);
        BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(12), json.Length);
        json.CopyTo(body, 16);
        rest.CopyTo(body, 16 + json.Length);
        return [.. body, .. SHA256.HashData(body)];
    }
}
