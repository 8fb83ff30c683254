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

    public static void Write(IEnumerable<Table> chunks, long rows, TableMetadata metadata, string path, SamplingOptions options, bool header,
        CancellationToken cancellationToken)
    {
        using var writer = new StreamWriter(path, append: false, Utf8NoBom, bufferSize: 1 << 16);
        if (header) CsvTableWriter.WriteHeader(metadata.Columns.Select(c => c.Name).ToList(), writer);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? -1, CancellationToken = cancellationToken };
        Task? writing = null;
        try
        {
            var checkedRoom = false;
            foreach (var chunk in chunks)
            {
                var text = Format(chunk, parallel);
                if (!checkedRoom) CheckRoom(path, text, chunk.RowCount, rows);
                checkedRoom = true;
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

    /// <summary>
    /// Refuses, before the disk fills, a sample whose size (estimated from its first chunk) exceeds the free space of
    /// the output's file system; a file that only just does not fit still fails later as an I/O error.
    /// </summary>
    private static void CheckRoom(string path, StringBuilder[] firstChunk, int chunkRows, long rows)
    {
        if (chunkRows == 0 || chunkRows == rows) return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        long free;
        try
        {
            free = new DriveInfo(folder).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return;   // the free space is unknown here: let the write itself succeed or fail
        }
        CheckRoom(firstChunk.Sum(slice => (long)slice.Length), chunkRows, rows, free, folder);
    }

    /// <summary>The refusal when <paramref name="rows"/> rows, at the size of the first <paramref name="chunkRows"/>, exceed <paramref name="freeBytes"/>.</summary>
    internal static void CheckRoom(long firstChunkChars, int chunkRows, long rows, long freeBytes, string folder)
    {
        // The CSV text is mostly ASCII here, so a char is about a byte.
        var needed = firstChunkChars / (double)chunkRows * rows;
        if (needed > freeBytes)
            throw new SynthDataException(
                string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows need about {needed / 1e9:N1} GB, but the disk of {folder} has {freeBytes / 1e9:N1} GB free."),
                hint: "Ask for fewer rows, free some space, or write to another disk.");
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
            // Grown in small pieces, not sized up front: one large buffer per slice would be a large-object allocation per chunk.
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            CsvTableWriter.WriteRows(table, first, end - first, writer);
            text[s] = writer.GetStringBuilder();
        });
        return text;
    }
}
