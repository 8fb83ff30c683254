using SynthFixtures.Data.Files;
using SynthFixtures.Models.Relational;

namespace SynthFixtures.Modeling.Relational;

/// <summary>
/// The multi-table train use case: checks the kind and settings, learns one model per table through the kind's
/// registered trainer (so TVAE and CTGAN work when SynthFixtures.Training registers them) with the children-per-parent
/// counts and the parent's columns as context, and writes the model file whole or not at all.
/// </summary>
/// <param name="trainers">Which trainer trains each kind.</param>
public sealed class RelationalTrainingService(ModelTrainers trainers)
{
    /// <summary>Runs <paramref name="request"/>.</summary>
    /// <exception cref="SynthDataException">
    /// Bad input: an unknown or differentially private kind, a bad setting, keys that cannot be ordered, an orphan or a
    /// non-unique key in the data, an unwritable output.
    /// </exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was written.</exception>
    public RelationalTrainingResult Train(RelationalTrainingRequest request, IProgress<TrainingUpdate>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Data);
        var kind = trainers.Catalog.Find(request.ModelKind);
        if (kind.Specs.Contains(PrivacySettingTable.Epsilon))
            throw new SynthDataException($"The model kind {kind.Name} is differentially private, and a multi-table model with a privacy guarantee is not built:"
                + " the counts of children per parent and the parent context would each spend budget no per-table guarantee accounts for.",
                hint: "Learn the database with gaussiancopula, tvae or ctgan, or learn one table with the private kind.");
        var settings = SettingValues.Parse(kind, request.Settings, trainers.Catalog);
        OutputPaths.Check([], [(request.ModelPath, "model"), (request.MetadataOutputPath, "metadata"), (request.SchemaOutputPath, "schema")]);
        progress?.Report(new TrainingUpdate(TrainingStage.Reading,
            $"{request.Data.Metadata.Tables.Count} tables, {request.Data.RowCount:N0} rows, {request.Data.Metadata.ForeignKeys.Count} foreign keys"));
        var model = new RelationalFitter(trainers, kind, settings, request.Seed, request.ConditionOnParents).Fit(request.Data, progress, cancellationToken);
        progress?.Report(new TrainingUpdate(TrainingStage.Writing, $"Writing {request.ModelPath}"));
        var bytes = RelationalModelArtifact.ToBytes(model);
        var files = new OutputFiles();
        files.AddBytes(request.ModelPath, "multi-table model", bytes);
        if (request.MetadataOutputPath is { } metadataOut) Metadata.Relational.RelationalMetadataJson.AddTo(files, model.Metadata, metadataOut);
        if (request.SchemaOutputPath is { } schemaOut) files.AddText(schemaOut, "schema", DatabaseSchema.Write(model));
        foreach (var target in files.Targets) Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        files.Commit(cancellationToken);
        return new RelationalTrainingResult(model, settings, request.Data.Metadata.Tables.Count, request.Data.RowCount, bytes.Length);
    }
}
