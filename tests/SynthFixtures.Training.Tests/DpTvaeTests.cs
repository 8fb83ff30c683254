using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Neural;
using SynthFixtures.Models;
using SynthFixtures.Privacy;
using SynthFixtures.Training.Tvae;

namespace SynthFixtures.Training.Tests;

/// <summary>DP-TVAE end to end: it learns under moderate noise, and the artifact's settings record the privacy plan the accountant gives.</summary>
public class DpTvaeTests
{
    private static readonly TvaeOptions SmallNetwork = new()
    {
        Epochs = 30, BatchSize = 100, EmbeddingWidth = 16, EncoderWidths = [32, 32], DecoderWidths = [32, 32], LearningRate = 3e-3, Threads = 1, Seed = 5,
    };

    [Fact]
    public void Learns_under_moderate_noise_and_records_the_plan()
    {
        var (table, metadata) = TestTables.Small(600);
        var losses = new List<double>();
        var options = new DpTvaeOptions { Network = SmallNetwork, Privacy = new DpSgdOptions { NoiseMultiplier = 1.0, MaxGradNorm = 1.0, NoiseSeed = 1 } };
        var model = DpTvaeSynthesizer.Train(table, metadata, options, new Progress(losses));

        Assert.Equal(ModelKinds.Tvae, model.Kind);
        Assert.Equal(30, losses.Count);
        Assert.True(losses.Skip(25).Average() < losses.Take(3).Average() - 1, $"loss went from {losses[0]:F3} to {losses[^1]:F3}");
        var plan = model.TrainingSettings.GetProperty("privacyPlan");
        Assert.Equal(30 * 6, plan.GetProperty("steps").GetInt32());
        Assert.Equal(100.0 / 600, plan.GetProperty("samplingRate").GetDouble(), 1e-12);
        Assert.Equal(1.0, plan.GetProperty("noiseMultiplier").GetDouble());
        var delta = 1 / (600 * Math.Sqrt(600));
        Assert.Equal(delta, plan.GetProperty("delta").GetDouble(), 1e-15);
        // ε is the preprocessing's Gaussian measurements and DP-SGD together.
        var preprocessing = plan.GetProperty("preprocessing")[0];
        var together = RdpAccountant.Empty.With(1, preprocessing.GetProperty("noiseStandardDeviation").GetDouble(), preprocessing.GetProperty("measurements").GetInt32())
            .With(100.0 / 600, 1.0, 180).Spent(delta - preprocessing.GetProperty("delta").GetDouble());
        Assert.Equal(together.Epsilon, plan.GetProperty("epsilon").GetDouble(), 1e-9);
        Assert.True(together.Epsilon > NoiseCalibration.EpsilonFor(100.0 / 600, 1.0, 180, delta).Epsilon);
        Assert.Equal(1.0, model.TrainingSettings.GetProperty("privacy").GetProperty("noiseMultiplier").GetDouble());
        Assert.Equal(100, model.TrainingSettings.GetProperty("network").GetProperty("batchSize").GetInt32());
    }

    [Fact]
    public void The_noise_does_not_come_from_the_public_training_seed()
    {
        var (table, metadata) = TestTables.Small(300);
        var network = SmallNetwork with { Epochs = 2 };
        string Sample(long? noiseSeed) => Data.CsvTableWriter.WriteToString(DpTvaeSynthesizer.Train(table, metadata,
            new DpTvaeOptions { Network = network, Privacy = new DpSgdOptions { NoiseMultiplier = 1.0, NoiseSeed = noiseSeed } }).Sample(200, 1).ToTable());
        // Same training seed, no noise seed: the noise is secret, so the two models differ.
        Assert.NotEqual(Sample(null), Sample(null));
        // A fixed noise seed (tests only) makes the training reproducible.
        Assert.Equal(Sample(7), Sample(7));
    }

    [Fact]
    public void Categories_are_drawn_from_the_decoders_softmax_reproducibly_and_the_flag_survives_the_artifact()
    {
        var (table, metadata) = TestTables.Small(600);
        var options = new DpTvaeOptions { Network = SmallNetwork with { Epochs = 2 }, Privacy = new DpSgdOptions { Epsilon = 1, NoiseSeed = 3 } };
        var model = DpTvaeSynthesizer.Train(table, metadata, options);
        Assert.True(model.Parameters.DrawsCategories);
        var sample = model.Sample(2_000, 4).ToTable();
        // Two epochs under heavy noise: an argmax would give (nearly) every row one plan; drawing gives each its share.
        var plans = sample.Column("plan").GroupBy(p => p).ToDictionary(g => g.Key!, g => g.Count());
        var released = model.Parameters.Transformer.Columns.Single(c => c.Metadata.Name == "plan").Categories!.Count(c => c is not null);
        Assert.True(released >= 2, $"{released} plans released");
        Assert.Equal(released, plans.Count);
        Assert.All(plans.Values, n => Assert.InRange(n, 100, 1_900));
        Assert.Equal(Data.CsvTableWriter.WriteToString(sample), Data.CsvTableWriter.WriteToString(model.Sample(2_000, 4).ToTable()));
        var loaded = Assert.IsType<SynthFixtures.Models.Neural.NeuralSynthModel>(SynthFixtures.Models.Artifacts.ModelArtifact.FromBytes(
            SynthFixtures.Models.Artifacts.ModelArtifact.ToBytes(model)));
        Assert.True(loaded.Parameters.DrawsCategories);
        Assert.Equal(Data.CsvTableWriter.WriteToString(sample), Data.CsvTableWriter.WriteToString(loaded.Sample(2_000, 4).ToTable()));
        // Plain TVAE keeps the argmax and writes no flag.
        var plain = TvaeSynthesizer.Train(table, metadata, SmallNetwork with { Epochs = 1 });
        Assert.Null(plain.Parameters.DrawsCategories);
        Assert.DoesNotContain("drawsCategories", System.Text.Encoding.UTF8.GetString(SynthFixtures.Models.Artifacts.ModelArtifact.ToBytes(plain)));
    }

    [Fact]
    public void A_target_epsilon_is_calibrated_and_a_delta_of_one_over_n_is_refused()
    {
        var plan = DpSgdPlan.For(32561, 500, 300, epsilon: 3, noiseMultiplier: null, delta: 1e-5, maxGradNorm: 1);
        Assert.InRange(plan.Epsilon, 3 - NoiseCalibration.DefaultEpsilonTolerance, 3);
        Assert.Equal(300 * 66, plan.Steps);
        Assert.Equal(500.0, plan.ExpectedBatchSize, 1e-9);
        var error = Assert.Throws<SynthDataException>(() => DpSgdPlan.For(1000, 100, 10, 1, null, delta: 1e-3, maxGradNorm: 1));
        Assert.Contains("1/n", error.Message);
    }

    [Fact]
    public void The_kind_reads_epsilon_delta_and_clipping_and_has_no_early_stopping()
    {
        var kind = DpTvaeKind.Instance;
        Assert.DoesNotContain(kind.Specs, s => s.Name == "early-stopping" || s.Requires == "early-stopping");
        var values = SettingValues.Parse(kind, new Dictionary<string, string> { ["epsilon"] = "1", ["delta"] = "1e-7", ["max-grad-norm"] = "0.5", ["epochs"] = "12" },
            ModelCatalog.BuiltIn);
        var options = kind.Options(values, seed: 9);
        Assert.Equal(new DpSgdOptions { Epsilon = 1, Delta = 1e-7, MaxGradNorm = 0.5 }, options.Privacy);
        Assert.Equal(12, options.Network.Epochs);
        Assert.Equal(9, options.Network.Seed);
        Assert.Equal("1/(n·√n), n rows (dp-ctgan: pac groups)", kind.DefaultText(DpSettingTable.Delta));
        var neither = Assert.Throws<SettingException>(() => kind.Options(SettingValues.None, 1));
        Assert.Contains("epsilon", neither.Message);
        var both = SettingValues.Parse(kind, new Dictionary<string, string> { ["epsilon"] = "1", ["noise-multiplier"] = "1" }, ModelCatalog.BuiltIn);
        Assert.Throws<SettingException>(() => kind.Options(both, 1));
    }

    private sealed class Progress(List<double> losses) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => losses.Add(value.Loss);
    }
}
