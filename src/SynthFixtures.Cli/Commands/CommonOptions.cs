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

    public static CsvReadOptions ReadOptions(string[]? missing, bool trim)
    {
        var options = new CsvReadOptions { TrimValues = trim };
        return missing is { Length: > 0 } ? options with { MissingTokens = missing } : options;
    }
}
