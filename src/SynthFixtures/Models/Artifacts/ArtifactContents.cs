namespace SynthFixtures.Models.Artifacts;

/// <summary>The checked parts of a framed artifact: its format version, its JSON header and its payload.</summary>
internal readonly ref struct ArtifactContents(uint version, ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload)
{
    /// <summary>The format version in the framing.</summary>
    public uint Version { get; } = version;

    /// <summary>The UTF-8 JSON header.</summary>
    public ReadOnlySpan<byte> Header { get; } = header;

    /// <summary>The payload.</summary>
    public ReadOnlySpan<byte> Payload { get; } = payload;
}
