using System.CommandLine;
using SynthFixtures.Cli;
using SynthFixtures.Cli.Commands;
using SynthFixtures.Modeling;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Tests.Modeling.TextColumns;

namespace SynthFixtures.Tests.Cli;

/// <summary>
/// The text settings on the command line: <c>--text-model</c>, <c>--text-column</c> (repeatable), the refusals named as
/// flags, and <c>inspect</c> on a model whose text model kind this build does not know.
/// </summary>
public sealed class CliTextModelTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _csv;
    private readonly string _metadata;

    public CliTextModelTests() => (_csv, _metadata) = ReviewTable.Write(_folder.Path, 60, 60);

    public void Dispose() => _folder.Dispose();

    private CliResult Train(params string[] more) =>
        CliResult.Run(["train", _csv, "--metadata", _metadata, "--out", _folder.File("m.synth"), .. more]);

    [Fact]
    public void The_lorem_text_model_trains_without_learning_text()
    {
        var result = Train("--text-model", "lorem");
        Assert.True(result.ExitCode == CliApp.Success, result.Error);
        Assert.DoesNotContain("Learned text", result.Output);
        var inspect = CliResult.Run("inspect", _folder.File("m.synth"));
        Assert.Equal(CliApp.Success, inspect.ExitCode);
        Assert.DoesNotContain("Learned text", inspect.Output);
        Assert.Matches(@"review\s+Text\s+generated", inspect.Output);
    }

    [Theory]
    [InlineData(new[] { "--text-column", "nope" }, "--text-columns name 'nope', which is not a column of the data", "The free-text columns are 'review', 'title'")]
    [InlineData(new[] { "--text-column", "rating" }, "--text-columns name 'rating', which is integer, not free text", "Hint: Name free-text columns only")]
    [InlineData(new[] { "--text-column", "review", "--text-column", "title", "--text-model", "lorem" }, "--text-columns are named, but --text-model is lorem", "write --text-model learned")]
    [InlineData(new[] { "--text-model", "gpt" }, "--text-model 'gpt' is not one of learned or lorem", "Write it like --text-model learned")]
    [InlineData(new[] { "--model", "dp-marginals", "--text-model", "learned" }, "--text-model does not apply to --model dp-marginals: a learned text model", "not differentially private")]
    [InlineData(new[] { "--model", "dp-marginals", "--text-column", "review" }, "--text-columns does not apply to --model dp-marginals", "train --model gaussiancopula, tvae or ctgan")]
    public void Bad_text_settings_are_named_as_flags(string[] arguments, string reason, string more)
    {
        var result = Train(arguments);
        Assert.Equal(CliApp.BadInput, result.ExitCode);
        Assert.Contains(reason, result.Error);
        Assert.Contains(more, result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(File.Exists(_folder.File("m.synth")));
    }

    [Fact]
    public void Text_columns_may_be_given_one_per_option_or_joined_by_commas()
    {
        var settings = new SettingOptions(ModelCatalog.BuiltIn);
        var command = new RootCommand();
        foreach (var option in settings.All) command.Options.Add(option);
        Assert.Equal("Review Text,Title", settings.Read(command.Parse(["--text-column", "Review Text", "--text-column", "Title"]))["text-columns"]);
        Assert.Equal("Review Text,Title", settings.Read(command.Parse(["--text-columns", "Review Text,Title"]))["text-columns"]);
        Assert.Equal("learned", settings.Read(command.Parse(["--text-model", "learned"]))["text-model"]);
        Assert.Contains("--text-column", CliResult.Run("train", "--help").Output);
    }

    [Fact]
    public void Inspect_shows_the_learned_text_models()
    {
        var model = GaussianCopulaFitter.Fit(ReviewTable.Create(100, 100), ReviewTable.Metadata(), new GaussianCopulaOptions { Seed = 1 })
            .WithTextModels([new EchoTextModel("review", ["rating", "department"], 5)]);
        var text = new StringWriter();
        InspectCommand.WriteText(new CliConsole(text, new StringWriter()), model);
        Assert.Contains("Learned text (written after the row's other cells, conditioned on them;", text.ToString());
        Assert.Contains("  review (test-echo): echo of rating, department (salt 5)", text.ToString());
        Assert.Matches(@"review\s+Text\s+echo of rating, department", text.ToString());
        Assert.Matches(@"title\s+Text\s+generated", text.ToString());

        var json = new StringWriter();
        InspectCommand.WriteJson(new CliConsole(json, new StringWriter()), model);
        Assert.Contains("\"textModels\": [", json.ToString());
        Assert.Contains("\"contextColumns\": [", json.ToString());
        var plain = new StringWriter();
        InspectCommand.WriteJson(new CliConsole(plain, new StringWriter()), model.WithTextModels([]));
        Assert.DoesNotContain("textModels", plain.ToString());
    }

    [Fact]
    public void Inspect_names_a_text_model_kind_it_does_not_know()
    {
        var model = GaussianCopulaFitter.Fit(ReviewTable.Create(100, 100), ReviewTable.Metadata(), new GaussianCopulaOptions { Seed = 1 })
            .WithTextModels([new EchoTextModel("review", ["department"], 1)]);
        ModelArtifact.Save(model, _folder.File("echo.synth"));
        var result = CliResult.Run("inspect", _folder.File("echo.synth"));
        Assert.Equal(CliApp.BadInput, result.ExitCode);
        Assert.Contains("echo.synth", result.Error);
        Assert.Contains("The text model of 'review' is of kind 'test-echo', which this SynthFixtures does not know", result.Error);
    }
}
