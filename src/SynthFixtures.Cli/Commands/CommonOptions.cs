using System.CommandLine;
using SynthFixtures.Data;
using SynthFixtures.Metadata;

namespace SynthFixtures.Cli.Commands;

/// <summary>Options several commands share, and the steps they share (read a CSV, get its metadata).</summary>
internal static class CommonOptions
{
    public static Option<string?> Metadata() => new("--metadata")
    {
        Description = "Column metadata JSON (from 'synthfixtures profile', possibly edited). Default: profile the CSV.",
    };

    public static Option<long> Seed(string what) => new("--seed")
    {
        Description = $"Seed for {what}; the same seed gives byte-identical output.",
        DefaultValueFactory = _ => 1,
    };

    public static Option<double?> HoldoutFraction(string command) => new("--holdout-fraction")
    {
        Description = command == "train"
            ? "Keep this share of rows (e.g. 0.2) out of training, chosen with --seed, and write them as a holdout CSV."
            : "Split real.csv into training and holdout rows exactly as 'train --holdout-fraction' with the same --seed did.",
    };

    public static Option<string[]> MissingTokens() => new("--missing")
    {
        Description = "Tokens that mean a missing value, compared after trimming (default: empty, NA, N/A, NULL, null, ?).",
        AllowMultipleArgumentsPerToken = true,
    };

    public static Option<bool> Trim() => new("--trim")
    {
        Description = "Trim whitespace around every cell instead of reproducing it (adult pads its labels with a space).",
    };

    public static Option<bool> Strict() => new("--strict")
    {
        Description = "Stop at the first cell that does not parse as its column's kind (a word among numbers, NaN, Infinity, a number beyond ±1e15) instead of reading it as missing and warning.",
    };

    public static Option<string?> Delimiter() => new("--delimiter")
    {
        Description = "The field separator: ',', ';', '|', 'tab' (or '\\t'), or any other single ASCII character. Default: detected from the header line (comma, semicolon, tab or pipe).",
    };

    public static Option<bool> NameUnnamedColumns() => new("--name-unnamed-columns")
    {
        Description = "Name a column whose header cell is empty 'column<N>' (its position) instead of stopping: pandas writes its row index that way (to_csv without index=False).",
    };

    public static CsvReadOptions ReadOptions(string[]? missing, bool trim, bool strict = false, string? delimiter = null, bool nameUnnamedColumns = false)
    {
        var options = new CsvReadOptions
        {
            TrimValues = trim,
            NameUnnamedColumns = nameUnnamedColumns,
            BadCells = strict ? BadCellPolicy.Reject : BadCellPolicy.TreatAsMissing,
            Delimiter = ParseDelimiter(delimiter),
        };
        return missing is { Length: > 0 } ? options with { MissingTokens = missing } : options;
    }

    /// <summary>Warns on stderr, one line per cell read as missing (the first ten, then how many more).</summary>
    public static void ReportIssues(CliConsole console, IReadOnlyList<CellIssue> issues)
    {
        foreach (var issue in issues.Take(CellIssue.ListedInLogs)) console.Error.WriteLine($"warning: {issue}");
        if (CellIssue.Remainder(issues.Count) is { } remainder) console.Error.WriteLine($"warning: {remainder}");
    }

    private static char? ParseDelimiter(string? text) => text switch
    {
        null => null,
        "tab" or "\\t" or "\t" => '\t',
        { Length: 1 } => text[0],
        _ => throw new SynthDataException($"--delimiter '{text}' is not a single character.",
            hint: "Give one character, e.g. --delimiter ';' or --delimiter tab."),
    };
}
