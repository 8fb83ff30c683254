using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Data.Files;
using SynthFixtures.Metadata;
using SynthFixtures.Models.Sequences;

namespace SynthFixtures.Modeling.Sequences;

public sealed partial class SequenceTrainingService
{
    /// <summary>
    /// The train use case for a differentially private sequence kind: the rows go to its trainer as read (no profiler, no
    /// cell check, no search for constant columns), the context model is dp-marginals at the kind's share of the budget,
    /// and nothing is written that reads the rows outside the budget.
    /// </summary>
    private SequenceTrainingResult TrainPrivately(SequenceTrainingRequest request, IPrivateSequenceTrainer trainer, ModelKind stepKind, ModelKind contextKind,
        string? holdoutPath, IProgress<TrainingUpdate>? progress, CancellationToken cancellationToken)
    {
        if (contextKind.Name != GaussianCopulaKind.Instance.Name && contextKind.Name != DpMarginalsKind.Instance.Name)
            throw new SynthDataException($"The context model of a {stepKind.Name} sequence model is {DpMarginalsKind.Instance.Name}, trained within the same budget, not {contextKind.Name}.",
                hint: $"Leave the context model kind unset (or {DpMarginalsKind.Instance.Name}).");
        var contextSettings = SettingValues.Parse(DpMarginalsKind.Instance, request.ContextSettings, contextTrainers.Catalog);
        foreach (var spec in new[] { PrivacySettingTable.Epsilon, PrivacySettingTable.Delta }.Where(s => contextSettings.Given.Any(g => g.Spec == s)))
            throw new SettingException(spec, n => $"the context model's {n.Setting(spec)} is set by the sequence model's budget split, not on its own",
                n => $"set {n.Setting(spec)} for the whole sequence model");
        if (request.SchemaOutputPath is not null)
            throw new SynthDataException("A differentially private sequence model writes no schema: its ranges and labels would be read from the training rows outside the budget.",
                hint: "Leave the schema output out.");
        var settings = SettingValues.Parse(stepKind, request.Settings, stepTrainers.Catalog);
        var read = CsvTableReader.Read(request.DataPath, request.ReadOptions);
        var given = request.MetadataPath is null ? null : MetadataJson.Load(request.MetadataPath);
        progress?.Report(new TrainingUpdate(TrainingStage.Reading, string.Create(CultureInfo.InvariantCulture,
            $"Read {read.RowCount:N0} rows × {read.ColumnCount} columns from {Path.GetFileName(request.DataPath)}{CsvTableReader.DescribeFormat(read)}")));
        // Context columns are taken as named: finding the columns constant within every entity would read the rows.
        var sequence = request.ContextGiven ? request.Sequence : request.Sequence with { ContextColumns = [] };
        var table = read;
        Data.Table? holdout = null;
        var holdoutEntities = 0;
        if (request.HoldoutFraction is { } fraction)
        {
            if (given is null)
                throw new SynthDataException("A differentially private sequence model needs the column metadata given: the column kinds would otherwise be read from the rows outside the budget.",
                    request.DataPath, hint: "Give metadata written without looking at the data (or accepted as public), e.g. profiled once and reviewed.");
            (table, holdout, holdoutEntities) = HoldOutEntities(table, given, sequence, fraction, request.Seed);
        }
        var model = trainer.FitPrivately(table, given, sequence, settings, contextSettings, request.Seed, progress, cancellationToken);

        var (files, bytes) = Outputs(request, model, holdout, holdoutPath, progress, cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(request.ModelPath))!);
        files.Commit(cancellationToken);
        // The counts reported are the model's (the entity count as public or noisy); the row count is withheld.
        return new SequenceTrainingResult(model, model.SourceEntities, 0, bytes.Length, holdoutEntities, holdout is null ? null : holdoutPath);
    }
}
