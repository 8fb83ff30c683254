using SynthFixtures.Modeling;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Tests.Cli;

namespace SynthFixtures.Tests.Modeling.TextColumns;

/// <summary>
/// The training service's text step with a test-only text model: which free-text columns are learned (the default
/// threshold, the text model and text columns settings), what the text trainer is handed, what the model records, and
/// the refusals (no text trainer, unknown or non-text columns, private kinds).
/// </summary>
public sealed class TextTrainingServiceTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static ModelTrainers WithEcho(EchoTextTrainer trainer) => ModelTrainers.Core.WithTextTrainer(() => trainer);

    private TrainingRequest Request(int rows, int titles, Dictionary<string, string> settings, string kind = "gaussiancopula")
    {
        var (csv, metadata) = ReviewTable.Write(_folder.Path, rows, titles);
        return new TrainingRequest
        {
            DataPath = csv, MetadataPath = metadata, ModelKind = kind, ModelPath = _folder.File("m.synth"), Seed = 4, Settings = settings,
            SchemaOutputPath = _folder.File("m.synthschema"),
        };
    }

    [Fact]
    public void By_default_a_column_with_enough_texts_is_learned_and_one_with_fewer_keeps_placeholder_prose_with_a_note()
    {
        var trainer = new EchoTextTrainer();
        var updates = new List<TrainingUpdate>();
        var request = Request(80, 20, new() { ["text-min-texts"] = "40" }) with { HoldoutFraction = 0.25 };
        var result = new TrainingService(WithEcho(trainer)).Train(request, new Recorder(updates));

        var input = Assert.Single(trainer.Seen);
        Assert.Equal("review", input.Column);
        Assert.Equal(60, input.Table.RowCount);   // the holdout is not learned from
        Assert.Equal(4, input.Seed);
        Assert.Equal(4, input.Options.Seed);
        Assert.Contains(updates, u => u.Stage == TrainingStage.TextModel && u.Message!.Contains("'review' from 60 texts", StringComparison.Ordinal));
        Assert.Contains(updates, u => u.Stage == TrainingStage.Note && u.Message!.Contains("'title' keeps placeholder prose", StringComparison.Ordinal)
            && u.Message.Contains("text-min-texts", StringComparison.Ordinal));

        Assert.Equal("review", Assert.Single(result.Model.TextModels).Column);
        var loaded = ModelArtifact.Load(request.ModelPath, EchoTextModel.Decoders);
        var text = Assert.IsType<EchoTextModel>(Assert.Single(loaded.TextModels));
        Assert.Equal(60, text.Salt);
        Assert.Equal(["rating", "department"], text.ContextColumns);
        Assert.StartsWith("echo of rating, department", loaded.DescribeColumns().Single(c => c.Column == "review").Summary);
        var schema = File.ReadAllLines(_folder.File("m.synthschema"));
        Assert.Contains(schema, l => l.StartsWith("column\treview\ttext", StringComparison.Ordinal) && l.EndsWith("\tgenerator=test-echo", StringComparison.Ordinal));
        Assert.Contains(schema, l => l.StartsWith("column\ttitle\ttext", StringComparison.Ordinal) && l.EndsWith("\tgenerator=lorem", StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_threshold_is_500_texts()
    {
        var trainer = new EchoTextTrainer();
        new TrainingService(WithEcho(trainer)).Train(Request(520, 499, []));
        Assert.Equal("review", Assert.Single(trainer.Seen).Column);
    }

    [Fact]
    public void The_learned_text_model_learns_every_named_column_whatever_its_count_with_the_given_settings()
    {
        var trainer = new EchoTextTrainer();
        var result = new TrainingService(WithEcho(trainer)).Train(Request(30, 5, new()
        {
            ["text-model"] = "Learned", ["text-columns"] = "title, review", ["text-epochs"] = "3", ["text-context"] = "department",
            ["text-temperature"] = "0.7",
        }));
        Assert.Equal(["review", "title"], trainer.Seen.Select(s => s.Column));   // metadata order
        Assert.All(trainer.Seen, s => Assert.Equal(3, s.Options.Epochs));
        Assert.All(trainer.Seen, s => Assert.Equal(0.7, s.Options.Temperature));
        Assert.All(trainer.Seen, s => Assert.Equal(["department"], s.Options.ContextColumns!));
        Assert.Equal(2, result.Model.TextModels.Count);
        Assert.Contains("text-columns=title, review", result.Settings.ToText(modelAffectingOnly: true));
    }

    [Fact]
    public void Naming_one_column_leaves_the_others_as_placeholder_prose()
    {
        var trainer = new EchoTextTrainer();
        new TrainingService(WithEcho(trainer)).Train(Request(30, 30, new() { ["text-model"] = "learned", ["text-columns"] = "title" }));
        Assert.Equal("title", Assert.Single(trainer.Seen).Column);
    }

    [Fact]
    public void The_lorem_text_model_learns_nothing_and_needs_no_text_trainer()
    {
        var result = new TrainingService(ModelTrainers.Core).Train(Request(600, 600, new() { ["text-model"] = "lorem" }));
        Assert.Empty(result.Model.TextModels);
        Assert.Empty(ModelArtifact.Load(_folder.File("m.synth")).TextModels);
    }

    [Fact]
    public void Without_a_text_trainer_a_column_that_would_be_learned_is_refused_before_anything_is_written()
    {
        var error = Assert.Throws<SettingException>(() => new TrainingService(ModelTrainers.Core).Train(Request(520, 0, [])));
        Assert.Contains("learning the free-text column 'review' needs a text model trainer", error.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("SynthFixtures.Training", error.Message);
        Assert.Contains("text model lorem", error.Hint);
        Assert.False(File.Exists(_folder.File("m.synth")));
    }

    [Theory]
    [InlineData("Review", "which is not a column of the data", "Did you mean 'review'?")]
    [InlineData("nope", "which is not a column of the data", "The free-text columns are 'review', 'title'")]
    [InlineData("rating", "which is integer, not free text", "mark the column as text")]
    public void A_named_column_that_is_not_free_text_is_refused_in_the_settings_words(string name, string reason, string hint)
    {
        var error = Assert.Throws<SettingException>(() =>
            new TrainingService(WithEcho(new EchoTextTrainer())).Train(Request(30, 30, new() { ["text-columns"] = name })));
        Assert.Contains($"The text columns name '{name}', {reason}", error.Reason, StringComparison.Ordinal);
        Assert.Contains(hint, error.Hint, StringComparison.Ordinal);
        Assert.Equal("text-columns", error.Setting?.Name);
        Assert.False(File.Exists(_folder.File("m.synth")));
    }

    [Fact]
    public void Text_columns_with_the_lorem_text_model_are_refused()
    {
        var error = Assert.Throws<SettingException>(() =>
            new TrainingService(ModelTrainers.Core).Train(Request(30, 30, new() { ["text-model"] = "lorem", ["text-columns"] = "review" })));
        Assert.Contains("lorem, which learns none", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dp-marginals", "text-model", "learned")]
    [InlineData("dp-tvae", "text-model", "lorem")]
    [InlineData("dp-ctgan", "text-epochs", "2")]
    public void Private_kinds_refuse_text_settings_saying_why(string kind, string setting, string value)
    {
        var error = Assert.Throws<SettingException>(() =>
            new TrainingService(WithEcho(new EchoTextTrainer())).Train(Request(30, 30, new() { [setting] = value }, kind)));
        Assert.Contains($"does not apply to {kind}: a learned text model is trained on single texts outside the privacy budget", error.Reason, StringComparison.Ordinal);
        Assert.Contains("not differentially private", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_text_model_name_is_refused_with_the_choices()
    {
        var error = Assert.Throws<SettingException>(() =>
            new TrainingService(ModelTrainers.Core).Train(Request(30, 30, new() { ["text-model"] = "gpt" })));
        Assert.Equal("The text model 'gpt' is not one of learned or lorem.", error.Reason);
    }

    [Fact]
    public void The_text_settings_do_not_reach_the_tabular_options()
    {
        var catalog = ModelCatalog.BuiltIn;
        var values = SettingValues.Parse(catalog.Find("tvae"), new Dictionary<string, string> { ["epochs"] = "2", ["text-epochs"] = "5" }, catalog);
        Assert.Equal(2, SynthFixtures.Modeling.Neural.TvaeKind.Instance.Options(values, 1).Epochs);
        Assert.Equal(5, catalog.Find("tvae").TextOptions(values, 1)!.Learned.Epochs);
        Assert.Null(catalog.Find("dp-tvae").TextOptions(SettingValues.None, 1));
    }

    [Fact]
    public void Without_a_text_model_set_the_columns_metadata_decides()
    {
        var trainer = new EchoTextTrainer();
        var request = Request(600, 20, []);
        File.WriteAllText(request.MetadataPath!, MetadataWith("\"textModel\": \"lorem\"", "\"textModel\": \"Learned\""));
        var result = new TrainingService(WithEcho(trainer)).Train(request);
        Assert.Equal("title", Assert.Single(trainer.Seen).Column);   // 20 texts, but the metadata asks; review has 600, but lorem
        Assert.Equal("learned", result.Model.Metadata.Find("title")!.TextModel);

        // A text model set for the run overrides the metadata.
        trainer.Seen.Clear();
        new TrainingService(WithEcho(trainer)).Train(request with { Settings = new Dictionary<string, string> { ["text-model"] = "learned" } });
        Assert.Equal(["review", "title"], trainer.Seen.Select(s => s.Column));
    }

    [Fact]
    public void Metadata_asking_a_private_kind_for_learned_text_is_refused_naming_the_file()
    {
        var request = Request(60, 20, [], "dp-marginals");
        File.WriteAllText(request.MetadataPath!, MetadataWith(null, "\"textModel\": \"learned\""));
        var error = Assert.Throws<SynthDataException>(() => new TrainingService(WithEcho(new EchoTextTrainer())).Train(request));
        Assert.Contains("asks for a learned text model for 'title', but dp-marginals keeps free text generated", error.Message, StringComparison.Ordinal);
        Assert.Equal(request.MetadataPath, error.FilePath);
    }

    [Theory]
    [InlineData("title", "\"textModel\": \"gpt\"", "Column 'title' has the unknown textModel 'gpt'.")]
    [InlineData("rating", "\"textModel\": \"learned\"", "Column 'rating' has a textModel, but it is not free text.")]
    public void A_bad_text_model_in_the_metadata_is_refused_at_its_line(string column, string property, string expected)
    {
        var path = _folder.File("bad.metadata.json");
        var text = column == "title" ? MetadataWith(null, property)
            : MetadataWith(null, null).Replace("\"kind\": \"integer\"", "\"kind\": \"integer\", " + property, StringComparison.Ordinal);
        File.WriteAllText(path, text);
        var error = Assert.Throws<SynthDataException>(() => SynthFixtures.Metadata.MetadataJson.Load(path));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Line);
    }

    private static string MetadataWith(string? review, string? title) => $$"""
        {
          "columns": [
            { "name": "id", "kind": "identifier" },
            { "name": "rating", "kind": "integer" },
            { "name": "department", "kind": "categorical" },
            { "name": "review", "kind": "text"{{(review is null ? "" : ", " + review)}} },
            { "name": "title", "kind": "text"{{(title is null ? "" : ", " + title)}} }
          ],
          "primaryKey": "id"
        }
        """;

    private sealed class Recorder(List<TrainingUpdate> updates) : IProgress<TrainingUpdate>
    {
        public void Report(TrainingUpdate value) => updates.Add(value);
    }
}
