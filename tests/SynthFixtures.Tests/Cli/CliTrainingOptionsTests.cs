using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Neural;
using System.Text.Json;
using SynthFixtures.Cli;
using SynthFixtures.Data;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Models.Neural;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Cli;

/// <summary>
/// <c>train</c>'s tvae/ctgan settings: each is refused for a model it does not apply to, malformed and out-of-range
/// values are bad input naming the option, and a given value is what the trainer used (the artifact records it).
/// The refusals run in process: they happen before the training assembly is touched. Training runs the built CLI.
/// </summary>
public sealed class CliTrainingOptionsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public CliTrainingOptionsTests() => CsvTableWriter.Write(MixedTestTable.Create(120, seed: 3), Csv);

    private string Csv => _folder.File("d.csv");

    public void Dispose() => _folder.Dispose();

    private CliResult Train(params string[] args) => CliResult.Run(["train", Csv, "--out", _folder.File("m.synth"), .. args]);

    private void AssertBadInput(CliResult result, params string[] expected)
    {
        Assert.Equal(CliApp.BadInput, result.ExitCode);
        foreach (var text in expected) Assert.Contains(text, result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(File.Exists(_folder.File("m.synth")));
    }

    [Fact]
    public void An_option_for_another_model_is_refused_naming_the_models_it_applies_to()
    {
        AssertBadInput(Train("--model", "tvae", "--pac", "5", "--generator-lr", "1e-3"),
            "--pac and --generator-lr apply to ctgan and dp-ctgan only, not to --model tvae", "Hint: Leave them out, or train --model ctgan or --model dp-ctgan.");
        AssertBadInput(Train("--model", "ctgan", "--loss-factor", "3"), "--loss-factor applies to tvae and dp-tvae only, not to --model ctgan", "Leave it out");
        AssertBadInput(Train("--threads", "1", "--decoder-widths", "8"),
            "--threads applies to tvae, ctgan, dp-tvae and dp-ctgan only; --decoder-widths applies to tvae and dp-tvae only, not to --model gaussiancopula", "--model tvae or --model ctgan");
    }

    [Theory]
    [InlineData("ctgan", "--generator-widths", "256,,256", "'' is not a positive whole number")]
    [InlineData("ctgan", "--discriminator-widths", "128;64", "'128;64' is not a positive whole number")]
    [InlineData("tvae", "--encoder-widths", "64,0", "'0' is not a positive whole number")]
    [InlineData("tvae", "--decoder-widths", "-8", "'-8' is not a positive whole number")]
    public void A_malformed_width_list_is_bad_input_with_an_example(string model, string option, string value, string reason) =>
        AssertBadInput(Train("--model", model, option, value), $"{option} '{value}' is not a list of layer widths", reason, $"like {option} ");

    [Theory]
    [InlineData("ctgan", "--pac", "0", "--pac 0 is out of range")]
    [InlineData("ctgan", "--discriminator-steps", "0", "--discriminator-steps 0 is out of range")]
    [InlineData("tvae", "--epochs", "-1", "--epochs -1 is out of range")]
    [InlineData("tvae", "--batch-size", "1", "--batch-size 1 is out of range")]
    [InlineData("ctgan", "--threads", "0", "--threads 0 is out of range")]
    [InlineData("tvae", "--embedding-width", "0", "--embedding-width 0 is out of range")]
    [InlineData("tvae", "--learning-rate", "0", "--learning-rate 0 is out of range: it must be greater than 0")]
    [InlineData("tvae", "--loss-factor", "abc", "--loss-factor 'abc' is not a number")]
    [InlineData("ctgan", "--generator-lr", "1e999", "--generator-lr '1e999' is not a number")]
    [InlineData("ctgan", "--discriminator-lr", "-2e-4", "--discriminator-lr -2e-4 is out of range")]
    public void An_out_of_range_value_is_bad_input_naming_the_option(string model, string option, string value, string expected) =>
        AssertBadInput(Train("--model", model, option, value), expected, $"Hint: ", option);

    [Fact]
    public void Early_stopping_settings_need_early_stopping_and_a_neural_model()
    {
        AssertBadInput(Train("--model", "tvae", "--patience", "3"), "--patience needs --early-stopping on.", "Hint: Add --early-stopping, or leave --patience out.");
        AssertBadInput(Train("--model", "ctgan", "--check-every", "2", "--validation-fraction", "0.2"), "--validation-fraction needs --early-stopping on.");
        AssertBadInput(Train("--early-stopping"), "--early-stopping applies to tvae and ctgan only, not to --model gaussiancopula");
    }

    [Theory]
    [InlineData("--validation-fraction", "0", "--validation-fraction 0 is out of range: it must be between 0 and 1 (exclusive)")]
    [InlineData("--validation-fraction", "1", "--validation-fraction 1 is out of range")]
    [InlineData("--validation-fraction", "ten percent", "--validation-fraction 'ten percent' is not a number")]
    [InlineData("--check-every", "0", "--check-every 0 is out of range")]
    [InlineData("--patience", "0", "--patience 0 is out of range")]
    [InlineData("--validation-rows", "0", "--validation-rows 0 is out of range")]
    [InlineData("--min-improvement", "-0.01", "--min-improvement -0.01 is out of range: it must be between 0 and 1")]
    public void An_out_of_range_early_stopping_setting_is_bad_input_naming_it(string option, string value, string expected) =>
        AssertBadInput(Train("--model", "tvae", "--early-stopping", option, value), expected, "Hint: ");

    [Fact]
    public void Early_stopping_reports_its_checks_and_the_artifact_records_what_it_kept()
    {
        var model = _folder.File("m.synth");
        var result = CliProcess.Run("train", Csv, "--out", model, "--model", "tvae", "--epochs", "4", "--batch-size", "30", "--threads", "1",
            "--encoder-widths", "8", "--decoder-widths", "8", "--embedding-width", "4",
            "--early-stopping", "--validation-fraction", "0.25", "--check-every", "2", "--patience", "5", "--validation-rows", "200");
        Assert.True(result.ExitCode == CliApp.Success, result.Error);

        Assert.Matches(@"train: epoch 2/4  loss [\d.]+  validation 0\.\d{4}", result.Error);
        Assert.Matches(@"train: epoch 3/4  loss [\d.]+\r?\n", result.Error);     // not a checked epoch
        Assert.Matches(@"Early stopping: kept the weights of epoch [24] \(validation column shapes 0\.\d{4}\); ran all 4 epochs; 30 rows held out for validation\.", result.Error);
        Assert.Contains("Trained tvae on 90 rows", result.Output);   // 120 rows, a quarter held out

        var settings = ((NeuralSynthModel)ModelArtifact.Load(model)).TrainingSettings;
        var stopping = settings.GetProperty("earlyStopping");
        Assert.Equal(0.25, stopping.GetProperty("validationFraction").GetDouble());
        Assert.Equal(2, stopping.GetProperty("checkEvery").GetInt32());
        Assert.Equal(5, stopping.GetProperty("patience").GetInt32());
        Assert.Equal(200, stopping.GetProperty("sampleRows").GetInt32());
        var outcome = settings.GetProperty("earlyStoppingResult");
        Assert.Equal(4, outcome.GetProperty("epochsTrained").GetInt32());
        Assert.Equal(2, outcome.GetProperty("checks").GetInt32());
        Assert.Equal(30, outcome.GetProperty("validationRows").GetInt32());
        Assert.Equal(90, ModelArtifact.Load(model).Provenance.SourceRows);
    }

    [Fact]
    public void A_ctgan_batch_size_that_does_not_fit_the_pac_is_bad_input_naming_both()
    {
        // Checked by CtganOptions.Validate, so this loads the training assembly: run the CLI in its own process.
        var result = CliProcess.Run("train", Csv, "--out", _folder.File("m.synth"), "--model", "ctgan", "--pac", "3", "--batch-size", "100");
        AssertBadInput(result, "--batch-size 100 does not fit --pac 3: it must be even and a multiple of it.", "Hint: Make it an even multiple of --pac, e.g. --batch-size 150.");
    }

    [Fact]
    public void Ctgan_settings_reach_the_trained_artifact_and_inspect_prints_them()
    {
        var model = _folder.File("m.synth");
        var result = CliProcess.Run("train", Csv, "--out", model, "--model", "ctgan", "--seed", "4", "--epochs", "1", "--batch-size", "60",
            "--pac", "5", "--discriminator-steps", "2", "--generator-lr", "0.001", "--discriminator-lr", "5e-4", "--embedding-width", "8",
            "--generator-widths", "16,8", "--discriminator-widths", "12", "--threads", "1");
        Assert.True(result.ExitCode == CliApp.Success, result.Error);

        var settings = ((NeuralSynthModel)ModelArtifact.Load(model)).TrainingSettings;
        Assert.Equal(1, settings.GetProperty("epochs").GetInt32());
        Assert.Equal(60, settings.GetProperty("batchSize").GetInt32());
        Assert.Equal(5, settings.GetProperty("pac").GetInt32());
        Assert.Equal(2, settings.GetProperty("discriminatorSteps").GetInt32());
        Assert.Equal(0.001, settings.GetProperty("generatorLearningRate").GetDouble());
        Assert.Equal(5e-4, settings.GetProperty("discriminatorLearningRate").GetDouble());
        Assert.Equal(8, settings.GetProperty("embeddingWidth").GetInt32());
        Assert.Equal([16, 8], Widths(settings, "generatorWidths"));
        Assert.Equal([12], Widths(settings, "discriminatorWidths"));
        Assert.Equal(1, settings.GetProperty("threads").GetInt32());
        Assert.Equal(4, settings.GetProperty("seed").GetInt64());

        var inspected = CliResult.Run("inspect", model);
        Assert.Equal(CliApp.Success, inspected.ExitCode);
        Assert.Contains("\"generatorWidths\":[16,8]", inspected.Output);
        Assert.Contains("\"pac\":5", inspected.Output);
    }

    [Fact]
    public void Tvae_settings_reach_the_trained_artifact()
    {
        var model = _folder.File("m.synth");
        var result = CliProcess.Run("train", Csv, "--out", model, "--model", "tvae", "--epochs", "1", "--batch-size", "40",
            "--learning-rate", "0.002", "--loss-factor", "3", "--embedding-width", "4", "--encoder-widths", "8", "--decoder-widths", "8,6", "--threads", "1");
        Assert.True(result.ExitCode == CliApp.Success, result.Error);
        // stderr is redirected here, as in a build: one line per epoch, no progress bar.
        Assert.Contains("] train: epoch 1/1  loss ", result.Error);
        Assert.DoesNotContain('\r', result.Error);

        var settings = ((NeuralSynthModel)ModelArtifact.Load(model)).TrainingSettings;
        Assert.Equal(40, settings.GetProperty("batchSize").GetInt32());
        Assert.Equal(0.002, settings.GetProperty("learningRate").GetDouble());
        Assert.Equal(3, settings.GetProperty("lossFactor").GetDouble());
        Assert.Equal(4, settings.GetProperty("embeddingWidth").GetInt32());
        Assert.Equal([8], Widths(settings, "encoderWidths"));
        Assert.Equal([8, 6], Widths(settings, "decoderWidths"));
        // The decoder really has those widths: 4 → 8 → 6 → the data's width.
        var network = ((NeuralSynthModel)ModelArtifact.Load(model)).Network;
        Assert.Equal(4, network.InputWidth);
        Assert.Equal([8, 6], network.Layers.OfType<LinearLayer>().Select(l => l.OutputWidth).SkipLast(1));
    }

    private static int[] Widths(JsonElement settings, string name) => settings.GetProperty(name).EnumerateArray().Select(w => w.GetInt32()).ToArray();
}
