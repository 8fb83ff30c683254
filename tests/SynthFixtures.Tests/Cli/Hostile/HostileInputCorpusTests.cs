using SynthFixtures.Cli;

namespace SynthFixtures.Tests.Cli.Hostile;

/// <summary>
/// Bad and tricky command lines, one a row: each runs the CLI in process in a fresh <see cref="HostileWorkspace"/> and
/// must exit with its code, say what is wrong on one line that holds every expected fragment (file names, line and
/// column where they apply), print no stack trace, and leave the workspace exactly as it was: no input changed, no
/// output or temporary file left behind.
/// </summary>
/// <remarks>
/// In <see cref="Cases"/>, arguments are separated by spaces; <c>@name</c> is a path in the workspace, <c>''</c> an
/// empty argument. Expected fragments are separated by <c>|</c>.
/// </remarks>
public sealed class HostileInputCorpusTests
{
    private const int Bad = CliApp.BadInput;

    /// <summary>Name, expected exit code, command line, fragments of the one-line message.</summary>
    private static readonly HostileCase[] All =
    [
        // An output that is an input, however it is spelled.
        new("train --out names the data", Bad, "train @data.csv --out @data.csv", "data.csv: error: The model would overwrite the training data|Hint:"),
        new("train --out ./data", Bad, "train @data.csv --out @./data.csv", "The model would overwrite the training data"),
        new("train --out sub/../data", Bad, "train @data.csv --out @sub/../data.csv", "The model would overwrite the training data"),
        new("train --out a hard link to the data", Bad, "train @data.csv --out @hard.csv", "hard.csv: error: The model would overwrite the training data"),
        new("train --out a symbolic link to the data", Bad, "train @data.csv --out @link.csv", "link.csv: error: The model would overwrite the training data"),
        new("train data via link --out the data", Bad, "train @link.csv --out @data.csv", "The model would overwrite the training data"),
        new("train --holdout-out names the data", Bad, "train @data.csv --out @m.synth --holdout-fraction 0.2 --holdout-out @data.csv", "The holdout CSV would overwrite the training data"),
        new("train default holdout path is the data", Bad, "train @data.holdout.csv --out @data.synth --holdout-fraction 0.2", "data.holdout.csv: error: The holdout CSV would overwrite the training data"),
        new("train --metadata-out names the data", Bad, "train @data.csv --out @m.synth --metadata-out @./data.csv", "The metadata would overwrite the training data"),
        new("train --metadata-out names --metadata", Bad, "train @data.csv --out @m.synth --metadata @meta.json --metadata-out @meta.json", "The metadata would overwrite the metadata input"),
        new("train --schema-out names the model", Bad, "train @data.csv --out @m.synth --schema-out @m.synth", "The schema and the model|are the same file"),
        new("train --out over a folder", Bad, "train @data.csv --out @sub", "sub: error: The model path is a folder"),
        new("profile --out names the data", Bad, "profile @data.csv --out @data.csv", "The metadata would overwrite the data"),
        new("profile --out a hard link to the data", Bad, "profile @data.csv --out @hard.csv", "hard.csv: error: The metadata would overwrite the data"),
        new("sample --out names the model", Bad, "sample @model.synth --rows 10 --out @model.synth", "model.synth: error: The synthetic CSV would overwrite the model"),
        new("sample --out a folder", Bad, "sample @model.synth --rows 10 --out @sub", "sub: error: The synthetic CSV path is a folder"),
        new("sample --out empty", Bad, "sample @model.synth --rows 10 --out ''", "The synthetic CSV path is empty"),
        new("sample --out into a missing folder", Bad, "sample @model.synth --rows 10 --out @nofolder/s.csv", "s.csv: error: The folder for the synthetic CSV does not exist|nofolder"),
        new("evaluate --json names the real data", Bad, "evaluate @data.csv @synth.csv --json @data.csv", "The JSON report would overwrite the real data"),
        new("evaluate --markdown names the synthetic data", Bad, "evaluate @data.csv @synth.csv --markdown @synth.csv", "The Markdown summary would overwrite the synthetic data"),
        new("evaluate --report names --metadata", Bad, "evaluate @data.csv @synth.csv --metadata @meta.json --report @meta.json", "The HTML report would overwrite the metadata"),
        new("evaluate two reports to one file", Bad, "evaluate @data.csv @synth.csv --json @r.out --report @./r.out", "The HTML report and the JSON report|are the same file"),
        // Every output or none.
        new("evaluate second report into a missing folder", Bad, "evaluate @data.csv @synth.csv --json @r.json --report @nofolder/r.html", "r.html: error: The folder for the HTML report does not exist"),
        new("train holdout into a missing folder", Bad, "train @data.csv --out @m.synth --holdout-fraction 0.2 --holdout-out @nofolder/h.csv", "h.csv: error: The folder for the holdout CSV does not exist"),
        new("train metadata into a missing folder", Bad, "train @data.csv --out @m.synth --metadata-out @nofolder/m.json", "m.json: error: The folder for the metadata does not exist"),
        new("profile --out into a missing folder", Bad, "profile @data.csv --out @nofolder/m.json", "m.json: error: The folder for the metadata does not exist"),
        // Inputs that are not there or not files.
        new("profile a folder", Bad, "profile @sub", "sub: error: The CSV file path is a folder, not a file"),
        new("train a folder", Bad, "train @sub --out @m.synth", "sub: error: The CSV file path is a folder, not a file"),
        new("inspect a folder", Bad, "inspect @sub", "sub: error: The model file path is a folder, not a file"),
        new("train --metadata a folder", Bad, "train @data.csv --out @m.synth --metadata @sub", "sub: error: The metadata file path is a folder, not a file"),
        new("profile a missing file", Bad, "profile @nothere.csv", "nothere.csv: error: The CSV file does not exist|Hint:"),
        new("sample a missing model", Bad, "sample @nothere.synth --rows 5 --out @s.csv", "nothere.synth: error: The model file does not exist"),
        new("evaluate a missing synthetic file", Bad, "evaluate @data.csv @nothere.csv", "nothere.csv: error: The CSV file does not exist"),
        new("profile an empty path", Bad, "profile ''", "The CSV file path is empty"),
        new("evaluate an empty synthetic path", Bad, "evaluate @data.csv ''", "The CSV file path is empty"),
        new("train --metadata an empty path", Bad, "train @data.csv --out @m.synth --metadata ''", "The metadata file path is empty"),
        new("inspect an empty path", Bad, "inspect ''", "The model file path is empty"),
        new("evaluate --holdout a folder", Bad, "evaluate @data.csv @synth.csv --holdout @sub", "sub: error: The CSV file path is a folder, not a file"),
        new("train --schema-out a folder", Bad, "train @data.csv --out @m.synth --schema-out @sub", "sub: error: The schema path is a folder"),
        new("demo --out an existing file", Bad, "demo --out @synth.csv", "synth.csv|Hint:"),
        // Settings out of range.
        new("sample --threads 0", Bad, "sample @model.synth --rows 10 --out @s.csv --threads 0", "--threads must be at least 1, not 0"),
        new("sample --threads negative", Bad, "sample @model.synth --rows 10 --out @s.csv --threads -3", "--threads must be at least 1, not -3"),
        new("sample --rows negative", Bad, "sample @model.synth --rows -1 --out @s.csv", "--rows must be zero or more, not -1"),
        new("sample --rows not a number", Bad, "sample @model.synth --rows many --out @s.csv", "many"),
        new("train --decoder-widths a terabyte", Bad, "train @data.csv --out @m.synth --model tvae --decoder-widths 2000000000", "--decoder-widths 2000000000 is out of range|16384"),
        new("train --embedding-width 0", Bad, "train @data.csv --out @m.synth --model ctgan --embedding-width 0", "--embedding-width 0 is out of range"),
        new("train --threads 0", Bad, "train @data.csv --out @m.synth --model tvae --threads 0", "--threads 0 is out of range"),
        new("train --holdout-fraction 1.5", Bad, "train @data.csv --out @m.synth --holdout-fraction 1.5", "The holdout fraction 1.5 is not between 0 and 1"),
        // Model files: damaged, foreign, or crafted with a valid checksum.
        new("inspect a model with a null provenance", Bad, "inspect @nullprov.synth", "nullprov.synth: error: The model header has no provenance"),
        new("sample a model with a null provenance", Bad, "sample @nullprov.synth --rows 5 --out @s.csv", "nullprov.synth: error: The model header has no provenance"),
        new("sample a model with a bad date format", Bad, "sample @baddate.synth --rows 5 --out @s.csv", "baddate.synth: error: The model's column metadata is not valid|dateTimeFormat '%'"),
        new("inspect a model with a null kind", Bad, "inspect @nullkind.synth", "nullkind.synth: error: The model header has no modelKind"),
        new("inspect a truncated model", Bad, "inspect @truncated.synth", "truncated.synth: error: The model file is truncated"),
        new("inspect a CSV as a model", Bad, "inspect @notmodel.synth", "notmodel.synth: error: This is not a SynthFixtures model file"),
        // CSV and metadata that name the line and column.
        new("a ragged row", Bad, "profile @ragged.csv", "ragged.csv(3,"),
        new("an undecodable byte", Bad, "profile @badutf8.csv", "badutf8.csv(2,2): error: The file is not valid UTF-8|0xFF"),
        new("an empty CSV", Bad, "train @empty.csv --out @m.synth", "empty.csv(1): error: The file is empty"),
        new("a CSV of whitespace", Bad, "profile @blank.csv", "blank.csv(1): error: The file holds only whitespace"),
        new("an unclosed quote", Bad, "profile @quote.csv", "quote.csv(2,"),
        new("a repeated header", Bad, "profile @duphead.csv", "duphead.csv(1,"),
        new("metadata that is not JSON", Bad, "train @data.csv --out @m.synth --metadata @badjson.json", "badjson.json(3,"),
        new("metadata with an unknown kind", Bad, "train @data.csv --out @m.synth --metadata @badkind.json", "badkind.json(|unknown kind 'colour'"),
        new("a condition on no column", Bad, "sample @model.synth --rows 5 --out @s.csv --condition nope=1", "nope"),
        new("a fail-under check that does not exist", Bad, "evaluate @data.csv @synth.csv --fail-under bogus=0.5", "bogus"),
        // Whole databases: train --from, relations, seed, sample on a multi-table model.
        new("train --from a missing SQLite file", Bad, "train --from @nothere.sqlite --out @m.synth", "nothere.sqlite: error: The SQLite database does not exist"),
        new("train --from a CSV file", Bad, "train --from @data.csv --out @m.synth", "could not be read|file is not a database"),
        new("train --from a folder without CSVs", Bad, "train --from @sub --out @m.synth", "sub: error: The folder has no .csv files|Hint:"),
        new("train a CSV and --from", Bad, "train @data.csv --from @sub --out @m.synth", "Give either a CSV or --from, not both"),
        new("train without data", Bad, "train --out @m.synth", "No training data was named"),
        new("train --from with --holdout-fraction", Bad, "train --from @sub --out @m.synth --holdout-fraction 0.2", "--holdout-fraction applies to a single-table model"),
        new("train --relations without --from", Bad, "train @data.csv --out @m.synth --relations @meta.json", "--relations applies to --from"),
        new("train --from --out names the source", Bad, "train --from @model.synth --out @model.synth", "The model would overwrite the source database"),
        new("relations of a folder without CSVs", Bad, "relations @sub", "sub: error: The folder has no .csv files"),
        new("relations of an empty database", Bad, "relations :memory:", "The database :memory: has no tables"),
        new("relations of a bad connection string", Bad, "relations Host=127.0.0.1;Bogus=1", "is not a PostgreSQL connection string"),
        new("seed a single-table model", Bad, "seed @model.synth --to @db.sqlite", "model.synth: error: This is a single-table model, not a multi-table (database) model"),
        new("seed a missing model", Bad, "seed @nothere.synth --to @db.sqlite", "nothere.synth: error: The model file does not exist"),
        new("seed --truncate --append", Bad, "seed @model.synth --to @db.sqlite --truncate --append", "--truncate and --append cannot both be given"),
        new("seed --to the model", Bad, "seed @model.synth --to @model.synth", "The database would overwrite the model"),
        new("sample --scale on a single-table model", Bad, "sample @model.synth --scale 2 --out @s.csv", "--scale applies to a multi-table model"),
        new("sample without --rows", Bad, "sample @model.synth --out @s.csv", "--rows is required for a single-table model"),
        new("sample --shard without a count", Bad, "sample @model.synth --rows 10 --shard 3 --out @s.csv", "--shard must be index/count with 0 <= index < count, not '3'"),
        new("sample --shard past the last", Bad, "sample @model.synth --rows 10 --shard 4/4 --out @s.csv", "--shard must be index/count with 0 <= index < count, not '4/4'"),
        new("sample --format unknown", Bad, "sample @model.synth --rows 10 --format orc --out @s.csv", "--format must be csv or parquet, not 'orc'"),
        new("evaluate a database against a missing folder", Bad, "evaluate :memory: @nofolder", "The database :memory: has no tables"),
    ];

    /// <summary>The case names, for the theory.</summary>
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var item in All) data.Add(item.Name);
        return data;
    }

    [Fact]
    public void The_corpus_holds_at_least_35_distinct_cases()
    {
        Assert.True(All.Length >= 35, $"{All.Length} cases");
        Assert.Equal(All.Length, All.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_case_fails_cleanly_and_touches_nothing(string name)
    {
        var item = All.Single(c => c.Name == name);
        using var workspace = new HostileWorkspace();
        var before = workspace.Snapshot();

        var result = CliResult.Run(item.Arguments(workspace));

        var all = result.Output + result.Error;
        Assert.True(item.Exit == result.ExitCode, $"exit {result.ExitCode}, expected {item.Exit}; stderr:\n{result.Error}");
        Assert.DoesNotContain("   at ", all); // no stack trace
        Assert.DoesNotContain("Exception", result.Error);
        var fragments = item.Expected.Split('|');
        var lines = result.Error.Split('\n').Where(line => fragments.All(f => line.Contains(f, StringComparison.Ordinal))).ToList();
        Assert.True(lines.Count == 1, $"expected one line holding every fragment of '{item.Expected}'; stderr:\n{result.Error}");
        Assert.Equal(before, workspace.Snapshot()); // no input changed, no output or temporary file left
    }
}

/// <summary>One row of the corpus.</summary>
/// <param name="Name">Unique, says what is tried.</param>
/// <param name="Exit">The exit code it must give.</param>
/// <param name="CommandLine">Arguments separated by spaces; <c>@name</c> a workspace path, <c>''</c> an empty argument.</param>
/// <param name="Expected">Fragments of the one message line, separated by <c>|</c>.</param>
internal sealed record HostileCase(string Name, int Exit, string CommandLine, string Expected)
{
    public string[] Arguments(HostileWorkspace workspace) => CommandLine.Split(' ').Select(token => token switch
    {
        "''" => "",
        ['@', .. var rest] => workspace.Path + "/" + rest,
        _ => token,
    }).ToArray();
}
