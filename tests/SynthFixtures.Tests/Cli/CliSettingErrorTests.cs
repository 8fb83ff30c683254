using SynthFixtures.Cli;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Cli;

/// <summary>The core's errors name settings in domain words; the CLI's output names the options that set them.</summary>
public sealed class CliSettingErrorTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _real;
    private readonly string _synthetic;
    private readonly string _metadata;

    public CliSettingErrorTests()
    {
        _real = _folder.File("real.csv");
        _synthetic = _folder.File("synthetic.csv");
        _metadata = _folder.File("metadata.json");
        CsvTableWriter.Write(MixedTestTable.Create(60, seed: 21), _real);
        CsvTableWriter.Write(MixedTestTable.Create(60, seed: 22), _synthetic);
        File.WriteAllText(_metadata, MetadataJson.Serialize(MixedTestTable.Metadata()));
    }

    public void Dispose() => _folder.Dispose();

    private CliResult Evaluate(params string[] options) => CliResult.Run(["evaluate", _real, _synthetic, "--metadata", _metadata, .. options]);

    private static void AssertNames(CliResult result, string reason, params string[] options)
    {
        Assert.Equal(CliApp.BadInput, result.ExitCode);
        Assert.Contains(reason, result.Error);
        foreach (var option in options) Assert.Contains(option, result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void A_holdout_fraction_out_of_range_names_the_option_in_evaluate_and_in_train()
    {
        AssertNames(Evaluate("--holdout-fraction", "1.5"), "The holdout fraction 1.5 is not between 0 and 1", "Options: --holdout-fraction.");
        AssertNames(CliResult.Run("train", _real, "--out", _folder.File("m.synth"), "--holdout-fraction", "1.5"),
            "The holdout fraction 1.5 is not between 0 and 1", "Options: --holdout-fraction.");
    }

    [Fact]
    public void A_holdout_given_twice_names_both_options() =>
        AssertNames(Evaluate("--holdout", _real, "--holdout-fraction", "0.2"), "Both a holdout table and a holdout fraction", "--holdout,", "--holdout-fraction");

    [Fact]
    public void A_target_without_a_holdout_names_the_options_that_give_one() =>
        AssertNames(Evaluate("--target", "group"), "A utility target needs real rows", "--target", "--holdout", "--holdout-fraction");

    [Fact]
    public void A_target_that_is_not_evaluated_names_the_target_option() =>
        AssertNames(Evaluate("--target", "id", "--holdout-fraction", "0.2"), "The target 'id' is not an evaluated column", "Options: --target.");

    [Theory]
    [InlineData("overfitting=0.5", "--holdout-fraction")]
    [InlineData("detection=0.5", "--detection")]
    [InlineData("utility=0.5", "--target")]
    public void A_check_the_evaluation_would_not_compute_names_the_gate_and_the_options_it_needs(string spec, string needed) =>
        AssertNames(Evaluate("--fail-under", spec), "which this evaluation would not compute", "--fail-under", needed);

    [Fact]
    public void A_malformed_gate_names_the_option_once() =>
        AssertNames(Evaluate("--fail-under", "quality"), "'quality' in the thresholds is not name=minimum", "Hint: Write name=minimum", "Options: --fail-under.");

    [Fact]
    public void An_error_without_a_setting_is_shown_as_the_core_words_it()
    {
        var result = CliResult.Run("sample", _folder.File("absent.synth"), "--rows", "5", "--out", _folder.File("o.csv"));

        AssertNames(result, "The model file does not exist.", "absent.synth");
        Assert.DoesNotContain("Options:", result.Error);
    }
}
