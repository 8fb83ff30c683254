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
    public void A_few_epochs_beat_an_untrained_generator_on_column_shapes_and_report_both_losses()
    {
        var (table, metadata) = TestTables.Small(1000, withIdAndMissing: true);
        var reports = new List<TrainingProgress>();
        var untrained = CtganSynthesizer.Train(table, metadata, Small with { Epochs = 0 });
        var trained = CtganSynthesizer.Train(table, metadata, Small, new SynchronousProgress(reports.Add));

        double Score(SynthModel model) => TestTables.ColumnShapes(table, model.Sample(table.RowCount, 4).ToTable(), metadata);
        var (before, after) = (Score(untrained), Score(trained));
        output.WriteLine($"column shapes: untrained {before:F3}, trained {after:F3}");

        Assert.Equal(ModelKinds.Ctgan, trained.Kind);
        Assert.Equal(Enumerable.Range(1, Small.Epochs), reports.Select(r => r.Epoch));
        Assert.All(reports, r => Assert.True(double.IsFinite(r.Loss) && r.DiscriminatorLoss is { } d && double.IsFinite(d)));
        // An untrained generator already scores well on numbers here (α from a random tanh layer spread over the fitted modes),
        // so the margin comes mostly from the labels; a GAN on 1,000 rows and 800 steps is still noisy on the numbers.
        Assert.True(after > before + 0.05, $"untrained {before:F3}, trained {after:F3}");
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
