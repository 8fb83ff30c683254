using System.CommandLine;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Models;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Models.GaussianCopula;

namespace SynthFixtures.Cli.Commands;

/// <summary><c>synthfixtures train data.csv --model gaussiancopula|tvae|ctgan --out model.synth [--metadata m.json] [--seed N]
/// [--holdout-fraction 0.2 [--holdout-out h.csv]]</c>, plus the tvae/ctgan settings of <see cref="NeuralOptions"/>.</summary>
internal static class TrainCommand
{
    public static Command Create(CliConsole console)
    {
        var data = new Argument<string>("data.csv") { Description = "The training CSV." };
        var model = new Option<string>("--model") { Description = "Model kind: gaussiancopula, tvae or ctgan (neural models train with TorchSharp).", DefaultValueFactory = _ => ModelKinds.GaussianCopula };
        var output = new Option<string>("--out") { Description = "Where to write the model (.synth).", Required = true };
        var metadata = CommonOptions.Metadata();
        var metadataOut = new Option<string?>("--metadata-out") { Description = "Also write the column metadata the model was trained with." };
        var schemaOut = new Option<string?>("--schema-out") { Description = "Also write the model's schema (kinds, ranges, labels) for compile-time checks by the source generator." };
        var seed = CommonOptions.Seed("training");
        var missing = CommonOptions.MissingTokens();
        var trim = CommonOptions.Trim();
        var holdoutFraction = CommonOptions.HoldoutFraction("train");
        var holdoutOut = new Option<string?>("--holdout-out") { Description = "Where to write the holdout rows (default: next to the model, <model>.holdout.csv)." };
        var neural = new NeuralOptions();
        var command = new Command("train", "Learn a model from a CSV and write it as a .synth file.") { data, model, output, metadata, metadataOut, schemaOut, seed, missing, trim, holdoutFraction, holdoutOut };
        foreach (var option in neural.All) command.Options.Add(option);
        command.SetAction((parse, cancellationToken) =>
        {
            var kind = parse.GetValue(model)!.Trim().ToLowerInvariant();
            if (kind is not (ModelKinds.GaussianCopula or ModelKinds.Tvae or ModelKinds.Ctgan))
                throw new SynthDataException($"The model '{kind}' is not available in this version.", hint: $"Use --model {ModelKinds.GaussianCopula}, {ModelKinds.Tvae} or {ModelKinds.Ctgan}.");
            var settings = neural.Read(parse, kind);
            var path = parse.GetValue(data)!;
            var table = console.Timed("Read", () => CsvTableReader.Read(path, CommonOptions.ReadOptions(parse.GetValue(missing), parse.GetValue(trim))));
            var schema = CommonOptions.MetadataFor(table, parse.GetValue(metadata));
            var target = parse.GetValue(output)!;
            Table? holdout = null;
            if (parse.GetValue(holdoutFraction) is { } fraction)
            {
                // Same split as 'evaluate --holdout-fraction' with the same seed: it depends only on rows, fraction and seed.
                (var training, holdout) = HoldoutSplit.Split(table, fraction, parse.GetValue(seed));
                table = training;
            }
            else if (parse.GetValue(holdoutOut) is not null)
                throw new SynthDataException("--holdout-out needs --holdout-fraction.", hint: "Add e.g. --holdout-fraction 0.2.");
            SynthModel fitted;
            try
            {
                fitted = kind == ModelKinds.GaussianCopula
                    ? console.Timed("Fitted", () => GaussianCopulaFitter.Fit(table, schema, new GaussianCopulaOptions { Seed = parse.GetValue(seed) }, console.Progress("fit"), cancellationToken))
                    : console.Timed("Trained", () => NeuralTraining.Train(kind, table, schema, parse.GetValue(seed), settings, console, cancellationToken));
            }
            catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
            {
                // NeuralTraining says how far training got; the copula fit has no epochs to tell.
                var what = e is CommandCancelledException stopped ? stopped.Message : "Fitting cancelled";
                throw new CommandCancelledException($"{what}; nothing was written ({target} is unchanged).", e);
            }
            // Every file is written after training, so a cancelled or failed run leaves none of them behind.
            ModelArtifact.Save(fitted, target);
            if (holdout is not null)
            {
                var holdoutPath = parse.GetValue(holdoutOut) ?? Path.ChangeExtension(target, null) + ".holdout.csv";
                CsvTableWriter.Write(holdout, holdoutPath);
                console.Out.WriteLine($"Held out {holdout.RowCount:N0} of {table.RowCount + holdout.RowCount:N0} rows (seed {parse.GetValue(seed)}); written to {holdoutPath}.");
            }
            if (parse.GetValue(metadataOut) is { } metadataPath) MetadataJson.Save(schema, metadataPath);
            if (parse.GetValue(schemaOut) is { } schemaPath) File.WriteAllText(schemaPath, fitted.DescribeSchema().Write());
            // The provenance counts the rows actually trained on (early stopping holds its validation rows out).
            console.Out.WriteLine($"Trained {fitted.Kind} on {fitted.Provenance.SourceRows:N0} rows × {table.ColumnCount} columns (seed {parse.GetValue(seed)}); model written to {target} ({new FileInfo(target).Length:N0} bytes).");
            return Task.FromResult(CliApp.Success);
        });
        return command;
    }
}
