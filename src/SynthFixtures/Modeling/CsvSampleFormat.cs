using SynthFixtures.Data;

namespace SynthFixtures.Modeling;

/// <summary>
/// A sample as CSV (<see cref="Data.CsvTableWriter"/>'s format, UTF-8 without a byte order mark). The header is written by
/// a whole sample and by shard 0 only, so the shards' files joined byte by byte in order (<c>cat part-*.csv</c>) are the
/// file of the whole sample.
/// </summary>
public sealed class CsvSampleFormat : ISampleFileFormat
{
    /// <summary>The one instance (the format has no settings).</summary>
    public static CsvSampleFormat Instance { get; } = new();

    private CsvSampleFormat() { }

    /// <inheritdoc />
    public string Description => "synthetic CSV";

    /// <inheritdoc />
    public void Write(IEnumerable<Table> chunks, SampleFileContext sample, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sample);
        CsvSampleWriter.Write(chunks, sample.Rows, sample.Metadata, path, sample.Options, header: sample.Shard is null || sample.Shard.IsFirst, cancellationToken);
    }
}
