using System.CommandLine;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Models;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Models.GaussianCopula;

namespace SynthFixtures.Cli.Commands;

/// <summary><c>synthfixtures train data.csv --model gaussiancopula --out model.synth [--metadata m.json] [--seed N]</c>.</summary>
internal static class TrainCommand
{
    public static Command Create(CliConsole console)
    {
        var data = new Argument<string>("data.csv") { Description = "The training CSV." };
        var model = new Option<string>("--model") { Description = "Model kind: gaussiancopula.", DefaultValueFactory = _ => ModelKinds.GaussianCopula };
        var output = new Option<string>("--out") { Description = "Where to write the model (.synth).", Required = true };
        var metadata = CommonOptions.Metadata();
        var metadataOut = new Option<string?>("--metadata-out") { Description = "Also write the column metadata the model was trained with (for the source generator)." };
        var seed = CommonOptions.Seed("training");
        var missing = CommonOptions.MissingTokens();
        var trim = CommonOptions.Trim();
        var command = new Command("train", "Learn a model from a CSV and write it as a .synth file.") { data, model, output, metadata, metadataOut, seed, missing, trim };
        command.SetAction((parse, cancellationToken) =>
        {
            var kind = parse.GetValue(model)!.Trim().ToLowerInvariant();
            if (kind != ModelKinds.GaussianCopula)
                throw new SynthDataException($"The model '{kind}' is not available in this version.", hint: $"Use --model {ModelKinds.GaussianCopula}.");
            var path = parse.GetValue(data)!;
            var table = console.Timed("Read", () => CsvTableReader.Read(path, CommonOptions.ReadOptions(parse.GetValue(missing), parse.GetValue(trim))));
            var schema = CommonOptions.MetadataFor(table, parse.GetValue(metadata));
            var options = new GaussianCopulaOptions { Seed = parse.GetValue(seed) };
            var fitted = console.Timed("Fitted", () => GaussianCopulaFitter.Fit(table, schema, options, console.Progress("fit"), cancellationToken));
            var target = parse.GetValue(output)!;
            ModelArtifact.Save(fitted, target);
            if (parse.GetValue(metadataOut) is { } metadataPath) MetadataJson.Save(schema, metadataPath);
            console.Out.WriteLine($"Trained {fitted.Kind} on {table.RowCount:N0} rows × {table.ColumnCount} columns (seed {options.Seed}); model written to {target} ({new FileInfo(target).Length:N0} bytes).");
            return Task.FromResult(CliApp.Success);
        });
        return command;
    }
}
