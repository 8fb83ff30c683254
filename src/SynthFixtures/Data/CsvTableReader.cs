using System.Text;
using CsvHelper;
using SynthFixtures.Data.Files;

namespace SynthFixtures.Data;

/// <summary>
/// Reads a CSV file into a <see cref="Table"/> with CsvHelper: a header row is required; quoted fields may hold
/// separators, doubled quotes and line breaks (RFC 4180); the separator is detected (comma, semicolon, tab, pipe) unless
/// given; input is UTF-8 with or without a byte order mark, or UTF-16/32 (transcoded); its size and line length are
/// bounded (<see cref="CsvReadOptions.MaxInputBytes"/>, <see cref="CsvReadOptions.MaxLineBytes"/>); nothing is
/// culture-dependent. Missing-value tokens become <c>null</c>. Anything doubtful — a ragged row, a broken quote,
/// an undecodable byte, a bad header — is a <see cref="SynthDataException"/> with file, line, field and a hint, never
/// silently wrong data.
/// </summary>
public static class CsvTableReader
{
    /// <summary>Reads the CSV file at <paramref name="path"/>.</summary>
    /// <exception cref="SynthDataException">The file is missing, a folder, unreadable, empty or malformed.</exception>
    public static Table Read(string path, CsvReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path); // an empty path is bad input, named by InputFiles
        options ??= CsvReadOptions.Default;
        var bytes = InputFiles.Read(path, "CSV file", file => BoundedInput.ReadAll(file, options, path));
        return ReadBytes(bytes, path, options);
    }

    /// <summary>Reads CSV bytes from <paramref name="stream"/> (to its end); <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="SynthDataException">The input is empty or malformed.</exception>
    public static Table Read(Stream stream, string sourceName, CsvReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= CsvReadOptions.Default;
        return ReadBytes(BoundedInput.ReadAll(stream, options, sourceName), sourceName, options);
    }

    /// <summary>Reads CSV text from <paramref name="reader"/> (already decoded, so no encoding check applies); <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="SynthDataException">The input is empty or malformed.</exception>
    public static Table Read(TextReader reader, string sourceName, CsvReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var utf8 = Encoding.UTF8.GetBytes(reader.ReadToEnd());
        return Parse(utf8, sourceName, options ?? CsvReadOptions.Default, null);
    }

    /// <summary>
    /// How a table's file was read when that is not the plain default, for a progress line: <c> (semicolon-separated,
    /// transcoded from UTF-16LE)</c>, or empty for comma-separated UTF-8.
    /// </summary>
    public static string DescribeFormat(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var parts = new List<string>(2);
        if (table.Delimiter != ',') parts.Add(DelimiterDetector.Describe(table.Delimiter) + "-separated");
        if (table.TranscodedFrom is { } encoding) parts.Add("transcoded from " + encoding);
        return parts.Count == 0 ? "" : $" ({string.Join(", ", parts)})";
    }

    private static Table ReadBytes(byte[] bytes, string source, CsvReadOptions options)
    {
        var (utf8, transcodedFrom) = CsvInput.ToUtf8(bytes, options, source);
        return Parse(utf8, source, options, transcodedFrom);
    }

    private static Table Parse(byte[] utf8, string source, CsvReadOptions options, string? transcodedFrom)
    {
        if (CsvInput.IsBlank(utf8))
            throw new SynthDataException(utf8.Length == 0 ? "The file is empty (0 bytes)." : "The file holds only whitespace.",
                source, 1, null, "A CSV file needs a header row naming the columns, then one line per data row.");
        if (options.Delimiter is { } forced && (forced is '"' or '\r' or '\n' || forced > 127))
            throw new SynthDataException($"The delimiter '{forced}' cannot separate fields.", source,
                hint: "Use an ASCII character other than a quote or a line break, e.g. ',', ';', tab or '|'.");
        var delimiter = options.Delimiter ?? DelimiterDetector.Detect(utf8);
        options = options with { Delimiter = delimiter };

        CsvMalformedRecord? malformed = null;
        var csvOptions = new CsvReaderOptions
        {
            Separator = delimiter,
            HasHeader = true,
            Mode = CsvMode.Rfc4180,
            TrackLineNumbers = true,
            PoolStrings = true, // categorical columns repeat: one string per distinct value per column
            DetectSeparatorHint = false,
            TrimWhitespace = false,
            OnMalformedRecord = record => malformed ??= record,
        };
        try
        {
            using var reader = CsvReader.Create(utf8, csvOptions);
            var headerLine = CsvInput.HeaderLine(utf8);
            var header = reader.Headers;
            ThrowIfBroken(malformed, utf8, options, source);
            var names = CsvHeader.Names(header, options, source, headerLine);
            return ReadRows(reader, names, utf8, options, source, headerLine, () => malformed, transcodedFrom);
        }
        catch (CsvFormatException e)
        {
            throw new SynthDataException($"The CSV cannot be parsed: {e.Message}", source,
                e.LineNumber > 0 ? (int)e.LineNumber : null, null,
                "Check the quoting near this line: a field that starts with a quote must end with one, and quotes inside it are doubled (\"\").",
                inner: e);
        }
    }

    private static Table ReadRows(CsvReader reader, string[] names, byte[] utf8, CsvReadOptions options, string source,
        int headerLine, Func<CsvMalformedRecord?> malformed, string? transcodedFrom)
    {
        var missing = new MissingTokenSet(options.MissingTokens);
        var estimatedRows = Math.Clamp(utf8.Length / Math.Max(16, names.Length * 4), 16, 1 << 20);
        var columns = names.Select(_ => new ColumnBuilder(estimatedRows, options.TrimValues)).ToArray();
        var lines = new List<int>(estimatedRows);
        while (reader.Read())
        {
            ThrowIfBroken(malformed(), utf8, options, source);
            var line = (int)reader.LineNumber;
            if (reader.FieldCount != names.Length) throw Ragged(reader.FieldCount, names.Length, source, line);
            for (var i = 0; i < columns.Length; i++)
            {
                var raw = reader.GetString(i) ?? "";
                columns[i].Add(raw, missing.IsMissing(raw));
            }
            lines.Add(line);
        }
        if (lines.Count == 0)
            throw new SynthDataException("The file has a header but no data rows.", source, headerLine, null,
                "Add data rows below the header: SynthFixtures learns the data's shape from its rows.");
        return new Table(names, columns.Select(c => c.ToArray()).ToArray(),
            columns.Select(c => c.MostFrequentMissingToken()).ToArray(), source, lines.ToArray())
        {
            Delimiter = options.Delimiter!.Value,
            TranscodedFrom = transcodedFrom,
        };
    }

    private static SynthDataException Ragged(int found, int expected, string source, int line) => found < expected
        ? new SynthDataException($"The row has {found} field{(found == 1 ? "" : "s")} but the header has {expected}: expected {expected}, found {found}.",
            source, line, found + 1,
            $"Add the missing field{(expected - found == 1 ? "" : "s")} (an empty field is written as nothing between two separators), or remove the row.")
        : new SynthDataException($"The row has {found} fields but the header has {expected}: expected {expected}, found {found}.",
            source, line, expected + 1,
            "Quote values that contain the separator (\"a, b\"), or remove the extra separators.");

    // A quote that never closes swallows the rest of the file, and text after a closing quote is glued onto the value:
    // both would be silently wrong data. A stray quote inside an unquoted field (5'8") is kept as text, as RFC 4180 readers do.
    private static void ThrowIfBroken(CsvMalformedRecord? found, byte[] utf8, CsvReadOptions options, string source)
    {
        if (found is not { } record) return;
        var offset = (int)Math.Min(record.ByteOffset, utf8.Length);
        var (line, field, _) = CsvByteLocator.Locate(utf8, offset, (byte)options.Delimiter!.Value);
        switch (record.Reason)
        {
            case CsvMalformedReason.UnterminatedQuote:
                throw new SynthDataException(
                    $"A quoted field in the row starting at line {record.LineNumber} is never closed: its quote runs to the end of the file.",
                    source, (int)record.LineNumber, field,
                    "Close the quote, or double any quote inside the value (\"5'8\"\" tall\"). A value that does not start with a quote needs no quoting.");
            case CsvMalformedReason.TextAfterClosingQuote:
                throw new SynthDataException(
                    "A quoted field has text after its closing quote.", source, line, field,
                    "Inside a quoted field, write a quote as two quotes (\"say \"\"hi\"\"\"), and put the separator right after the closing quote.");
        }
    }
}
