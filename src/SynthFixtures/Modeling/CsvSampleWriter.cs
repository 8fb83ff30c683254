using System.Globalization;
using System.Text;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Sampling;

namespace SynthFixtures.Modeling;

/// <summary>
/// Writes sampled chunks as one CSV in <see cref="CsvTableWriter"/>'s format. A chunk's rows are formatted in parallel
/// slices (joined in order, so the bytes do not depend on the thread count), and a chunk is written to disk while the
/// next one is drawn: two chunks are in memory at most.
/// </summary>
internal static class CsvSampleWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Write(IEnumerable<SampledTable> chunks, TableMetadata metadata, string path, SamplingOptions options, CancellationToken cancellationToken)
    {
        using var writer = new StreamWriter(path, append: false, Utf8NoBom, bufferSize: 1 << 16);
        CsvTableWriter.WriteHeader(metadata.Columns.Select(c => c.Name).ToList(), writer);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? -1, CancellationToken = cancellationToken };
        Task? writing = null;
        try
        {
            foreach (var chunk in chunks)
            {
                var text = Format(chunk.ToTable(), parallel);
                writing?.GetAwaiter().GetResult();
                writing = Task.Run(() =>
                {
                    foreach (var slice in text) writer.Write(slice);
                }, CancellationToken.None);
            }
            writing?.GetAwaiter().GetResult();
            writing = null;
        }
        finally
        {
            // On failure, let a write in flight finish before the writer is disposed (its error, if any, is secondary).
            try
            {
                writing?.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
            }
        }
    }

    private static StringBuilder[] Format(Table table, ParallelOptions parallel)
    {
        var workers = parallel.MaxDegreeOfParallelism > 0 ? parallel.MaxDegreeOfParallelism : Environment.ProcessorCount;
        var slices = Math.Max(1, Math.Min(4 * workers, table.RowCount / 1024));
        var text = new StringBuilder[slices];
        Parallel.For(0, slices, parallel, s =>
        {
            var first = (int)((long)table.RowCount * s / slices);
            var end = (int)((long)table.RowCount * (s + 1) / slices);
            using var writer = new StringWriter(new StringBuilder((end - first) * 8 * table.ColumnCount), CultureInfo.InvariantCulture);
            CsvTableWriter.WriteRows(table, first, end - first, writer);
            text[s] = writer.GetStringBuilder();
        });
        return text;
    }
}
