using System.Globalization;

namespace SynthFixtures.Models.Artifacts;

/// <summary>How one kind of artifact words the framing errors, kept as each kind has always worded them.</summary>
/// <param name="FileNoun">What the file is called in messages ("model file", "multi-table model file").</param>
/// <param name="TruncatedReason">The truncation reason; <c>{0}</c> is the length in bytes.</param>
/// <param name="TruncatedHint">The hint for a truncated file.</param>
/// <param name="DamagedHint">The hint for a file with format version 0.</param>
/// <param name="TrailingBytesHint">The hint for a file with bytes after its declared end.</param>
internal sealed record ArtifactContainerWording(string FileNoun, string TruncatedReason, string TruncatedHint, string DamagedHint, string TrailingBytesHint)
{
    /// <summary>The error for a file of <paramref name="length"/> bytes that ends before its declared content.</summary>
    public SynthDataException Truncated(string sourceName, int length) =>
        new(string.Format(CultureInfo.InvariantCulture, TruncatedReason, length), sourceName, hint: TruncatedHint);
}
