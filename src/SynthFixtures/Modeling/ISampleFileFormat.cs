using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Sampling;

namespace SynthFixtures.Modeling;

/// <summary>
/// How <see cref="SamplingService"/> writes a sample's rows into a file: CSV here (<see cref="CsvSampleFormat"/>),
/// Parquet in <c>SynthFixtures.Parquet</c>. The service hands the chunks over as they are drawn and moves the file into
/// place only when <see cref="Write"/> returns, so a format needs no temporary files of its own.
/// </summary>
public interface ISampleFileFormat
{
    /// <summary>What the file is, for messages, e.g. "synthetic CSV".</summary>
    string Description { get; }

    /// <summary>
    /// Writes <paramref name="chunks"/> (the rows in order, each chunk's cells as the CSV would show them; <c>null</c> is
    /// missing) into the new file <paramref name="path"/>, holding no more than a chunk or two at a time.
    /// </summary>
    /// <param name="chunks">The rows, chunk by chunk.</param>
    /// <param name="sample">The sample's schema, rows and shard.</param>
    /// <param name="path">The file to create (a temporary name beside the target).</param>
    /// <param name="cancellationToken">Checked between chunks.</param>
    void Write(IEnumerable<Table> chunks, SampleFileContext sample, string path, CancellationToken cancellationToken);
}

/// <summary>What a <see cref="ISampleFileFormat"/> knows about the sample it writes.</summary>
/// <param name="Metadata">The columns: names, kinds, formats.</param>
/// <param name="Rows">Rows the file will hold (this shard's, with a shard).</param>
/// <param name="Shard">The part of a larger sample this file is, or <c>null</c> for a whole sample.</param>
/// <param name="Options">Threads and chunk size.</param>
public sealed record SampleFileContext(TableMetadata Metadata, long Rows, SampleShard? Shard, SamplingOptions Options);
