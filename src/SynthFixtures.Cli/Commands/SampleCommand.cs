using System.CommandLine;
using SynthFixtures.Modeling;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Sampling;

namespace SynthFixtures.Cli.Commands;

/// <summary><c>synthfixtures sample model.synth --rows N --out synthetic.csv [--seed N] [--condition col=value]...</c>.</summary>
internal static class SampleCommand
{
    public static Command Create(CliConsole console)
    {
        var model = new Argument<string>("model.synth") { Description = "A model written by 'synthfixtures train'." };
        var rows = new Option<int>("--rows") { Description = "Number of rows to sample.", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the synthetic CSV (written as the rows are drawn, under a temporary name moved into place when complete).", Required = true };
        var seed = CommonOptions.Seed("sampling");
        var conditions = new Option<string[]>("--condition")
        {
            Description = "A condition every row meets: col=value, col>=v, col<=v, col>v, col<v or col=a..b. Repeatable.",
        };
        var threads = new Option<int?>("--threads") { Description = "Threads to use (the output is the same for any number)." };
        var command = new Command("sample", "Sample synthetic rows from a model into a CSV.") { model, rows, output, seed, conditions, threads };
        command.SetAction((parse, cancellationToken) =>
        {
            var count = parse.GetValue(rows);
            if (count < 0) throw new SynthDataException($"--rows must be zero or more, not {count}.", hint: "Pass the number of rows to sample, e.g. --rows 1000.");
            var loaded = ModelArtifact.Load(parse.GetValue(model)!);
            var parsed = (parse.GetValue(conditions) ?? []).Select(Condition.Parse).ToList();
            var request = new SamplingRequest
            {
                Model = loaded, Rows = count, OutputPath = parse.GetValue(output)!, Seed = parse.GetValue(seed), Conditions = parsed,
                Options = new SamplingOptions { MaxDegreeOfParallelism = parse.GetValue(threads) },
            };
            var clock = System.Diagnostics.Stopwatch.StartNew();
            SamplingService.Run(request, cancellationToken);
            var seconds = clock.Elapsed.TotalSeconds;
            console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Sampled and wrote {count:N0} rows in {seconds:F2} s ({(seconds > 0 ? count / seconds : 0):N0} rows/s)"));
            console.Out.WriteLine($"Wrote {count:N0} synthetic rows to {request.OutputPath}.");
            return Task.FromResult(CliApp.Success);
        });
        return command;
    }
}
