using System.CommandLine;
using System.Globalization;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Sequences;

namespace SynthFixtures.Cli.Commands;

/// <summary><c>synthfixtures train data.csv --model gaussiancopula|tvae|ctgan --out model.synth [--metadata m.json] [--seed N]
/// [--holdout-fraction 0.2 [--holdout-out h.csv]]</c>, plus each model kind's settings (<see cref="SettingOptions"/>), the
/// text settings among them (<c>--text-model learned --text-column "Review Text"</c>).
/// A thin caller of <see cref="TrainingService"/>: it turns arguments into a request and the result into lines.</summary>
internal static class TrainCommand
{
    public static Command Create(CliConsole console)
    {
        var trainers = NeuralTrainers.AddTo(ModelTrainers.Core);
        var catalog = trainers.Catalog;
        var stepTrainers = NeuralTrainers.AddTo(SequenceStepTrainers.Core);
        var data = new Argument<string?>("data.csv") { Description = "The training CSV (or leave it out and learn related tables with --from).", Arity = ArgumentArity.ZeroOrOne };
        var from = new Option<string?>("--from")
        {
            Description = "Learn a whole database instead of one CSV: a SQLite file, a connection string (Data Source=… or Host=…), or a folder of CSVs (one per table).",
        };
        var relations = new Option<string?>("--relations")
        {
            Description = "With --from: the relational metadata JSON (from 'synthfixtures relations', edited). For a folder it gives the keys (default: relations.json in the folder, else detected); for a database it adds keys and sum rules to the schema's.",
        };
        var model = new Option<string>("--model")
        {
            Description = "Model kind: " + string.Join("; ", catalog.Kinds.Concat(stepTrainers.Catalog.Kinds).Select(k => $"{k.Name} ({k.Summary.TrimEnd('.')})")) + ". The sequence kinds need --entity.",
            DefaultValueFactory = _ => GaussianCopulaKind.Instance.Name,
        };
        var output = new Option<string>("--out") { Description = "Where to write the model (.synth).", Required = true };
        var metadata = CommonOptions.Metadata();
        var metadataOut = new Option<string?>("--metadata-out") { Description = "Also write the column metadata the model was trained with." };
        var schemaOut = new Option<string?>("--schema-out") { Description = "Also write the model's schema (kinds, ranges, labels) for compile-time checks by the source generator." };
        var seed = CommonOptions.Seed("training");
        var missing = CommonOptions.MissingTokens();
        var trim = CommonOptions.Trim();
        var strict = CommonOptions.Strict();
        var delimiter = CommonOptions.Delimiter();
        var unnamed = CommonOptions.NameUnnamedColumns();
        var holdoutFraction = CommonOptions.HoldoutFraction("train");
        var holdoutOut = new Option<string?>("--holdout-out") { Description = "Where to write the holdout rows (default: next to the model, <model>.holdout.csv)." };
        var entity = new Option<string?>("--entity") { Description = "Learn sequences: the column (or comma-separated columns) naming whose history a row belongs to (a customer, device or symbol). Needs a sequence --model." };
        var sequenceIndex = new Option<string?>("--sequence-index") { Description = "With --entity: the datetime or integer column ordering each entity's steps (default: the file's order)." };
        var context = new Option<string?>("--context") { Description = "With --entity: the comma-separated columns holding one value per entity (default: the columns constant within every entity)." };
        var contextModel = new Option<string?>("--context-model") { Description = $"With --entity: the model kind of the per-entity rows (context columns, length, index start; default {GaussianCopulaKind.Instance.Name})." };
        var settings = new SettingOptions(new ModelCatalog([.. catalog.Kinds, .. stepTrainers.Catalog.Kinds]));
        var command = new Command("train", "Learn a model from a CSV and write it as a .synth file.") { data, from, relations, model, output, metadata, metadataOut, schemaOut, seed, missing, trim, strict, delimiter, unnamed, holdoutFraction, holdoutOut, entity, sequenceIndex, context, contextModel };
        foreach (var option in settings.All) command.Options.Add(option);
        command.SetAction((parse, cancellationToken) =>
        {
            if (parse.GetValue(from) is { } source)
            {
                if (parse.GetValue(data) is not null)
                    throw new SynthDataException("Give either a CSV or --from, not both.", hint: "--from learns a whole database or folder of CSVs; a CSV argument learns one table.");
                foreach (var (name, given) in new[] { ("--metadata", parse.GetValue(metadata) is not null), ("--metadata-out", parse.GetValue(metadataOut) is not null),
                             ("--schema-out", parse.GetValue(schemaOut) is not null), ("--holdout-fraction", parse.GetValue(holdoutFraction) is not null),
                             ("--holdout-out", parse.GetValue(holdoutOut) is not null) })
                    if (given) throw new SynthDataException($"{name} applies to a single-table model, not to --from.", hint: "Leave it out; --relations gives the keys and sum rules of --from.");
                return Task.FromResult(RelationalTrain.Run(console, trainers, source, parse.GetValue(relations), parse.GetValue(model)!, parse.GetValue(output)!,
                    parse.GetValue(seed), settings.Read(parse),
                    CommonOptions.ReadOptions(parse.GetValue(missing), parse.GetValue(trim), parse.GetValue(strict), parse.GetValue(delimiter)), cancellationToken));
            }
            if (parse.GetValue(data) is null)
                throw new SynthDataException("No training data was named.", hint: "Give a CSV (train data.csv --out m.synth), or --from a database or folder of CSVs.");
            if (parse.GetValue(relations) is not null)
                throw new SynthDataException("--relations applies to --from, not to a single CSV.", hint: "Add --from with the folder or database the relations describe.");
            if (parse.GetValue(holdoutOut) is not null && parse.GetValue(holdoutFraction) is null)
                throw new SynthDataException("--holdout-out needs --holdout-fraction.", hint: "Add e.g. --holdout-fraction 0.2.");
            var kindName = parse.GetValue(model)!;
            if (parse.GetValue(entity) is { } entityColumns)
            {
                if (!stepTrainers.Has(kindName))
                    throw new SynthDataException($"--entity learns sequences, which --model {kindName.Trim()} does not.",
                        hint: $"Choose a sequence model kind: --model {string.Join(" or --model ", stepTrainers.Kinds)}.");
                foreach (var (name, given) in new[] { ("--metadata-out", parse.GetValue(metadataOut) is not null), ("--schema-out", parse.GetValue(schemaOut) is not null) })
                    if (given) throw new SynthDataException($"{name} applies to a single-table model, not to a sequence model.", hint: "Leave it out.");
                return Task.FromResult(SequenceTrain.Run(console, trainers, stepTrainers, new SequenceTrain.Arguments(parse.GetValue(data)!, kindName, entityColumns,
                    parse.GetValue(sequenceIndex), parse.GetValue(context), parse.GetValue(contextModel), parse.GetValue(output)!, parse.GetValue(seed),
                    settings.Read(parse), parse.GetValue(metadata),
                    CommonOptions.ReadOptions(parse.GetValue(missing), parse.GetValue(trim), parse.GetValue(strict), parse.GetValue(delimiter), parse.GetValue(unnamed)),
                    parse.GetValue(holdoutFraction), parse.GetValue(holdoutOut)), cancellationToken));
            }
            if (stepTrainers.Has(kindName))
                throw new SynthDataException($"--model {kindName.Trim()} learns sequences and needs --entity, the column naming whose history each row belongs to.",
                    hint: $"Add e.g. --entity customer_id (and --sequence-index date), or choose a tabular kind: {string.Join(", ", catalog.Kinds.Select(k => k.Name))}.");
            foreach (var (name, given) in new[] { ("--sequence-index", parse.GetValue(sequenceIndex) is not null), ("--context", parse.GetValue(context) is not null),
                         ("--context-model", parse.GetValue(contextModel) is not null) })
                if (given) throw new SynthDataException($"{name} applies to a sequence model, which needs --entity.", hint: "Add --entity and a sequence --model, or leave it out.");
            var request = new TrainingRequest
            {
                DataPath = parse.GetValue(data)!,
                ModelKind = parse.GetValue(model)!,
                ModelPath = parse.GetValue(output)!,
                Seed = parse.GetValue(seed),
                Settings = settings.Read(parse),
                MetadataPath = parse.GetValue(metadata),
                ReadOptions = CommonOptions.ReadOptions(parse.GetValue(missing), parse.GetValue(trim), parse.GetValue(strict), parse.GetValue(delimiter), parse.GetValue(unnamed)),
                HoldoutFraction = parse.GetValue(holdoutFraction),
                HoldoutPath = parse.GetValue(holdoutOut),
                MetadataOutputPath = parse.GetValue(metadataOut),
                SchemaOutputPath = parse.GetValue(schemaOut),
            };
            var display = new TrainingDisplay(console);
            TrainingResult result;
            try
            {
                result = console.Timed("Trained", () => new TrainingService(trainers).Train(request, display, cancellationToken));
            }
            catch (SettingException e)
            {
                throw SettingOptions.AsFlags(e);
            }
            catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
            {
                var how = display.LastEpoch is { } last ? $"Training cancelled after epoch {last.Epoch} of {last.Epochs}"
                    : catalog.Find(request.ModelKind).TrainsWithTorch ? "Training cancelled before the first epoch ended" : "Fitting cancelled";
                throw new CommandCancelledException($"{how}; nothing was written ({request.ModelPath} is unchanged).", e);
            }
            finally
            {
                display.Finish();
            }
            CommonOptions.ReportIssues(console, result.CellIssues);
            var c = CultureInfo.InvariantCulture;
            if (result.HoldoutPath is { } holdoutPath)
                console.Out.WriteLine(string.Create(c, $"Held out {result.HoldoutRows:N0} of {result.Rows + result.HoldoutRows:N0} rows (seed {request.Seed}); written to {holdoutPath}."));
            // The provenance counts the rows actually trained on (early stopping holds its validation rows out).
            console.Out.WriteLine(string.Create(c, $"Trained {result.Model.Kind} on {result.Model.Provenance.SourceRows:N0} rows × {result.Columns} columns (seed {request.Seed}); model written to {request.ModelPath} ({result.ModelBytes:N0} bytes)."));
            if (result.Model.TextModels.Count > 0)
                console.Out.WriteLine($"Learned text: {string.Join(", ", result.Model.TextModels.Select(t => $"'{t.Column}' ({t.Kind})"))}.");
            return Task.FromResult(CliApp.Success);
        });
        return command;
    }
}
