using System.CommandLine;
using SynthFixtures.Data.Files;
using SynthFixtures.Databases.Reading;
using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Cli.Commands;

/// <summary>
/// <c>synthfixtures relations &lt;folder|sqlite|connection string&gt; [--out relations.json]</c>: the tables, primary
/// keys and foreign keys of a source with their evidence (declared in a schema, or detected in a folder of CSVs by name
/// and containment), what detection could not decide, and the generation order; written as the relational metadata
/// JSON a user edits and passes back (<c>relations.json</c> beside the CSVs, or <c>train --relations</c>).
/// </summary>
internal static class RelationsCommand
{
    public static Command Create(CliConsole console)
    {
        var from = new Argument<string>("from") { Description = "A folder of CSVs (one per table), a SQLite file, or a connection string (Data Source=… or Host=…)." };
        var output = new Option<string?>("--out") { Description = "Write the relational metadata JSON here (default: print the summary only)." };
        var command = new Command("relations", "Show the tables, keys and foreign keys of a database or a folder of CSVs, with the evidence for each; write them as editable JSON.")
        {
            from, output,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var source = parse.GetValue(from)!;
            var outputPath = parse.GetValue(output);
            OutputPaths.Check([(RelationalSources.IsFolder(source) ? null : LocalFile(source), "source database")], [(outputPath, "relational metadata")]);
            OutputPaths.CheckFolders([(outputPath, "relational metadata")]);
            IReadOnlyList<string> notes = [];
            RelationalMetadata metadata;
            if (RelationalSources.IsFolder(source))
            {
                var detection = console.Timed("Detected keys", () => RelationalCsvFolder.Detect(source, cancellationToken: cancellationToken));
                (metadata, notes) = (detection.Dataset.Metadata, detection.Notes);
            }
            else metadata = console.Timed("Read", () => RelationalSources.Read(source, cancellationToken: cancellationToken).Metadata);
            Print(console, metadata, notes);
            if (outputPath is not null)
            {
                RelationalMetadataJson.Save(metadata, outputPath);
                console.Out.WriteLine($"Relational metadata written to {outputPath}");
            }
            return Task.FromResult(CliApp.Success);
        });
        return command;
    }

    /// <summary>A SQLite source's file, so an output cannot overwrite it; <c>null</c> for a server.</summary>
    internal static string? LocalFile(string source) => source.Contains('=', StringComparison.Ordinal) || source.Trim() == ":memory:" ? null : source;

    private static void Print(CliConsole console, RelationalMetadata metadata, IReadOnlyList<string> notes)
    {
        var order = RelationalOrder.Of(metadata);
        foreach (var table in metadata.Tables)
            console.Out.WriteLine($"{table.Name,-24} key ({string.Join(", ", table.PrimaryKey)})  {table.Evidence}");
        console.Out.WriteLine();
        foreach (var key in metadata.ForeignKeys)
            console.Out.WriteLine($"{key}  {key.Evidence}{(order.IsDeferred(key) ? "  [filled in a second pass: it breaks a cycle]" : "")}");
        if (metadata.ForeignKeys.Count == 0) console.Out.WriteLine("No foreign keys.");
        foreach (var note in notes) console.Out.WriteLine($"note: {note}");
        console.Out.WriteLine($"Generation order: {string.Join(", ", order.Tables)}");
    }
}
