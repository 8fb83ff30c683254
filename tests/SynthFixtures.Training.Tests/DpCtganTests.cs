using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Neural;
using SynthFixtures.Models;
using SynthFixtures.Privacy;
using SynthFixtures.Training.Ctgan;
using Xunit.Abstractions;

namespace SynthFixtures.Training.Tests;

/// <summary>DP-CTGAN end to end: the plan counts pac groups and discriminator steps, and the generator still learns the columns under noise.</summary>
public class DpCtganTests(ITestOutputHelper output)
{
    [Fact]
    public void Plans_over_pac_groups_and_learns_the_columns_under_noise()
    {
        var (table, metadata) = TestTables.Small(800);
        var network = new CtganOptions
        {
            Epochs = 40, BatchSize = 100, Pac = 5, EmbeddingWidth = 16, GeneratorWidths = [32, 32], DiscriminatorWidths = [32, 32],
            GeneratorLearningRate = 1e-3, DiscriminatorLearningRate = 1e-3, Threads = 1, Seed = 2,
        };
        var options = new DpCtganOptions { Network = network, Privacy = new DpSgdOptions { NoiseMultiplier = 0.8, NoiseSeed = 2 } };
        var model = DpCtganSynthesizer.Train(table, metadata, options);

        Assert.Equal(ModelKinds.Ctgan, model.Kind);
        var plan = model.TrainingSettings.GetProperty("privacyPlan");
        Assert.Equal(160, plan.GetProperty("units").GetInt32());                        // 800 rows in groups of 5
        Assert.Equal(20.0 / 160, plan.GetProperty("samplingRate").GetDouble(), 1e-12);  // 100 rows = 20 groups per step
        Assert.Equal(40 * 8, plan.GetProperty("steps").GetInt32());
        var delta = 1 / (160 * Math.Sqrt(160));
        // ε is the preprocessing's Gaussian measurements and the discriminator's DP-SGD together, per pac group: a group
        // moves a count by up to 5 rows, so the noise per count is 5 times the accounting's σ.
        var preprocessing = plan.GetProperty("preprocessing")[0];
        var together = RdpAccountant.Empty.With(1, preprocessing.GetProperty("noiseStandardDeviation").GetDouble() / 5, preprocessing.GetProperty("measurements").GetInt32())
            .With(20.0 / 160, 0.8, 320).Spent(delta - preprocessing.GetProperty("delta").GetDouble());
        Assert.Equal(together.Epsilon, plan.GetProperty("epsilon").GetDouble(), 1e-9);

        // The baseline trains one epoch, not none: with a noise multiplier the preprocessing's budget is a share of what
        // DP-SGD spends, so a training of no steps would measure its counts with unbounded noise and release nothing.
        var untrained = DpCtganSynthesizer.Train(table, metadata, options with { Network = network with { Epochs = 1 } });
        var before = TestTables.ColumnShapes(table, untrained.Sample(800, 3).ToTable(), metadata);
        var after = TestTables.ColumnShapes(table, model.Sample(800, 3).ToTable(), metadata);
        output.WriteLine($"column shapes after 1 epoch {before:F3}, after 40 epochs at σ = 0.8: {after:F3}");
        Assert.True(after > before + 0.04, $"column shapes after 1 epoch {before:F3}, after 40 {after:F3}");
    }

    [Fact]
    public void The_kind_refuses_a_batch_that_does_not_fit_pac_and_has_no_early_stopping()
    {
        var kind = DpCtganKind.Instance;
        Assert.DoesNotContain(kind.Specs, s => s.Name == "early-stopping");
        Assert.Contains(kind.Specs, s => s.Name == "pac");
        var values = SettingValues.Parse(kind, new Dictionary<string, string> { ["epsilon"] = "3", ["batch-size"] = "105", ["pac"] = "10" }, ModelCatalog.BuiltIn);
        var error = Assert.Throws<SettingException>(() => kind.Options(values, 1));
        Assert.Contains("pac", error.Message);
        var good = kind.Options(SettingValues.Parse(kind, new Dictionary<string, string> { ["epsilon"] = "3" }, ModelCatalog.BuiltIn), 4);
        Assert.Equal(3, good.Privacy.Epsilon);
        Assert.Equal(4, good.Network.Seed);
    }

    [Fact]
    public void Generator_steps_and_the_drift_penalty_change_the_training_but_not_the_plan()
    {
        var (table, metadata) = TestTables.Small(400);
        var network = new CtganOptions
        {
            Epochs = 3, BatchSize = 100, Pac = 1, EmbeddingWidth = 8, GeneratorWidths = [16], DiscriminatorWidths = [16],
            GeneratorLearningRate = 1e-3, DiscriminatorLearningRate = 1e-3, Threads = 1, Seed = 2,
        };
        var one = new DpCtganOptions { Network = network, Privacy = new DpSgdOptions { Epsilon = 3, NoiseSeed = 5 }, DiscriminatorDrift = 0 };
        var four = one with { GeneratorSteps = 4 };

        var drifting = one with { DiscriminatorDrift = 0.1 };

        var settings = SettingValues.Parse(DpCtganKind.Instance,
            new Dictionary<string, string> { ["epsilon"] = "3", ["generator-steps"] = "4", ["discriminator-drift"] = "0.1" }, ModelCatalog.BuiltIn);
        Assert.Equal(4, DpCtganKind.Instance.Options(settings, 1).GeneratorSteps);
        Assert.Equal(0.1, DpCtganKind.Instance.Options(settings, 1).DiscriminatorDrift);
        Assert.Equal(1, new DpCtganOptions().GeneratorSteps);
        Assert.Equal(0.1, new DpCtganOptions().DiscriminatorDrift);
        Assert.Throws<ArgumentOutOfRangeException>(() => (one with { GeneratorSteps = 0 }).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => (one with { DiscriminatorDrift = -1 }).Validate());

        var trainedOnce = DpCtganSynthesizer.Train(table, metadata, one);
        var trainedFourTimes = DpCtganSynthesizer.Train(table, metadata, four);
        var trainedDrifting = DpCtganSynthesizer.Train(table, metadata, drifting);
        // Only discriminator steps read real rows: the plan (steps, σ, ε, preprocessing) is the same whatever the generator does.
        Assert.Equal(trainedOnce.TrainingSettings.GetProperty("privacyPlan").GetRawText(), trainedFourTimes.TrainingSettings.GetProperty("privacyPlan").GetRawText());
        Assert.Equal(trainedOnce.TrainingSettings.GetProperty("privacyPlan").GetRawText(), trainedDrifting.TrainingSettings.GetProperty("privacyPlan").GetRawText());
        Assert.Equal(3 * 4, trainedFourTimes.TrainingSettings.GetProperty("privacyPlan").GetProperty("steps").GetInt32());
        // Same noise seed, same critic schedule: the samples differ only because the generator took more steps, or the critic's loss had the penalty.
        var sampledOnce = Cells(trainedOnce.Sample(200, 3).ToTable());
        Assert.Equal(sampledOnce, Cells(DpCtganSynthesizer.Train(table, metadata, one).Sample(200, 3).ToTable()));
        Assert.NotEqual(sampledOnce, Cells(trainedFourTimes.Sample(200, 3).ToTable()));
        Assert.NotEqual(sampledOnce, Cells(trainedDrifting.Sample(200, 3).ToTable()));
    }

    private static string Cells(SynthFixtures.Data.Table table) =>
        string.Join("|", Enumerable.Range(0, table.RowCount).Select(r => string.Join(",", Enumerable.Range(0, table.ColumnCount).Select(c => table[r, c]))));
}
