using SynthFixtures.Cli;
using SynthFixtures.Data;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Models.Neural;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Cli;

/// <summary><c>train --model dp-tvae|dp-ctgan</c>: the privacy plan reaches the artifact; a δ that allows releasing a record is bad input.</summary>
public sealed class CliDpTrainingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public CliDpTrainingTests() => CsvTableWriter.Write(MixedTestTable.Create(120, seed: 3), Csv);

    private string Csv => _folder.File("d.csv");

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("dp-tvae", 120, "--encoder-widths", "8")]
    [InlineData("dp-ctgan", 12, "--discriminator-widths", "8")]   // 120 rows in pac groups of 10
    public void Trains_to_a_target_epsilon_and_records_the_plan(string kind, int units, string widthOption, string width)
    {
        var model = _folder.File("m.synth");
        var result = CliProcess.Run("train", Csv, "--out", model, "--model", kind, "--epsilon", "2", "--epochs", "3", "--batch-size", "40",
            "--threads", "1", "--embedding-width", "4", widthOption, width);
        Assert.True(result.ExitCode == CliApp.Success, result.Error);

        var plan = ((NeuralSynthModel)ModelArtifact.Load(model)).TrainingSettings.GetProperty("privacyPlan");
        Assert.InRange(plan.GetProperty("epsilon").GetDouble(), 2 - 1e-4, 2);
        Assert.Equal(units, plan.GetProperty("units").GetInt32());
        Assert.Equal(1 / (units * Math.Sqrt(units)), plan.GetProperty("delta").GetDouble(), 1e-15);
        Assert.True(plan.GetProperty("noiseMultiplier").GetDouble() > 0);
    }

    [Fact]
    public void A_delta_of_one_over_the_rows_is_bad_input()
    {
        var result = CliProcess.Run("train", Csv, "--out", _folder.File("m.synth"), "--model", "dp-tvae", "--epsilon", "1", "--delta", "0.01");
        Assert.Equal(CliApp.BadInput, result.ExitCode);
        Assert.Contains("δ = 0.01 is not below 1/n = 0.008333 for n = 120 rows trained on: such a δ allows releasing a whole record.", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(File.Exists(_folder.File("m.synth")));
    }
}
