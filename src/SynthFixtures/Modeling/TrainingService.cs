using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Data.Files;
using SynthFixtures.Metadata;
using SynthFixtures.Modeling.TextColumns;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Transforms;

namespace SynthFixtures.Modeling;

/// <summary>
/// The train use case, for the CLI, the build's trainer and user code alike: reads the CSV and its metadata, checks the
/// settings against the model kind, splits off a holdout if asked, fits through the kind's registered trainer, learns
/// the chosen free-text columns through the registered text trainer, and writes the model, its schema, its metadata and
/// the holdout so that each appears whole or not at all.
/// </summary>
/// <param name="trainers">Which trainer trains each kind.</param>
public sealed class TrainingService(ModelTrainers trainers)
{
    /// <summary>Runs <paramref name="request"/>.</summary>
    /// <exception cref="SynthDataException">Bad input: an unknown kind, a bad setting, a bad CSV or metadata, an output that would overwrite an input, an unwritable output.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was written.</exception>
    public TrainingResult Train(TrainingRequest request, IProgress<TrainingUpdate>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var kind = trainers.Catalog.Find(request.ModelKind);
        TextColumnTraining.RefuseOnKindWithoutText(kind, request.Settings);
        var settings = SettingValues.Parse(kind, request.Settings, trainers.Catalog);
        if (request.HoldoutPath is not null && request.HoldoutFraction is null)
            throw new SynthDataException("A holdout file was named but no holdout fraction was given.", request.HoldoutPath,
                hint: "Give a holdout fraction (e.g. 0.2), or leave the holdout file out.");
        var outputs = PlanOutputs(request);

        var trainer = trainers.For(kind);
        var read = CsvTableReader.Read(request.DataPath, request.ReadOptions);
        var given = request.MetadataPath is null ? null : MetadataJson.Load(request.MetadataPath);
        TextColumnTraining.RefuseLearnedMetadata(kind, given, request.MetadataPath);
        // A private trainer reads the rows as they are: profiling them, or failing on or listing bad cells, would read single rows outside its budget.
        Table table;
        TableMetadata? metadata;
        IReadOnlyList<CellIssue> issues;
        if (trainer is IPrivateTrainer)
        {
            if (given is not null) MetadataValidator.CheckAgainst(given, read);
            (table, metadata, issues) = (read, given, []);
        }
        else
        {
            (table, metadata, issues) = TableCheck.Prepare(given, read, request.ReadOptions.BadCells);
        }
        progress?.Report(new TrainingUpdate(TrainingStage.Reading, string.Create(CultureInfo.InvariantCulture,
            $"Read {table.RowCount:N0} rows × {table.ColumnCount} columns from {Path.GetFileName(request.DataPath)}{CsvTableReader.DescribeFormat(table)}")));
        metadata = WithDeclaredRules(request.DeclaredRules, metadata, table, progress);
        Table? holdout = null;
        if (request.HoldoutFraction is { } fraction)
            (table, holdout) = HoldoutSplit.Split(table, fraction, request.Seed);
        var textPlan = metadata is null ? TextColumnPlan.None : TextColumnTraining.Plan(kind, settings, request.Seed, table, metadata, trainers);

        var model = KeptRulesTraining.Train(trainer, table, metadata, request.Seed, settings, progress, cancellationToken);
        var textModels = TextColumnTraining.Train(textPlan, kind, settings, request.Seed, table, model.Metadata, trainers, progress, cancellationToken);
        if (textModels.Count > 0) model = model.WithTextModels(textModels);

        progress?.Report(new TrainingUpdate(TrainingStage.Writing, $"Writing {request.ModelPath}"));
        var modelBytes = ModelArtifact.ToBytes(model);
        outputs.Files.AddBytes(request.ModelPath, "model", modelBytes);
        if (holdout is not null) outputs.Files.Add(outputs.HoldoutPath!, "holdout CSV", path => CsvTableWriter.Write(holdout, path, cancellationToken));
        if (request.MetadataOutputPath is { } metadataOut) MetadataJson.AddTo(outputs.Files, model.Metadata, metadataOut);
        if (request.SchemaOutputPath is { } schemaOut) outputs.Files.AddText(schemaOut, "schema", model.DescribeSchema().Write());
        // As ModelArtifact.Save does: the model's folder is made when the model is written (the other outputs' are not).
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(request.ModelPath))!);
        outputs.Files.Commit(cancellationToken);
        return new TrainingResult(model, settings, table.RowCount, table.ColumnCount, modelBytes.Length, holdout?.RowCount ?? 0,
            holdout is null ? null : outputs.HoldoutPath) { CellIssues = issues };
    }

    /// <summary>The metadata with the declared rules added after its own (checked against the data, errors at their declarations).</summary>
    private static TableMetadata? WithDeclaredRules(IDeclaredRules? declared, TableMetadata? metadata, Table table, IProgress<TrainingUpdate>? progress)
    {
        if (declared is null) return metadata;
        if (metadata is null)
        {
            progress?.Report(new TrainingUpdate(TrainingStage.Reading,
                "Rules declared outside the metadata are not kept: a private fit without given metadata has no columns to resolve them against."));
            return null;
        }
        var rules = declared.Resolve(metadata);
        return rules.Count == 0 ? metadata : DeclaredRulesMerge.Merge(metadata, rules, table);
    }

    /// <summary>Where each output goes, refusing any that would overwrite an input or another output.</summary>
    private static (OutputFiles Files, string? HoldoutPath) PlanOutputs(TrainingRequest request)
    {
        var holdoutPath = request.HoldoutFraction is null ? null
            : request.HoldoutPath ?? Path.ChangeExtension(request.ModelPath, null) + ".holdout.csv";
        OutputPaths.Check(
            [(request.DataPath, "training data"), (request.MetadataPath, "metadata input")],
            [(request.ModelPath, "model"), (holdoutPath, "holdout CSV"), (request.MetadataOutputPath, "metadata"), (request.SchemaOutputPath, "schema")]);
        // The model's folder is made when it is written; the others' must exist, checked now rather than after training.
        OutputPaths.CheckFolders([(holdoutPath, "holdout CSV"), (request.MetadataOutputPath, "metadata"), (request.SchemaOutputPath, "schema")]);
        return (new OutputFiles(), holdoutPath);
    }
}
