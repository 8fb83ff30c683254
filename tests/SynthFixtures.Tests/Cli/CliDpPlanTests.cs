using System.Text.Json;
using SynthFixtures.Cli;
using SynthFixtures.Data;
using SynthFixtures.Privacy;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Cli;

/// <summary>
/// <c>dp-plan</c> through the CLI process: a feasible configuration, one with warnings, infeasible ones (exit 2 naming
/// the constraint and the fix), the <c>--json</c> form, and plans that match what training then records.
/// </summary>
public sealed class CliDpPlanTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_feasible_target_gets_its_noise_no_warnings_and_three_feasible_recommendations()
    {
        var text = CliProcess.Run("dp-plan", "--rows", "32561", "--model", "dp-ctgan", "--epsilon", "3");
        Assert.True(text.ExitCode == CliApp.Success, text.Error);
        Assert.Contains("Guarantee:   (3, 5.382E-06)-DP for tables that differ by adding or removing one pac group of 10 rows", text.Output);
        Assert.Contains("Recommendations at ε = 3:", text.Output);
        Assert.DoesNotContain("Warnings:", text.Output);

        var result = CliProcess.Run("dp-plan", "--rows", "32561", "--model", "dp-ctgan", "--epsilon", "3", "--json");
        Assert.True(result.ExitCode == CliApp.Success, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.InRange(root.GetProperty("epsilon").GetDouble(), 3 - NoiseCalibration.DefaultEpsilonTolerance, 3);
        Assert.Equal(1 / (3256 * Math.Sqrt(3256)), root.GetProperty("delta").GetDouble(), 1e-18);   // 1/(g·√g) over pac groups
        Assert.Equal(0, root.GetProperty("warnings").GetArrayLength());
        var profiles = root.GetProperty("recommendations").EnumerateArray().ToList();
        Assert.Equal(["fast", "balanced", "quality"], profiles.Select(p => p.GetProperty("name").GetString()));
        foreach (var profile in profiles)
        {
            Assert.InRange(profile.GetProperty("epsilon").GetDouble(), 3 - NoiseCalibration.DefaultEpsilonTolerance, 3);
            var batch = profile.GetProperty("batchSize").GetInt32();
            Assert.Equal(0, batch % 10);
            Assert.True(profile.GetProperty("samplingRate").GetDouble() <= 0.1);
        }
    }

    [Fact]
    public void With_a_noise_multiplier_the_json_reports_the_epsilon_that_configuration_spends()
    {
        var result = CliProcess.Run("dp-plan", "--rows", "32561", "--model", "dp-ctgan", "--epochs", "300", "--batch-size", "500",
            "--noise-multiplier", "1.0", "--delta", "1e-5", "--json");

        Assert.True(result.ExitCode == CliApp.Success, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        // 32 561 rows in 3 256 pac groups of 10; 50 groups per batch: q = 50/3256, ⌈3256/50⌉ = 66 steps an epoch.
        var q = 50.0 / 3256;
        // DP-SGD alone spends 16.778; the preprocessing (a tenth of the ρ that converts to that, its counts' noise ten
        // times the accounting's σ as a group moves a count by 10 rows) composes with it in the same RDP account.
        Assert.Equal(16.778, NoiseCalibration.EpsilonFor(q, 1.0, 300 * 66, 1e-5).Epsilon, 0.001);
        var preprocessing = root.GetProperty("privacy").GetProperty("steps")[0];
        Assert.Equal("preprocessing", preprocessing.GetProperty("name").GetString());
        var expected = RdpAccountant.Empty.With(1, preprocessing.GetProperty("noiseStandardDeviation").GetDouble() / 10, preprocessing.GetProperty("measurements").GetInt32())
            .With(q, 1.0, 300 * 66).Spent(1e-5 - preprocessing.GetProperty("delta").GetDouble()).Epsilon;
        Assert.Equal(expected, root.GetProperty("epsilon").GetDouble(), 1e-9);
        Assert.InRange(root.GetProperty("epsilon").GetDouble(), 16.778, 18.5);
        Assert.Equal(1e-5, root.GetProperty("delta").GetDouble());
        Assert.Equal(1.0, root.GetProperty("noiseMultiplier").GetDouble());
        Assert.Equal(19800, root.GetProperty("steps").GetInt32());
        Assert.Equal(q, root.GetProperty("samplingRate").GetDouble(), 1e-15);
        Assert.Equal(3256, root.GetProperty("units").GetInt32());
        var step = root.GetProperty("privacy").GetProperty("steps")[1];
        Assert.Equal(2, root.GetProperty("privacy").GetProperty("steps").GetArrayLength());
        Assert.Equal("DP-SGD", step.GetProperty("name").GetString());
        Assert.Equal(q, step.GetProperty("samplingRate").GetDouble(), 1e-15);
        Assert.Equal(19800, step.GetProperty("measurements").GetInt32());
        Assert.Equal(["epsilon"], root.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("constraint").GetString()));
    }

    [Fact]
    public void A_legal_but_weak_configuration_exits_0_with_warnings()
    {
        // 500 of 2 000 rows a step (q = 0.25) at ε = 20.
        var text = CliProcess.Run("dp-plan", "--rows", "2000", "--model", "dp-tvae", "--epsilon", "20", "--batch-size", "500");
        Assert.True(text.ExitCode == CliApp.Success, text.Error);
        Assert.Contains("Warnings:", text.Output);
        Assert.Contains("sampling rate q = 0.25 is above 10 %", text.Output);
        Assert.Contains("ε = 20 is above 10", text.Output);

        var json = CliProcess.Run("dp-plan", "--rows", "2000", "--model", "dp-tvae", "--epsilon", "20", "--batch-size", "500", "--json");
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal(["sampling-rate", "epsilon"],
            document.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("constraint").GetString()));

        var lowNoise = CliProcess.Run("dp-plan", "--rows", "100000", "--model", "dp-tvae", "--noise-multiplier", "0.4", "--epochs", "1", "--batch-size", "100");
        Assert.True(lowNoise.ExitCode == CliApp.Success, lowNoise.Error);
        Assert.Contains("noise multiplier σ = 0.4 is below 0.5", lowNoise.Output);
    }

    [Theory]
    [InlineData("δ ≥ 1/n", new[] { "--rows", "1000", "--model", "dp-tvae", "--epsilon", "1", "--delta", "1e-3" },
        "δ = 0.001 is not below 1/n = 0.001 for n = 1000 rows", "Leave δ unset (1/(n·√n) = 3.162E-05)")]
    [InlineData("batch above the rows", new[] { "--rows", "1000", "--model", "dp-tvae", "--epsilon", "1", "--batch-size", "2000" },
        "--batch-size 2000 is larger than the 1000 rows trained on", "e.g. --batch-size 100")]
    [InlineData("ε below the conversion's floor", new[] { "--rows", "1000", "--model", "dp-tvae", "--epsilon", "0.05", "--delta", "1e-9" },
        "ε = 0.05 cannot be reached at δ = 9E-10", "Raise ε above 0.2534")]
    [InlineData("noise swamps the batch", new[] { "--rows", "300", "--model", "dp-tvae", "--epsilon", "0.5", "--batch-size", "4" },
        "nothing is learned (the planner refuses σ/B ≥ 1)", "--batch-size 64 with --epochs 300 gives σ/B = 0.852")]
    [InlineData("noise swamps the cells", new[] { "--rows", "500", "--columns", "15", "--model", "dp-marginals", "--epsilon", "0.3" },
        "the marginals would be mostly noise", "--bins 2")]
    [InlineData("fewer rows than a pac group", new[] { "--rows", "5", "--model", "dp-ctgan", "--epsilon", "1" },
        "5 rows do not fill one group of --pac 10", "Lower --pac")]
    public void An_infeasible_configuration_exits_2_naming_the_constraint_and_the_fix(string constraint, string[] args, string problem, string fix)
    {
        var result = CliProcess.Run(["dp-plan", .. args]);

        Assert.True(result.ExitCode == CliApp.BadInput, $"{constraint}: {result.ExitCode} {result.Error}");
        Assert.Contains(problem, result.Error);
        Assert.Contains(fix, result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public void Only_differentially_private_kinds_and_exactly_one_of_data_and_rows_are_planned()
    {
        Assert.Contains("not a differentially private model", CliResult.Run("dp-plan", "--rows", "100", "--model", "tvae").Error);
        Assert.Contains("Give the training data or its number of rows", CliResult.Run("dp-plan", "--model", "dp-tvae", "--epsilon", "1").Error);
        var csv = _folder.File("d.csv");
        CsvTableWriter.Write(MixedTestTable.Create(120, seed: 3), csv);
        var both = CliResult.Run("dp-plan", csv, "--rows", "100", "--model", "dp-tvae", "--epsilon", "1");
        Assert.Equal(CliApp.BadInput, both.ExitCode);
        Assert.Contains("not both", both.Error);
        var foreign = CliResult.Run("dp-plan", "--rows", "100", "--columns", "3", "--model", "dp-marginals", "--noise-multiplier", "1");
        Assert.Equal(CliApp.BadInput, foreign.ExitCode);
        Assert.Contains("--noise-multiplier applies to dp-tvae and dp-ctgan only", foreign.Error);
    }

    [Theory]
    [InlineData("dp-tvae", "--encoder-widths", "8")]
    [InlineData("dp-ctgan", "--discriminator-widths", "8")]
    public void The_plan_from_the_data_is_the_plan_training_records_and_inspect_shows(string kind, string widthOption, string width)
    {
        var csv = _folder.File("d.csv");
        CsvTableWriter.Write(MixedTestTable.Create(120, seed: 3), csv);
        string[] budget = ["--model", kind, "--epsilon", "2", "--epochs", "3", "--batch-size", "40"];
        var planned = CliProcess.Run(["dp-plan", csv, .. budget, "--json"]);
        Assert.True(planned.ExitCode == CliApp.Success, planned.Error);
        var model = _folder.File("m.synth");
        var train = CliProcess.Run(["train", csv, "--out", model, .. budget, "--threads", "1", "--embedding-width", "4", widthOption, width]);
        Assert.True(train.ExitCode == CliApp.Success, train.Error);

        var inspect = CliResult.Run("inspect", model, "--json");
        Assert.Equal(CliApp.Success, inspect.ExitCode);
        using var plan = JsonDocument.Parse(planned.Output);
        using var shown = JsonDocument.Parse(inspect.Output);
        var privacy = shown.RootElement.GetProperty("privacy");
        Assert.Equal(kind, privacy.GetProperty("model").GetString());
        Assert.Equal(plan.RootElement.GetProperty("epsilon").GetDouble(), privacy.GetProperty("epsilon").GetDouble());
        Assert.Equal(plan.RootElement.GetProperty("delta").GetDouble(), privacy.GetProperty("delta").GetDouble());
        // The preprocessing (its noise from the profiled columns, as training measures them), then DP-SGD.
        var steps = privacy.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["preprocessing", "DP-SGD"], steps.Select(s => s.GetProperty("name").GetString()));
        var plannedSteps = plan.RootElement.GetProperty("privacy").GetProperty("steps").EnumerateArray().ToList();
        foreach (var field in (string[])["share", "noiseStandardDeviation", "delta"])
            Assert.Equal(plannedSteps.Select(s => s.GetProperty(field).GetDouble()), steps.Select(s => s.GetProperty(field).GetDouble()));
        Assert.Equal(plannedSteps.Select(s => s.GetProperty("measurements").GetInt32()), steps.Select(s => s.GetProperty("measurements").GetInt32()));
        var step = steps[^1];
        Assert.Equal(plan.RootElement.GetProperty("steps").GetInt32(), step.GetProperty("measurements").GetInt32());
        Assert.Equal(plan.RootElement.GetProperty("samplingRate").GetDouble(), step.GetProperty("samplingRate").GetDouble());
        Assert.Equal(plan.RootElement.GetProperty("noiseMultiplier").GetDouble(), step.GetProperty("noiseStandardDeviation").GetDouble());
        var planPrivacy = plan.RootElement.GetProperty("privacy");
        Assert.Equal(planPrivacy.GetProperty("neighbours").GetString(), privacy.GetProperty("neighbours").GetString());
        Assert.Equal(planPrivacy.GetProperty("public").GetRawText(), privacy.GetProperty("public").GetRawText());

        var text = CliResult.Run("inspect", model);
        Assert.Contains("Privacy:      (2, ", text.Output);
        Assert.Contains("DP-SGD", text.Output);
    }
}
