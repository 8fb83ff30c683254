using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Text;

namespace SynthFixtures.Modeling.TextColumns;

/// <summary>The training service's text step: after the tabular fit, each planned free-text column is learned by the registered text trainer.</summary>
internal static class TextColumnTraining
{
    /// <summary>
    /// Refuses text settings on a kind whose text stays generated (the differentially private kinds), with the reason,
    /// before the generic "applies to … only" message would.
    /// </summary>
    public static void RefuseOnKindWithoutText(ModelKind kind, IReadOnlyDictionary<string, string> given)
    {
        if (kind.LearnsText) return;
        var spec = TextSettingTable.Settings.Select(s => s.Spec).FirstOrDefault(s => given.ContainsKey(s.Name));
        if (spec is null) return;
        throw new SettingException(spec,
            n => $"{n.Setting(spec)} does not apply to {n.Kind(kind.Name)}: a learned text model is trained on single texts outside the privacy budget, "
                + "so it is not differentially private, and the free-text columns of a private model stay generated placeholder prose.",
            n => $"leave {n.Setting(spec)} out, or train {n.Kind("gaussiancopula")}, tvae or ctgan for learned text.");
    }

    /// <summary>Refuses metadata that asks for learned text on a kind whose text stays generated.</summary>
    public static void RefuseLearnedMetadata(ModelKind kind, TableMetadata? metadata, string? metadataPath)
    {
        if (kind.LearnsText || metadata?.Columns.FirstOrDefault(c => c.TextModel == TextSettingTable.Learned) is not { } column) return;
        throw new SynthDataException($"The metadata asks for a learned text model for '{column.Name}', but {kind.Name} keeps free text generated: "
            + "a learned text model is trained on single texts outside the privacy budget, so it is not differentially private.",
            metadataPath, columnName: column.Name, hint: "Remove \"textModel\" from the column, or train gaussiancopula, tvae or ctgan.");
    }

    /// <summary>The plan for this run, checked before any fitting: a learned column with no text trainer registered is refused now.</summary>
    public static TextColumnPlan Plan(ModelKind kind, SettingValues settings, long seed, Table table, TableMetadata metadata, ModelTrainers trainers)
    {
        if (kind.TextOptions(settings, seed) is not { } options) return TextColumnPlan.None;
        var plan = TextColumnPlan.For(options, table, metadata);
        if (plan.Learned.Count > 0 && !trainers.HasTextTrainer)
        {
            var columns = string.Join(", ", plan.Learned.Select(l => $"'{l.Column}'"));
            throw new SettingException(TextSettingTable.Model,
                n => $"learning the free-text column{(plan.Learned.Count == 1 ? "" : "s")} {columns} needs a text model trainer, and none is registered here "
                    + "(the learned text model trains with TorchSharp, in SynthFixtures.Training).",
                n => $"register SynthFixtures.Training's trainers (NeuralModelTrainers.AddTo), or write {n.Assignment(TextSettingTable.Model, TextSettingTable.Lorem)} for placeholder prose.");
        }
        return plan;
    }

    /// <summary>Trains a text model for each planned column on <paramref name="table"/> (the training rows, holdout taken out).</summary>
    public static IReadOnlyList<TextColumnModel> Train(TextColumnPlan plan, ModelKind kind, SettingValues settings, long seed, Table table,
        TableMetadata metadata, ModelTrainers trainers, IProgress<TrainingUpdate>? progress, CancellationToken cancellationToken)
    {
        foreach (var note in plan.Notes) progress?.Report(new TrainingUpdate(TrainingStage.Note, "Note: " + note));
        if (plan.Learned.Count == 0) return [];
        var options = kind.TextOptions(settings, seed)!;
        var trainer = trainers.CreateTextTrainer()!;
        var models = new List<TextColumnModel>(plan.Learned.Count);
        foreach (var (column, _) in plan.Learned)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var texts = table.Column(column).Count(c => !string.IsNullOrWhiteSpace(c));
            progress?.Report(new TrainingUpdate(TrainingStage.TextModel, string.Create(CultureInfo.InvariantCulture,
                $"Learning the text of '{column}' from {texts:N0} texts ({models.Count + 1} of {plan.Learned.Count})")));
            var model = trainer.Train(new TextTrainingInput(column, table, metadata, seed, options.Learned), progress, cancellationToken);
            if (model.Column != column)
                throw new InvalidOperationException($"The text trainer was asked for '{column}' but returned a model of '{model.Column}'.");
            models.Add(model);
            progress?.Report(new TrainingUpdate(TrainingStage.TextModel, $"'{column}': {model.Describe()}"));
        }
        return models;
    }
}
