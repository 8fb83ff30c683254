using SynthFixtures.Cli;
using SynthFixtures.Data;
using SynthFixtures.Models.DpMarginals;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.DpPlanning;
using SynthFixtures.Modeling.Neural;
using SynthFixtures.Privacy;
using SynthFixtures.Tests.Cli;
using SynthFixtures.Tests.Models.DpMarginals;
using SynthFixtures.Transforms;
using SynthFixtures.Transforms.Private;

namespace SynthFixtures.Tests.Modeling.DpPlanning;

/// <summary>The budget planner's lines (<see cref="DpPlanThresholds"/>), its defaults, and its agreement with what a fit records.</summary>
public sealed class DpPlannerTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static DpBudgetPlan Plan(string kind, int rows, params (string Name, string Value)[] settings) =>
        DpPlanner.Plan(new DpPlanRequest { ModelKind = kind, Rows = rows, Settings = settings.ToDictionary(s => s.Name, s => s.Value) });

    private static List<string> Constraints(DpBudgetPlan plan) => plan.Warnings.Select(w => w.Constraint).ToList();

    [Fact]
    public void The_sampling_rate_warning_starts_above_ten_percent()
    {
        Assert.DoesNotContain("sampling-rate", Constraints(Plan("dp-tvae", 1000, ("epsilon", "3"), ("batch-size", "100"))));
        Assert.Contains("sampling-rate", Constraints(Plan("dp-tvae", 1000, ("epsilon", "3"), ("batch-size", "102"))));
    }

    [Fact]
    public void The_noise_warnings_and_refusal_sit_at_their_thresholds()
    {
        // σ given, so only the line moves: 0.5 is fine, below it warns.
        Assert.DoesNotContain("noise-multiplier", Constraints(Plan("dp-tvae", 100_000, ("noise-multiplier", "0.5"), ("epochs", "1"), ("batch-size", "100"))));
        Assert.Contains("noise-multiplier", Constraints(Plan("dp-tvae", 100_000, ("noise-multiplier", "0.49"), ("epochs", "1"), ("batch-size", "100"))));
        // σ/B: 9.9 over a batch of 10 warns (above 0.1), 10 over 10 is refused.
        var slow = Plan("dp-tvae", 1000, ("noise-multiplier", "9.9"), ("batch-size", "10"), ("epochs", "1"));
        Assert.Equal(0.99, slow.NoiseToSignal!.Value, 1e-12);
        Assert.Contains("noise-per-batch", Constraints(slow));
        var refused = Assert.Throws<SettingException>(() => Plan("dp-tvae", 1000, ("noise-multiplier", "10"), ("batch-size", "10"), ("epochs", "1")));
        Assert.Contains("nothing is learned", refused.Message);
        Assert.Equal(NeuralSettingTable.BatchSize, refused.Setting);
    }

    [Fact]
    public void Epsilon_above_ten_warns()
    {
        Assert.DoesNotContain("epsilon", Constraints(Plan("dp-tvae", 10_000, ("epsilon", "10"), ("batch-size", "100"))));
        Assert.Contains("epsilon", Constraints(Plan("dp-tvae", 10_000, ("epsilon", "10.5"), ("batch-size", "100"))));
        var marginals = DpPlanner.Plan(new DpPlanRequest
        {
            ModelKind = "dp-marginals", Rows = 10_000, Columns = 5, Settings = new Dictionary<string, string> { ["epsilon"] = "11" },
        });
        Assert.Contains("epsilon", Constraints(marginals));
    }

    [Fact]
    public void Default_delta_is_one_over_n_root_n_of_the_units()
    {
        Assert.Equal(1 / (1000 * Math.Sqrt(1000)), Plan("dp-tvae", 1000, ("epsilon", "3"), ("batch-size", "50")).Delta, 1e-20);
        var ctgan = Plan("dp-ctgan", 1005, ("epsilon", "3"), ("batch-size", "100"));
        Assert.Equal(100, ctgan.Units);   // pac groups of 10, the remainder of 5 rows never read
        Assert.Equal(1 / (100 * Math.Sqrt(100)), ctgan.Delta, 1e-20);
    }

    [Fact]
    public void The_plan_is_the_one_the_trainers_plan_and_recommendations_spend_the_target()
    {
        var options = new DpCtganOptions { Network = new CtganOptions { Epochs = 40, BatchSize = 200, Pac = 4, DiscriminatorSteps = 2 }, Privacy = new DpSgdOptions { Epsilon = 2 } };
        var expected = DpSgdPlans.For(options, 20_000, [PrivateTableStatistics.Step(1, 1)]);   // no data or columns: planned for one categorical column
        var plan = Plan("dp-ctgan", 20_000, ("epsilon", "2"), ("epochs", "40"), ("batch-size", "200"), ("pac", "4"), ("discriminator-steps", "2"));
        Assert.Equal((expected.Epsilon, expected.NoiseMultiplier, expected.Steps, expected.SamplingRate, expected.Units),
            (plan.Epsilon, plan.NoiseMultiplier!.Value, plan.Steps!.Value, plan.SamplingRate!.Value, plan.Units));
        Assert.Equal(40 * 100 * 2, plan.Steps);   // ⌈5000 groups / 50⌉ = 100 steps an epoch, two discriminator steps each
        foreach (var profile in plan.Recommendations)
        {
            Assert.Null(profile.Infeasible);
            Assert.InRange(profile.Epsilon!.Value, 2 - NoiseCalibration.DefaultEpsilonTolerance, 2);
            Assert.Equal(0, profile.BatchSize!.Value % 4);
            Assert.Equal(0, profile.BatchSize!.Value % 2);
            Assert.True(profile.BatchSize <= 2000);
        }
    }

    [Fact]
    public void A_dp_marginals_plan_from_the_data_is_the_plan_its_fit_records()
    {
        var csv = _folder.File("d.csv");
        CsvTableWriter.Write(DpMarginalsTestData.Create(3000), csv);
        var planned = DpPlanner.Plan(new DpPlanRequest
        {
            ModelKind = "dp-marginals", DataPath = csv, Settings = new Dictionary<string, string> { ["epsilon"] = "2", ["bins"] = "16" },
        });
        var (table, metadata, _) = TableCheck.Prepare(null, CsvTableReader.Read(csv));
        var fitted = DpMarginalsFitter.Fit(table, metadata, new DpMarginalsOptions { Epsilon = 2, Bins = 16 });

        Assert.Equal(fitted.Privacy, planned.Privacy);
        Assert.Equal(2, planned.Epsilon, 1e-9);
        Assert.Equal(1 / (3000 * Math.Sqrt(3000)), planned.Delta, 1e-20);
        Assert.Null(planned.NoiseMultiplier);
        Assert.Equal([8, 16, 32], planned.Recommendations.Select(r => r.Bins!.Value));
    }

    [Fact]
    public void Evaluate_with_the_model_shows_its_privacy_plan_in_every_report()
    {
        var csv = _folder.File("d.csv");
        CsvTableWriter.Write(DpMarginalsTestData.Create(2000), csv);
        var model = _folder.File("m.synth");
        var synthetic = _folder.File("s.csv");
        Assert.Equal(CliApp.Success, CliResult.Run("train", csv, "--model", "dp-marginals", "--epsilon", "1.5", "--out", model).ExitCode);
        Assert.Equal(CliApp.Success, CliResult.Run("sample", model, "--rows", "500", "--out", synthetic).ExitCode);
        var (json, markdown, html) = (_folder.File("r.json"), _folder.File("r.md"), _folder.File("r.html"));

        var result = CliResult.Run("evaluate", csv, synthetic, "--model", model, "--json", json, "--markdown", markdown, "--report", html);

        Assert.True(result.ExitCode == CliApp.Success, result.Error);
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
        var privacy = document.RootElement.GetProperty("audit").GetProperty("model").GetProperty("privacy");
        Assert.Equal(1.5, privacy.GetProperty("epsilon").GetDouble(), 1e-9);
        Assert.Equal("dp-marginals", privacy.GetProperty("model").GetString());
        Assert.Equal(7, privacy.GetProperty("steps").GetArrayLength());   // trained without metadata: the column kinds first
        Assert.Contains("**Differential privacy**: (ε = 1.5, δ = ", File.ReadAllText(markdown));
        Assert.Contains("column kinds 5 %", File.ReadAllText(markdown));
        var page = File.ReadAllText(html);
        Assert.Contains("differential privacy", page);
        Assert.Contains("privacy budget: one-way marginals", page);
    }
}
