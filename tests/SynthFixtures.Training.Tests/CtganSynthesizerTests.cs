using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Neural;
using SynthFixtures.Models;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Models.Neural;
using SynthFixtures.Sampling;
using SynthFixtures.Training.Ctgan;
using Xunit.Abstractions;

namespace SynthFixtures.Training.Tests;

public class CtganSynthesizerTests(ITestOutputHelper output)
{
    private static readonly CtganOptions Small = new()
    {
        Epochs = 80, BatchSize = 100, Pac = 10, EmbeddingWidth = 16, GeneratorWidths = [64, 64], DiscriminatorWidths = [64, 64],
        GeneratorLearningRate = 1e-3, DiscriminatorLearningRate = 1e-3, Seed = 5, Threads = 1,
    };

    private static readonly Lazy<NeuralSynthModel> Trained = new(() =>
    {
        var (table, metadata) = TestTables.Small(1000, withIdAndMissing: true);
        return CtganSynthesizer.Train(table, metadata, Small);
    });

    [Fact]
    public void A_few_epochs_learn_the_labels_and_the_dependency_that_an_untrained_generator_lacks()
    {
        var (table, metadata) = TestTables.Small(1000, withIdAndMissing: true);
        var reports = new List<TrainingProgress>();
        var untrained = CtganSynthesizer.Train(table, metadata, Small with { Epochs = 0 });
        var trained = CtganSynthesizer.Train(table, metadata, Small, new SynchronousProgress(reports.Add));
        var (before, after) = (untrained.Sample(table.RowCount, 4).ToTable(), trained.Sample(table.RowCount, 4).ToTable());

        double Shapes(Data.Table synthetic) => TestTables.ColumnShapes(table, synthetic, metadata);
        double Plan(Data.Table synthetic) => Evaluation.TVComplement.Compute(table.Column("plan"), synthetic.Column("plan"));
        double Correlation(Data.Table t) => TestTables.Correlation(t, "age", "income", metadata);
        output.WriteLine($"column shapes {Shapes(before):F3} → {Shapes(after):F3}; plan {Plan(before):F3} → {Plan(after):F3}; " +
                         $"corr(age, income) {Correlation(before):F3} → {Correlation(after):F3} (real {Correlation(table):F3})");

        Assert.Equal(ModelKinds.Ctgan, trained.Kind);
        Assert.Equal(Enumerable.Range(1, Small.Epochs), reports.Select(r => r.Epoch));
        Assert.All(reports, r => Assert.True(double.IsFinite(r.Loss) && r.DiscriminatorLoss is { } d && double.IsFinite(d)));
        // An untrained generator already spreads numbers over the fitted modes (a random tanh layer), so its numeric
        // shapes score well; what it cannot have is the label frequencies and the seniors-earn-less dependency. A GAN
        // on 1,000 rows and 800 steps learns both, while its numeric marginals are still noisy.
        Assert.True(Plan(after) > Plan(before) + 0.15, $"plan {Plan(before):F3} → {Plan(after):F3}");
        Assert.True(Math.Abs(Correlation(before)) < 0.15 && Correlation(after) < -0.3 && Correlation(table) < -0.6,
            $"corr(age, income) {Correlation(before):F3} → {Correlation(after):F3}, real {Correlation(table):F3}");
        Assert.True(Shapes(after) > Shapes(before), $"column shapes {Shapes(before):F3} → {Shapes(after):F3}");
    }

    [Fact]
    public void Sampling_a_saved_artifact_is_deterministic_for_any_thread_count()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ctgan-{Guid.NewGuid():N}.synth");
        try
        {
            ModelArtifact.Save(Trained.Value, path);
            var loaded = ModelArtifact.Load(path);
            Assert.Equal(File.ReadAllBytes(path), ModelArtifact.ToBytes(loaded));
            var one = loaded.Sample(2100, 21, options: new SamplingOptions { MaxDegreeOfParallelism = 1 }).ToTable();
            var two = loaded.Sample(2100, 21, options: new SamplingOptions { MaxDegreeOfParallelism = 2 }).ToTable();
            foreach (var name in one.ColumnNames) Assert.Equal(one.Column(name), two.Column(name));
            Assert.Equal(Trained.Value.Sample(2100, 21).ToTable().Column("income"), one.Column("income"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_categorical_condition_steers_the_condition_vector_and_holds_on_every_row()
    {
        var conditions = new[] { Condition.Parse("plan=premium") };
        var one = Trained.Value.Sample(300, 22, conditions, new SamplingOptions { MaxDegreeOfParallelism = 1 });
        var two = Trained.Value.Sample(300, 22, conditions, new SamplingOptions { MaxDegreeOfParallelism = 2 });
        Assert.All(one.ToTable().Column("plan"), p => Assert.Equal("premium", p));
        Assert.Equal(one.ToTable().Column("age"), two.ToTable().Column("age"));
        // premium is 10 % of the data: 1,500 rows from about 2,048 candidates only work because the condition vector steers the generator.
        var steered = Trained.Value.Sample(1500, 24, conditions, new SamplingOptions { MaxDegreeOfParallelism = 1, MinimumCandidates = 1, CandidatesPerRow = 1 });
        Assert.Equal(1500, steered.RowCount);
        var ranged = Trained.Value.Sample(100, 23, [Condition.Parse("income=30..50")]);
        Assert.All(ranged["income"].Numbers!, v => Assert.InRange(v, 30, 50));
        Assert.Contains("never occurs", Assert.Throws<SynthDataException>(() => Trained.Value.Sample(5, 1, [Condition.Parse("plan=gold")])).Message);
    }
}
