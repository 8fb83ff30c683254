using System.CommandLine;
using System.Text.Json;
using SynthFixtures.Cli.Commands;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.TextColumns;
using SynthFixtures.Models;
using SynthFixtures.Tests.Build;

namespace SynthFixtures.Tests.Modeling;

/// <summary>
/// A setting is defined once, in its kind's settings table: the CLI option and help, the build's item metadata, what
/// the build hands the trainer, the lock text and the options the trainer gets all come from that line.
/// </summary>
public sealed class SettingsTableTests
{
    private const string GeneratedTargets = "build/SynthFixtures.Settings.targets";

    /// <summary>A kind used only here, with one setting of its own, to show a new line reaches every place.</summary>
    private sealed record KnobOptions
    {
        public int Knob { get; init; } = 3;

        public long Seed { get; init; }
    }

    private static readonly SettingSpec KnobSpec = new("test-knob", "TestKnob", SettingType.WholeNumber, "A knob only tests turn.", "5", 1, 100);

    private static readonly ModelKind<KnobOptions> KnobKind = new("knobbed", "A copula that records its knob.", trainsWithTorch: false,
        [KnobSpec.Bind<KnobOptions, int>(o => o.Knob, (o, v) => o with { Knob = v })], (o, seed) => o with { Seed = seed });

    [Fact]
    public void The_committed_settings_targets_are_the_ones_the_tables_make()
    {
        var repository = RepositoryRoot();
        var path = Path.Combine(repository, GeneratedTargets);
        var expected = SettingsTargetsWriter.Write(ModelCatalog.Everything);
        var actual = File.Exists(path) ? File.ReadAllText(path) : "";
        if (actual != expected) File.WriteAllText(path + ".received", expected);
        Assert.True(actual == expected,
            $"{GeneratedTargets} differs from the settings tables. The expected file was written to {GeneratedTargets}.received: review it and move it over the committed file.");
    }

    [Theory]
    [InlineData("neural-models.md", false)]
    [InlineData("text-columns.md", true)]
    public void The_documented_settings_table_is_the_one_the_tables_make(string page, bool textSettings)
    {
        var path = Path.Combine(RepositoryRoot(), "docs", page);
        var text = File.ReadAllText(path);
        const string start = "<!-- settings table: generated from the settings tables -->\n";
        const string end = "<!-- end of settings table -->";
        var from = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        var to = text.IndexOf(end, StringComparison.Ordinal);
        Assert.True(from >= start.Length && to >= from, $"{path} lacks the settings table markers.");
        var expected = text[..from] + DocumentedTable(ModelCatalog.Everything, textSettings) + text[to..];
        if (expected != text) File.WriteAllText(path + ".received", expected);
        Assert.True(expected == text, $"The settings table in {path} differs from the settings tables; the expected file was written to docs/{page}.received.");
    }

    [Fact]
    public void Every_built_in_setting_has_one_cli_option_and_one_item_metadata()
    {
        var catalog = ModelCatalog.Everything;
        var options = new SettingOptions(catalog).All.Select(o => o.Name).ToList();
        Assert.Equal(catalog.AllSpecs.Select(s => "--" + s.Name), options);
        Assert.Equal(catalog.AllSpecs.Count, catalog.AllSpecs.Select(s => s.MsBuildName).Distinct().Count());
        var targets = SettingsTargetsWriter.Write(catalog);
        Assert.All(catalog.AllSpecs, s => Assert.Contains($"<{s.MsBuildName}></{s.MsBuildName}>", targets));
    }

    [Fact]
    public void Help_quotes_each_default_from_the_options_record()
    {
        var help = HelpOf(new SettingOptions(ModelCatalog.Everything));
        Assert.Contains("tvae/ctgan/dp-tvae/dp-ctgan/par: Passes over the data", help);
        Assert.Contains("dp-ctgan 300, par 100).", help);
        Assert.Contains("par: Width of the recurrent (GRU) state (default 64).", help);
        Assert.Contains("ctgan/dp-ctgan: The generator's Adam learning rate (default 0.0002).", help);
        Assert.Contains("tvae/dp-tvae: Hidden widths of the decoder (default 128,128).", help);
        Assert.Contains("Rows per optimisation step (par: entities per batch)", help);
    }

    [Fact]
    public void A_new_setting_appears_in_the_help_reaches_the_trainer_from_item_metadata_and_changes_the_lock_text()
    {
        var catalog = ModelCatalog.BuiltIn.With(KnobKind);

        // CLI: the option and its help, with the default read from the options record.
        Assert.Contains("--test-knob", HelpOf(new SettingOptions(catalog)));
        Assert.Contains("knobbed: A knob only tests turn (default 3).", HelpOf(new SettingOptions(catalog)));

        // MSBuild: the generated targets turn the item's metadata into the trainer's settings and the lock's text.
        using var project = new TemporaryProject("""<SynthModel Include="data/x.csv" Model="knobbed" TestKnob="7" />""");
        File.WriteAllText(project.PathOf("data/x.csv"), "a\n1\n2\n");
        var settingsTargets = project.PathOf("settings.targets");
        File.WriteAllText(settingsTargets, SettingsTargetsWriter.Write(catalog));
        var described = Describe(project, settingsTargets);
        Assert.Equal("test-knob=7", described.TrainerSettings.Trim(';'));
        Assert.Equal("model=knobbed;seed=1;metadata=;test-knob=7", described.SettingsText);
        project.WriteProject("""<SynthModel Include="data/x.csv" Model="knobbed" />""");
        Assert.Equal("model=knobbed;seed=1;metadata=", Describe(project, settingsTargets).SettingsText);

        // Trainer: the text the build hands over is parsed against the table and written into the kind's options.
        var trainer = new KnobTrainer();
        var trainers = ModelTrainers.Core.WithCatalog(catalog).With(KnobKind.Name, () => trainer);
        var model = project.PathOf("x.synth");
        new TrainingService(trainers).Train(new TrainingRequest
        {
            DataPath = project.PathOf("data/x.csv"), ModelKind = "knobbed", ModelPath = model,
            Settings = new Dictionary<string, string> { ["test-knob"] = "7" },
        });
        Assert.Equal(7, trainer.Seen?.Knob);
        Assert.True(File.Exists(model));
    }

    [Fact]
    public void The_text_item_metadata_reaches_the_trainer_and_the_lock_text()
    {
        using var project = new TemporaryProject("""<SynthModel Include="data/x.csv" Model="ctgan" TextModel="learned" TextColumns="Review Text,Title" TextEpochs="2" />""");
        File.WriteAllText(project.PathOf("data/x.csv"), "a\n1\n2\n");
        var settingsTargets = project.PathOf("settings.targets");
        File.WriteAllText(settingsTargets, SettingsTargetsWriter.Write(ModelCatalog.Everything));
        var described = Describe(project, settingsTargets);
        Assert.Equal("text-model=learned;text-columns=Review Text,Title;text-epochs=2", described.TrainerSettings.Trim(';'));
        Assert.Equal("model=ctgan;seed=1;metadata=;text-model=learned;text-columns=Review Text,Title;text-epochs=2", described.SettingsText);
        var catalog = ModelCatalog.BuiltIn;
        var values = SettingValues.Parse(catalog.Find("ctgan"), SettingsText.Parse(described.TrainerSettings), catalog);
        var text = catalog.Find("ctgan").TextOptions(values, 1)!;
        Assert.Equal(("learned", 2), (text.Model, text.Learned.Epochs));
        Assert.Equal(["Review Text", "Title"], text.Columns!);
    }

    [Fact]
    public void A_setting_error_names_the_setting_in_words_for_the_library_and_as_a_flag_for_the_cli()
    {
        var error = Assert.Throws<SettingException>(() =>
            SettingValues.Parse(KnobKind, new Dictionary<string, string> { ["test-knob"] = "500" }, ModelCatalog.BuiltIn.With(KnobKind)));
        Assert.Equal("The test knob 500 is out of range: it must be between 1 and 100.", error.Reason);
        Assert.DoesNotContain("--", error.Message);
        var cli = SettingOptions.AsFlags(error);
        Assert.StartsWith("--test-knob 500 is out of range: it must be between 1 and 100.", cli.Message);
        Assert.Contains("Hint: Write it like --test-knob 5.", cli.Message);
    }

    [Fact]
    public void Settings_of_another_kind_and_unknown_names_are_refused_in_domain_words()
    {
        var catalog = ModelCatalog.BuiltIn;
        var foreign = Assert.Throws<SettingException>(() =>
            SettingValues.Parse(catalog.Find("tvae"), new Dictionary<string, string> { ["pac"] = "5" }, catalog));
        Assert.Equal("The pac applies to ctgan and dp-ctgan only, not to tvae.", foreign.Reason);
        var unknown = Assert.Throws<SettingException>(() =>
            SettingValues.Parse(catalog.Find("gaussiancopula"), new Dictionary<string, string> { ["epoch"] = "5" }, catalog));
        Assert.StartsWith("There is no setting 'epoch' for gaussiancopula", unknown.Reason);
        var needsSwitch = Assert.Throws<SettingException>(() =>
            SettingValues.Parse(catalog.Find("ctgan"), new Dictionary<string, string> { ["patience"] = "2" }, catalog));
        Assert.Equal("The patience needs the early stopping on.", needsSwitch.Reason);
    }

    [Fact]
    public void Only_settings_that_can_change_the_model_enter_the_lock_text()
    {
        var catalog = ModelCatalog.BuiltIn;
        var values = SettingValues.Parse(catalog.Find("tvae"),
            new Dictionary<string, string> { ["epochs"] = "3", ["threads"] = "1" }, catalog);
        var lockText = values.ToText(modelAffectingOnly: true);
        Assert.Contains("epochs=3", lockText);
        Assert.Equal(NeuralAffects("threads"), lockText.Contains("threads=1", StringComparison.Ordinal));
        Assert.Equal("epochs=3;threads=1", values.ToText());
    }

    // The neural page lists the settings of kinds that train with TorchSharp, the text page the text settings.
    private static string DocumentedTable(ModelCatalog catalog, bool textSettings)
    {
        var text = TextSettingTable.Settings.Select(s => s.Spec).ToHashSet();
        var rows = catalog.AllSpecs.Where(s => textSettings ? text.Contains(s) : !text.Contains(s) && catalog.KindsWith(s).Any(k => k.TrainsWithTorch)).Select(spec =>
        {
            var kinds = catalog.KindsWith(spec);
            var defaults = kinds.Select(k => k.DefaultText(spec)).Distinct().ToList();
            var range = spec.RangeText is { } r ? r : spec.Type switch { SettingType.Switch => "true or false", SettingType.Names => "column names", _ => "" };
            var cli = spec.Type == SettingType.Switch ? $"--{spec.Name}" : $"--{spec.Name} {spec.Example}";
            return $"| `{cli}` | `{spec.MsBuildName}` | {string.Join(", ", kinds.Select(k => k.Name))} | {string.Join(" / ", defaults)} | {range} | "
                + $"{(spec.AffectsModel ? "yes" : "no")} | {spec.Description} |";
        });
        return "| CLI | `<SynthModel>` metadata | Models | Default | Range | In the lock | What it does |\n| --- | --- | --- | --- | --- | --- | --- |\n"
            + string.Join("\n", rows) + "\n";
    }

    private static bool NeuralAffects(string name) => ModelCatalog.BuiltIn.AllSpecs.Single(s => s.Name == name).AffectsModel;

    private static (string TrainerSettings, string SettingsText) Describe(TemporaryProject project, string settingsTargets)
    {
        var (exit, log) = project.Dotnet(["msbuild", project.PathOf("Consumer.csproj"), "-t:_SynthFixturesDescribeSettings", "-getItem:_SynthModel",
            $"-p:SynthFixturesSettingsTargets={settingsTargets}", "-nodeReuse:false"]);
        Assert.True(exit == 0, log);
        var item = JsonDocument.Parse(log[log.IndexOf('{', StringComparison.Ordinal)..]).RootElement
            .GetProperty("Items").GetProperty("_SynthModel")[0];
        return (item.GetProperty("TrainerSettings").GetString() ?? "", item.GetProperty("SettingsText").GetString() ?? "");
    }

    private static string HelpOf(SettingOptions options)
    {
        var command = new RootCommand();
        foreach (var option in options.All) command.Options.Add(option);
        var output = new StringWriter();
        command.Parse("--help").Invoke(new InvocationConfiguration { Output = output });
        return output.ToString().ReplaceLineEndings(" ");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SynthFixtures.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }

    private sealed class KnobTrainer : IModelTrainer
    {
        public KnobOptions? Seen { get; private set; }

        public SynthModel Train(TrainingInput input, IProgress<TrainingUpdate>? progress, CancellationToken cancellationToken)
        {
            Seen = KnobKind.Options(input.Settings, input.Seed);
            return new GaussianCopulaTrainer().Train(input with { Settings = SettingValues.None }, progress, cancellationToken);
        }
    }
}
