using Parquet;
using Parquet.Schema;
using SynthFixtures.Data;
using SynthFixtures.Modeling;

namespace SynthFixtures.Parquet;

/// <summary>
/// A sample as one Parquet file (Parquet.Net, Snappy): a typed column per model column (integers as INT64, decimals as
/// DOUBLE, datetimes as timestamps, booleans as BOOLEAN, the rest as UTF-8 strings; every column nullable, a missing
/// cell a null). Chunks are gathered into row groups of at least <see cref="RowGroupRows"/> rows (whole chunks), so
/// memory stays at one row group for any row count while the file's footer, which lists every row group, stays small and
/// readers get row groups of a useful size. Shards write their part as a file of their own; read in shard order, their
/// rows are the rows of the whole sample.
/// </summary>
public sealed class ParquetSampleFormat : ISampleFileFormat
{
    /// <summary>Row groups of at least 65,536 rows (eight default chunks): 1,526 groups for 100 M rows.</summary>
    public static ParquetSampleFormat Instance { get; } = new(65_536);

    /// <summary>A format whose row groups gather whole chunks until they hold at least <paramref name="rowGroupRows"/> rows.</summary>
    /// <param name="rowGroupRows">The fewest rows of a row group (the last may hold fewer); 1 writes a row group per chunk.</param>
    public ParquetSampleFormat(int rowGroupRows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupRows, 1);
        RowGroupRows = rowGroupRows;
    }

    /// <summary>The fewest rows of a row group but the last.</summary>
    public int RowGroupRows { get; }

    /// <inheritdoc />
    public string Description => "synthetic Parquet";

    /// <summary>Whether <paramref name="path"/> names a Parquet file by its extension (<c>.parquet</c>, any case).</summary>
    public static bool IsParquetPath(string path) => Path.GetExtension(path).Equals(".parquet", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public void Write(IEnumerable<Table> chunks, SampleFileContext sample, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentNullException.ThrowIfNull(sample);
        WriteAsync(chunks, sample, path, cancellationToken).GetAwaiter().GetResult();
    }

    private async Task WriteAsync(IEnumerable<Table> chunks, SampleFileContext sample, string path, CancellationToken cancellationToken)
    {
        var columns = sample.Metadata.Columns.Select(ParquetColumn.For).ToArray();
        var schema = new ParquetSchema(columns.Select(c => c.Field));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = sample.Options.MaxDegreeOfParallelism ?? -1, CancellationToken = cancellationToken };
        await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 16);
        // Parquet.Net keeps freed page buffers in pools that are unbounded by default; bounded, memory stays at a row group.
        var options = new ParquetOptions { MaximumSmallPoolFreeBytes = 16 << 20, MaximumLargePoolFreeBytes = 64 << 20 };
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, options, cancellationToken: cancellationToken).ConfigureAwait(false);
        var pending = new List<Table>();
        var pendingRows = 0;
        foreach (var chunk in chunks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            pending.Add(chunk);
            pendingRows += chunk.RowCount;
            if (pendingRows < RowGroupRows) continue;
            await WriteGroupAsync(writer, columns, sample, pending, pendingRows, parallel, cancellationToken).ConfigureAwait(false);
            pending.Clear();
            pendingRows = 0;
        }
        if (pendingRows > 0) await WriteGroupAsync(writer, columns, sample, pending, pendingRows, parallel, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteGroupAsync(ParquetWriter writer, ParquetColumn[] columns, SampleFileContext sample, List<Table> chunks, int rows,
        ParallelOptions parallel, CancellationToken cancellationToken)
    {
        // Cells back to typed values column by column in parallel; Parquet.Net then encodes the columns in order.
        var values = new ParquetColumnValues[columns.Length];
        Parallel.For(0, columns.Length, parallel, c =>
        {
            var name = sample.Metadata.Columns[c].Name;
            var cells = new string?[rows];
            var at = 0;
            foreach (var chunk in chunks)
            {
                var column = chunk.Column(name);
                for (var r = 0; r < column.Count; r++) cells[at++] = column[r];
            }
            values[c] = columns[c].Convert(cells);
        });
        using var group = writer.CreateRowGroup();
        foreach (var column in values) await column.WriteAsync(group, cancellationToken).ConfigureAwait(false);
        group.CompleteValidate();
    }
}
