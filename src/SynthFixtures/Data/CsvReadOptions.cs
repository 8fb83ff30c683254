using System.Text;

namespace SynthFixtures.Data;

/// <summary>How <see cref="CsvTableReader"/> reads a CSV file. The defaults suit most exports (pandas, R, databases, UCI).</summary>
public sealed record CsvReadOptions
{
    /// <summary>The tokens read by default as a missing value: empty, <c>NA</c>, <c>N/A</c>, <c>NULL</c>, <c>null</c> and <c>?</c>.</summary>
    public static IReadOnlyList<string> DefaultMissingTokens { get; } = ["", "NA", "N/A", "NULL", "null", "?"];

    /// <summary>The options used when none are given.</summary>
    public static CsvReadOptions Default { get; } = new();

    /// <summary>
    /// Cell texts that mean "no value". A cell is missing when its text, with surrounding whitespace removed, equals one
    /// of these exactly (ordinal, case-sensitive), so adult's <c>" ?"</c> is missing under the default <c>"?"</c>.
    /// </summary>
    public IReadOnlyList<string> MissingTokens { get; init; } = DefaultMissingTokens;

    /// <summary>
    /// Whether cell values and header names are trimmed of surrounding whitespace. Off by default: cells keep their raw
    /// text (adult's <c>" State-gov"</c> stays <c>" State-gov"</c>) so that writing a table reproduces its source byte for
    /// byte, and comparisons that must ignore padding use <see cref="CellText.Normalize"/>. Turn it on to normalise the
    /// data instead; the recorded missing tokens are then trimmed too.
    /// </summary>
    public bool TrimValues { get; init; }

    /// <summary>
    /// The field separator, or <c>null</c> (the default) to detect it from the header line: whichever of comma,
    /// semicolon, tab and pipe occurs most often outside quotes (a comma on a tie or when none occurs). Set it to force
    /// one; it must be an ASCII character other than a quote or a line break. The table records the one used
    /// (<see cref="Table.Delimiter"/>).
    /// </summary>
    public char? Delimiter { get; init; }

    /// <summary>
    /// What happens to a cell that does not parse as its column's kind once the kinds are known — a stray <c>abc</c> among
    /// integers, <c>NaN</c>, <c>Infinity</c>, a number beyond ±10^15, a date in another format. By default
    /// (<see cref="BadCellPolicy.TreatAsMissing"/>) it is read as a missing value and reported with its line and column;
    /// <see cref="BadCellPolicy.Reject"/> makes the first one an error.
    /// </summary>
    public BadCellPolicy BadCells { get; init; } = BadCellPolicy.TreatAsMissing;

    /// <summary>
    /// The largest input read, in bytes (default 1 GiB; at most about 2 GiB, the largest array .NET allocates). A larger
    /// file is refused before it is read; an endless input (<c>/dev/zero</c>, a pipe that never ends) once this many bytes
    /// have been read, before memory runs out.
    /// </summary>
    public long MaxInputBytes { get; init; } = 1L << 30;

    /// <summary>
    /// The longest line, in bytes (default 16 MiB). A line with no line break for longer than this is an error naming the
    /// line: it is almost always a file that is not CSV (binary data, a single-line JSON dump).
    /// </summary>
    public int MaxLineBytes { get; init; } = 16 << 20;

    /// <summary>
    /// The encoding of the file. <c>null</c> (the default) requires UTF-8, with or without a byte order mark, and checks
    /// it strictly: an invalid byte (a Latin-1 <c>é</c>, say) is an error that names its line and byte position rather
    /// than a silently replaced character. Set it (e.g. <see cref="Encoding.Latin1"/>) to read a file in a legacy encoding.
    /// Ignored when reading from a <see cref="TextReader"/>, whose text is already decoded.
    /// </summary>
    public Encoding? Encoding { get; init; }

    /// <summary>
    /// Whether a column whose header is empty gets a made-up name (<c>column1</c> for the first field, …) instead of
    /// being an error. pandas writes its row index with an empty header; turn this on to read such files.
    /// </summary>
    public bool NameUnnamedColumns { get; init; }
}
