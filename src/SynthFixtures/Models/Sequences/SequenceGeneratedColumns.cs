using SynthFixtures.Metadata;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Sampling.Generated;

namespace SynthFixtures.Models.Sequences;

/// <summary>
/// The per-step columns no model learns (identifiers, free text, personal data), generated with the tabular samples'
/// generators (<see cref="ColumnValueGenerator"/>): entity i's cells come from its own stream
/// (<c>Derive(column).Derive(i)</c>), and identifiers count from the step's row number in the whole sample, so they are
/// unique across the sample and the same for any chunking and thread count.
/// </summary>
internal static class SequenceGeneratedColumns
{
    /// <summary>The cells of <paramref name="spec"/>'s column for a chunk's entities, whose first step is row <paramref name="firstRow"/> of the sample.</summary>
    public static SampledColumn Generate(ColumnMetadata column, GeneratedColumnSpec spec, IReadOnlyList<int> lengths, long firstEntity, long firstRow,
        SynthRandom stream, SamplingOptions options, CancellationToken cancellationToken)
    {
        var starts = new int[lengths.Count + 1];
        for (var i = 0; i < lengths.Count; i++) starts[i + 1] = starts[i] + lengths[i];
        var cells = new string?[starts[^1]];
        var columnStream = stream.Derive(spec.Name);
        var threads = Math.Max(1, Math.Min(options.MaxDegreeOfParallelism ?? Environment.ProcessorCount, lengths.Count));
        Parallel.For(0, lengths.Count, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, i =>
        {
            var entity = new ColumnValueGenerator(spec, columnStream.Derive(firstEntity + i)).Generate(lengths[i], firstRow + starts[i]);
            Array.Copy(entity, 0, cells, starts[i], entity.Length);
        });
        return new SampledColumn(column, null, texts: cells);
    }
}
