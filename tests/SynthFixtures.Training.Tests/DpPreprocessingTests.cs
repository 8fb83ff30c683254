using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Models;
using SynthFixtures.Models.Neural;
using SynthFixtures.Modeling.Neural;
using SynthFixtures.Privacy;
using SynthFixtures.Sampling.Generated;
using SynthFixtures.Training.Ctgan;
using SynthFixtures.Training.Tvae;

namespace SynthFixtures.Training.Tests;

/// <summary>
/// Nothing a DP-SGD model learns before training reads the raw rows outside the budget: two tables that differ in one
/// rare row (an unseen label, a value of 10⁹, a missing cell in a column without missing values) give DP-TVAE and
/// DP-CTGAN the same category lists, modes, ranges, missing flags and rates and condition frequencies when the noise
/// is the same, and a different noise changes them: they come from the noisy counts alone.
/// </summary>
public class DpPreprocessingTests
{
    private static readonly TvaeOptions TvaeNetwork = new()
    {
        Epochs = 1, BatchSize = 100, EmbeddingWidth = 8, EncoderWidths = [16], DecoderWidths = [16], Threads = 1, Seed = 5,
    };

    private static readonly CtganOptions CtganNetwork = new()
    {
        Epochs = 1, BatchSize = 100, Pac = 5, EmbeddingWidth = 8, GeneratorWidths = [16], DiscriminatorWidths = [16], Threads = 1, Seed = 5,
    };

    [Fact]
    public void One_rare_row_leaves_every_dp_tvae_preprocessing_output_unchanged()
    {
        var (without, with, metadata) = Tables();
        NeuralSynthModel Train(Table table, long noiseSeed) => DpTvaeSynthesizer.Train(table, metadata,
            new DpTvaeOptions { Network = TvaeNetwork, Privacy = new DpSgdOptions { Epsilon = 4, Delta = 1e-8, NoiseSeed = noiseSeed } });

        AssertSamePreprocessing(Train(without, 3), Train(with, 3));
        AssertDifferentNoiseChangesIt(Train(with, 3), Train(with, 4));
    }

    [Fact]
    public void One_rare_row_leaves_every_dp_ctgan_preprocessing_output_and_condition_frequency_unchanged()
    {
        var (without, with, metadata) = Tables();
        NeuralSynthModel Train(Table table, long noiseSeed) => DpCtganSynthesizer.Train(table, metadata,
            new DpCtganOptions { Network = CtganNetwork, Privacy = new DpSgdOptions { Epsilon = 4, Delta = 1e-8, NoiseSeed = noiseSeed } });

        var (a, b) = (Train(without, 3), Train(with, 3));
        AssertSamePreprocessing(a, b);
        var (countsA, countsB) = (a.Parameters.Conditions!.Counts, b.Parameters.Conditions!.Counts);
        Assert.Equal(countsA.Length, countsB.Length);
        for (var s = 0; s < countsA.Length; s++) Assert.Equal(countsA[s], countsB[s]);
        // The frequencies are noisy counts, not the table's: "basic" has 60 % of 2 000 rows, but not exactly 1 200 of them.
        var plan = Array.FindIndex(a.Parameters.Conditions.Spans, s => s.Column == "plan");
        Assert.All(countsA[plan], c => Assert.NotEqual(Math.Round(c), c));
        var other = Train(with, 4);
        Assert.NotEqual(countsB[plan], other.Parameters.Conditions!.Counts[plan]);
    }

    [Fact]
    public void The_plan_lists_the_preprocessing_next_to_dp_sgd_and_spends_the_target_together()
    {
        var (table, metadata) = TestTables.Small(1_000, withIdAndMissing: true);
        var model = DpTvaeSynthesizer.Train(table, metadata,
            new DpTvaeOptions { Network = TvaeNetwork, Privacy = new DpSgdOptions { Epsilon = 2, NoiseSeed = 1 } });
        var plan = model.TrainingSettings.GetProperty("privacyPlan");
        var step = Assert.Single(plan.GetProperty("preprocessing").EnumerateArray());
        Assert.Equal("preprocessing", step.GetProperty("name").GetString());
        Assert.Equal(3, step.GetProperty("measurements").GetInt32());   // age, income, plan; the id is generated
        var sigma = step.GetProperty("noiseStandardDeviation").GetDouble();
        var delta = plan.GetProperty("delta").GetDouble();
        var accountant = RdpAccountant.Empty.With(1, sigma, 3)
            .With(plan.GetProperty("samplingRate").GetDouble(), plan.GetProperty("noiseMultiplier").GetDouble(), plan.GetProperty("steps").GetInt32());
        var spent = accountant.Spent(delta - step.GetProperty("delta").GetDouble());
        Assert.Equal(plan.GetProperty("epsilon").GetDouble(), spent.Epsilon, 1e-9);
        Assert.InRange(spent.Epsilon, 2 - NoiseCalibration.DefaultEpsilonTolerance, 2);
        Assert.Equal(1.0, step.GetProperty("share").GetDouble() + plan.GetProperty("trainingShare").GetDouble(), 1e-12);
        Assert.Equal(ModelProvenance.WithheldHash, model.Provenance.SourceDataSha256);
        Assert.Equal(GeneratorKind.Sequence, Assert.Single(model.Parameters.Generated).Generator);
    }

    private static void AssertSamePreprocessing(NeuralSynthModel without, NeuralSynthModel with)
    {
        var (a, b) = (without.Parameters.Transformer.Columns, with.Parameters.Transformer.Columns);
        Assert.Equal(a.Length, b.Length);
        for (var c = 0; c < a.Length; c++)
        {
            Assert.Equal(a[c].Categories, b[c].Categories);
            Assert.Equal(a[c].HasMissing, b[c].HasMissing);
            Assert.Equal(a[c].Modes?.Weights, b[c].Modes?.Weights);
            Assert.Equal(a[c].Modes?.Means, b[c].Modes?.Means);
            Assert.Equal(a[c].Modes?.StandardDeviations, b[c].Modes?.StandardDeviations);
        }
        Assert.Equal(without.Parameters.Ranges, with.Parameters.Ranges);
        Assert.Equal(without.Parameters.Generated, with.Parameters.Generated);
        // The rare row left no trace: its label is not a category, its value is not in the range, its missing age is not a flag.
        var plan = Array.Find(b, c => c.Metadata.Name == "plan")!;
        Assert.DoesNotContain("platinum", plan.Categories!);
        Assert.True(with.Parameters.Ranges.Single(r => r.Column == "income").Maximum < 1_000, "the income range reaches the rare row's value");
        Assert.False(Array.Find(b, c => c.Metadata.Name == "age")!.HasMissing);
        Assert.Equal(0, with.Parameters.Ranges.Single(r => r.Column == "age").MissingProbability);
    }

    private static void AssertDifferentNoiseChangesIt(NeuralSynthModel one, NeuralSynthModel other)
    {
        // The missing rate of income is a noisy count over the rows: another noise gives another rate.
        Assert.NotEqual(one.Parameters.Ranges.Single(r => r.Column == "income").MissingProbability,
            other.Parameters.Ranges.Single(r => r.Column == "income").MissingProbability);
    }

    /// <summary>2 000 rows (id, age, income with missing values, plan), and the same with one rare row appended.</summary>
    private static (Table Without, Table With, TableMetadata Metadata) Tables()
    {
        var (table, metadata) = TestTables.Small(2_000, withIdAndMissing: true);
        string?[] rare = ["9999", null, "1000000000", "platinum"];   // id, age (missing, and age has none), income 10⁹, an unseen plan
        var columns = table.ColumnNames.Select((_, c) => table.Column(c).Append(rare[c]).ToArray()).ToArray();
        var with = new Table(table.ColumnNames, columns, table.MissingTokens);
        return (table, with, metadata);
    }
}
