using System.CommandLine;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SynthFixtures.Databases;
using SynthFixtures.Databases.Writing;
using SynthFixtures.Models.Relational;

namespace SynthFixtures.Cli.Commands;

/// <summary>
/// <c>synthfixtures seed db.synth --to &lt;sqlite path|:memory:|connection string&gt; [--scale 1] [--seed 1] [--truncate|--append]</c>:
/// generates a database from a multi-table model and writes it with <see cref="DatabaseSeeder"/> in one transaction
/// (nothing written on failure). <c>:memory:</c> seeds a private in-memory database that is discarded: a dry run.
/// </summary>
internal static class SeedCommand
{
    public static Command Create(CliConsole console)
    {
        var model = new Argument<string>("db.synth") { Description = "A multi-table model written by 'synthfixtures train --from'." };
        var to = new Option<string>("--to")
        {
            Description = "The database to write: a SQLite file (created if missing), :memory: (a dry run), or a connection string (Data Source=… or Host=…).",
            Required = true,
        };
        var scale = new Option<double>("--scale") { Description = "Rows relative to the source at every level (0.5, 2, 10).", DefaultValueFactory = _ => 1 };
        var seed = CommonOptions.Seed("sampling");
        var truncate = new Option<bool>("--truncate") { Description = "Empty the tables first (the same seed then gives the same contents)." };
        var append = new Option<bool>("--append") { Description = "Add to the rows the tables already hold (keys must not collide)." };
        var threads = new Option<int?>("--threads") { Description = "Threads to sample with (the rows are the same for any number)." };
        var command = new Command("seed", "Generate a database from a multi-table model and write it into SQLite or PostgreSQL, in one transaction.")
        {
            model, to, scale, seed, truncate, append, threads,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(truncate) && parse.GetValue(append))
                throw new SynthDataException("--truncate and --append cannot both be given.", hint: "--truncate replaces the tables' rows; --append adds to them.");
            if (parse.GetValue(threads) is <= 0 and var threadCount)
                throw new SynthDataException($"--threads must be at least 1, not {threadCount}.", hint: "Leave it out to use every core; the rows are the same for any number.");
            var modelPath = parse.GetValue(model)!;
            var target = DatabaseLocation.Parse(parse.GetValue(to)!);
            if (target.Provider == DatabaseProvider.Sqlite && RelationsCommand.LocalFile(parse.GetValue(to)!) is { } file)
                Data.Files.OutputPaths.Check([(modelPath, "model")], [(file, "database")]);
            var relational = RelationalModelArtifact.Load(modelPath);
            var mode = parse.GetValue(truncate) ? SeedMode.Truncate : parse.GetValue(append) ? SeedMode.Append : SeedMode.IntoEmpty;
            var data = console.Timed("Sampled", () => relational.Sample(parse.GetValue(scale), parse.GetValue(seed),
                new Sampling.SamplingOptions { MaxDegreeOfParallelism = parse.GetValue(threads) }, cancellationToken));
            SeedResult result;
            try
            {
                if (target.Display == ":memory:")
                {
                    await using var memory = new SqliteConnection("Data Source=:memory:");
                    result = await DatabaseSeeder.SeedAsync(data, memory, new SeedOptions { Mode = mode }, cancellationToken).ConfigureAwait(false);
                }
                else result = await DatabaseSeeder.SeedAsync(data, target, new SeedOptions { Mode = mode }, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
            {
                throw new CommandCancelledException($"Seeding cancelled; nothing was written ({target.Display} is as it was).", e);
            }
            var c = CultureInfo.InvariantCulture;
            foreach (var table in result.Tables)
                console.Out.WriteLine(string.Create(c, $"{table.Name,-24} {table.Rows,10:N0} rows{(table.Created ? " (table created)" : "")}"));
            console.Out.WriteLine(string.Create(c,
                $"Seeded {result.TotalRows:N0} rows into {target.Display}{(target.Display == ":memory:" ? " (a dry run: discarded)" : "")} in {result.Elapsed.TotalSeconds:F2} s ({result.RowsPerSecond:N0} rows/s)."));
            return CliApp.Success;
        });
        return command;
    }
}
