using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Data.Files;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Models.Sequences;
using SynthFixtures.Transforms;
using SynthFixtures.Transforms.Sequences;

namespace SynthFixtures.Modeling.Sequences;

/// <summary>
/// The train use case for sequences: reads the CSV and its metadata, checks both kinds' settings, finds the context
/// columns when none are named, holds out whole entities if asked, fits the context model through the tabular trainers
/// and the step model through the step trainers (<see cref="SequenceFitter"/>), and writes the model and the holdout so
/// that each appears whole or not at all.
/// </summary>
/// <param name="contextTrainers">Which trainer trains each tabular kind (the context model's).</param>
/// <param name="stepTrainers">Which trainer trains each step kind.</param>
public sealed partial class SequenceTrainingService(ModelTrainers contextTrainers, SequenceStepTrainers stepTrainers)
{
    /// <summary>Runs <paramref name="request"/>.</summary>
    /// <exception cref="SynthDataException">Bad input: an unknown kind, a bad setting, a bad CSV or metadata, a column that is not in the table, a context column that changes within an entity, an output that would overwrite an input.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was written.</exception>
    public SequenceTrainingResult Train(SequenceTrainingRequest request, IProgress<TrainingUpdate>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stepKind = stepTrainers.Kind(request.StepModelKind);
        SettingValues.Parse(stepKind, request.Settings, stepTrainers.Catalog);
        var contextKind = contextTrainers.Catalog.Find(request.ContextModelKind);
        var contextSettings = SettingValues.Parse(contextKind, request.ContextSettings, contextTrainers.Catalog);
        if (request.HoldoutPath is not null && request.HoldoutFraction is null)
            throw new SynthDataException("A holdout file was named but no holdout fraction was given.", request.HoldoutPath,
                hint: "Give a holdout fraction (e.g. 0.2), or leave the holdout file out.");
        var holdoutPath = request.HoldoutFraction is null ? null : request.HoldoutPath ?? Path.ChangeExtension(request.ModelPath, null) + ".holdout.csv";
        OutputPaths.Check([(request.DataPath, "training data"), (request.MetadataPath, "metadata input")],
            [(request.ModelPath, "model"), (holdoutPath, "holdout CSV"), (request.MetadataOutputPath, "metadata"), (request.SchemaOutputPath, "schema")]);
        OutputPaths.CheckFolders([(holdoutPath, "holdout CSV"), (request.MetadataOutputPath, "metadata"), (request.SchemaOutputPath, "schema")]);
        var stepTrainer = stepTrainers.Create(stepKind.Name);
        if (stepTrainer is IPrivateSequenceTrainer privateTrainer)
            return TrainPrivately(request, privateTrainer, stepKind, contextKind, holdoutPath, progress, cancellationToken);
        var contextTrainer = contextTrainers.For(contextKind);
        if (contextTrainer is IPrivateTrainer)
            throw new SynthDataException($"The context model cannot be {contextKind.Name}: a differentially private context model would promise a guarantee the step model does not give.",
                hint: $"Choose a context model kind without differential privacy, e.g. {GaussianCopulaKind.Instance.Name}, or a differentially private sequence kind ({DpLaggedCopulaKind.Name}).");

        var read = CsvTableReader.Read(request.DataPath, request.ReadOptions);
        var given = request.MetadataPath is null ? null : MetadataJson.Load(request.MetadataPath);
        var (table, metadata, issues) = TableCheck.Prepare(given, read, request.ReadOptions.BadCells);
        progress?.Report(new TrainingUpdate(TrainingStage.Reading, string.Create(CultureInfo.InvariantCulture,
            $"Read {table.RowCount:N0} rows × {table.ColumnCount} columns from {Path.GetFileName(request.DataPath)}{CsvTableReader.DescribeFormat(table)}")));
        var sequence = request.ContextGiven ? request.Sequence : request.Sequence with { ContextColumns = ConstantColumns(table, metadata, request.Sequence) };

        Table? holdout = null;
        var holdoutEntities = 0;
        if (request.HoldoutFraction is { } fraction)
            (table, holdout, holdoutEntities) = HoldOutEntities(table, metadata, sequence, fraction, request.Seed);
        var model = SequenceFitter.Fit(table, metadata, sequence,
            new SequenceFitter.Plan(contextTrainer, contextSettings, stepTrainer, request.Settings, request.Seed), progress, cancellationToken);

        var (files, bytes) = Outputs(request, model, holdout, holdoutPath, progress, cancellationToken);
        // The step columns' ranges and labels are the training rows' (the holdout is not what the model learned).
        if (request.SchemaOutputPath is { } schemaOut) files.AddText(schemaOut, "schema", SequenceSchema.Write(model, table));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(request.ModelPath))!);
        files.Commit(cancellationToken);
        return new SequenceTrainingResult(model, model.SourceEntities, table.RowCount, bytes.Length, holdoutEntities, holdout is null ? null : holdoutPath)
        {
            CellIssues = issues,
        };
    }

    /// <summary>
    /// The learned columns (neither entity nor index) whose cells never change within an entity, when at least one entity
    /// has two steps to compare: the context columns, when none are named.
    /// </summary>
    /// <summary>The model, the holdout CSV and the metadata as outputs still to commit (with the model's bytes), for either path.</summary>
    private static (OutputFiles Files, byte[] Bytes) Outputs(SequenceTrainingRequest request, SequenceModel model, Table? holdout, string? holdoutPath,
        IProgress<TrainingUpdate>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(new TrainingUpdate(TrainingStage.Writing, $"Writing {request.ModelPath}"));
        var files = new OutputFiles();
        var bytes = SequenceModelArtifact.ToBytes(model);
        files.AddBytes(request.ModelPath, "sequence model", bytes);
        if (holdout is not null) files.Add(holdoutPath!, "holdout CSV", path => CsvTableWriter.Write(holdout, path, cancellationToken));
        if (request.MetadataOutputPath is { } metadataOut) MetadataJson.AddTo(files, model.Metadata, metadataOut);
        return (files, bytes);
    }

    private static IReadOnlyList<string> ConstantColumns(Table table, TableMetadata metadata, SequenceMetadata sequence)
    {
        var set = SequenceSet.From(table, metadata, sequence);
        if (set.Entities.All(e => e.Length < 2)) return [];
        return metadata.Columns
            .Where(c => c.IsModelled && !sequence.IsEntityLevel(c.Name))
            .Where(c =>
            {
                var position = table.IndexOf(c.Name);
                return set.Entities.All(e => e.Rows.All(r => string.Equals(table[r, position], table[e.Rows[0], position], StringComparison.Ordinal)));
            })
            .Select(c => c.Name)
            .ToList();
    }

    /// <summary>Whole entities held out (chosen with the seed, as <see cref="HoldoutSplit"/> chooses rows): the training rows, the holdout rows, the entities held out.</summary>
    private static (Table Training, Table Holdout, int Entities) HoldOutEntities(Table table, TableMetadata metadata, SequenceMetadata sequence, double fraction, long seed)
    {
        var set = SequenceSet.From(table, metadata, sequence);
        var numbers = new Table(["entity"], [set.Entities.Select((_, i) => (string?)i.ToString(CultureInfo.InvariantCulture)).ToArray()], sourcePath: table.SourcePath);
        var (_, heldOut) = HoldoutSplit.Split(numbers, fraction, seed);
        var held = new bool[set.Entities.Count];
        foreach (var cell in heldOut.Column(0)) held[int.Parse(cell!, CultureInfo.InvariantCulture)] = true;
        var inHoldout = new bool[table.RowCount];
        for (var i = 0; i < held.Length; i++)
            if (held[i]) foreach (var row in set.Entities[i].Rows) inHoldout[row] = true;
        return (HoldoutSplit.Rows(table, Enumerable.Range(0, table.RowCount).Where(r => !inHoldout[r]).ToArray()),
            HoldoutSplit.Rows(table, Enumerable.Range(0, table.RowCount).Where(r => inHoldout[r]).ToArray()), heldOut.RowCount);
    }
}
