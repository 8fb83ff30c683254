using System.Text;

namespace SynthFixtures.Data;

/// <summary>
/// Writes a <see cref="Table"/> as RFC 4180 CSV: a header row, then one line per row, <c>'\n'</c> line endings, fields
/// quoted only when they contain a comma, a quote or a line break (quotes doubled), cell text written exactly as held
/// (padding included), and a missing cell written as its column's <see cref="Table.MissingTokens">missing token</see>
/// (empty when there is none). Files are UTF-8 without a byte order mark. Identical tables give identical bytes.
/// </summary>
public static class CsvTableWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // How often a long write looks at its cancellation token: often enough to stop within milliseconds.
    private const int RowsBetweenCancellationChecks = 4096;

    /// <summary>Writes <paramref name="table"/> to the file at <paramref name="path"/>, replacing it in place (see <see cref="Files.OutputFiles"/> for a write that is whole or nothing).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; the file is incomplete.</exception>
    public static void Write(Table table, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var writer = new StreamWriter(path, append: false, Utf8NoBom, bufferSize: 1 << 16);
        Write(table, writer, cancellationToken);
    }

    /// <summary>Writes <paramref name="table"/> to <paramref name="writer"/> (whose encoding is the caller's choice).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled part way.</exception>
    public static void Write(Table table, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        WriteHeader(table.ColumnNames, writer);
        WriteRows(table, 0, table.RowCount, writer, cancellationToken);
    }

    /// <summary>
    /// Writes the header line alone, for a file written in parts: the header, then <see cref="WriteRows"/> for each part
    /// gives exactly the bytes of <see cref="Write(Table, TextWriter, CancellationToken)"/> on the parts joined.
    /// </summary>
    public static void WriteHeader(IReadOnlyList<string> columnNames, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(columnNames);
        ArgumentNullException.ThrowIfNull(writer);
        var quoteEmpty = QuoteEmpty(columnNames.Count);
        for (var c = 0; c < columnNames.Count; c++)
        {
            if (c > 0) writer.Write(',');
            WriteField(writer, columnNames[c], quoteEmpty);
        }
        writer.Write('\n');
    }

    /// <summary>Writes rows <paramref name="firstRow"/> … <paramref name="firstRow"/> + <paramref name="count"/> − 1 of <paramref name="table"/>, without a header.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled part way.</exception>
    public static void WriteRows(Table table, int firstRow, int count, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentOutOfRangeException.ThrowIfNegative(firstRow);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstRow + (long)count, table.RowCount, nameof(count));
        var quoteEmpty = QuoteEmpty(table.ColumnCount);
        for (var r = firstRow; r < firstRow + count; r++)
        {
            if (r % RowsBetweenCancellationChecks == 0) cancellationToken.ThrowIfCancellationRequested();
            for (var c = 0; c < table.ColumnCount; c++)
            {
                if (c > 0) writer.Write(',');
                WriteField(writer, table[r, c] ?? table.MissingTokens[c] ?? "", quoteEmpty);
            }
            writer.Write('\n');
        }
    }

    // With one column an empty field would make an empty line, which readers skip: quote it so the row survives.
    private static bool QuoteEmpty(int columnCount) => columnCount == 1;

    /// <summary>The CSV text of <paramref name="table"/>.</summary>
    public static string WriteToString(Table table)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(table, writer);
        return writer.ToString();
    }

    private static void WriteField(TextWriter writer, string value, bool quoteEmpty)
    {
        if (value.Length == 0)
        {
            if (quoteEmpty) writer.Write("\"\"");
            return;
        }
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(value);
            return;
        }
        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
