using System.CommandLine;
using SynthFixtures.Data;
using SynthFixtures.Data.Files;
using SynthFixtures.Metadata;
using SynthFixtures.Transforms;
using SynthFixtures.Transforms.Sequences;

namespace SynthFixtures.Cli.Commands;

/// <summary>
/// <c>synthfixtures profile data.csv [--out metadata.json] [--entity col --sequence-index col [--context col]]</c>: infer
/// column kinds, formats and personal data, and with <c>--entity</c> the sequence section (context columns, index step, gaps).
/// </summary>
internal static class ProfileCommand
{
    public static Command Create(CliConsole console)
    {
        var data = new Argument<string>("data.csv") { Description = "The CSV to profile (header row required)." };
        var output = new Option<string?>("--out") { Description = "Write the metadata JSON here (default: print it)." };
        var missing = CommonOptions.MissingTokens();
        var trim = CommonOptions.Trim();
        var strict = CommonOptions.Strict();
        var delimiter = CommonOptions.Delimiter();
        var unnamed = CommonOptions.NameUnnamedColumns();
        var sequences = new SequenceOptionSet();
        var command = new Command("profile", "Infer each column's kind (integer, decimal, boolean, datetime, categorical, identifier, text) and flag personal data.")
        {
            data, output, missing, trim, strict, delimiter, unnamed,
        };
        sequences.AddTo(command);
        command.SetAction(parse =>
        {
            var dataPath = parse.GetValue(data)!;
            var outputPath = parse.GetValue(output);
            OutputPaths.Check([(dataPath, "data")], [(outputPath, "metadata")]);
            OutputPaths.CheckFolders([(outputPath, "metadata")]);
            var asSequences = sequences.Given(parse);
            var options = CommonOptions.ReadOptions(parse.GetValue(missing), parse.GetValue(trim), parse.GetValue(strict), parse.GetValue(delimiter), parse.GetValue(unnamed));
            var table = console.Timed("Read", () => CsvTableReader.Read(dataPath, options));
            if (CsvTableReader.DescribeFormat(table) is { Length: > 0 } format) console.Error.WriteLine($"Read {dataPath}{format}");
            var (checkedTable, metadata, issues) = console.Timed("Profiled", () => TableCheck.Prepare(null, table, options.BadCells));
            CommonOptions.ReportIssues(console, issues);
            SequenceProfile? profile = null;
            if (asSequences)
            {
                profile = console.Timed("Sequences", () => sequences.Detect(parse, checkedTable, metadata));
                metadata = profile.ApplyTo(metadata);
            }
            if (outputPath is { } path)
            {
                MetadataJson.Save(metadata, path);
                foreach (var column in metadata.Columns)
                    console.Out.WriteLine($"{column.Name,-24} {column.Kind,-12} {(column.Pii != PiiKind.None ? "PII:" + column.Pii + " " : "")}{column.Evidence}");
                foreach (var line in profile?.Describe() ?? []) console.Out.WriteLine(line);
                console.Out.WriteLine($"Metadata written to {path}");
            }
            else
            {
                // stdout stays the JSON alone, so it can be redirected to a file.
                foreach (var line in profile?.Describe() ?? []) console.Error.WriteLine(line);
                console.Out.WriteLine(MetadataJson.Serialize(metadata));
            }
            return CliApp.Success;
        });
        return command;
    }
}
