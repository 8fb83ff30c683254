using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Neural;
using System.Text.RegularExpressions;
using SynthFixtures.Models;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Models.Neural;
using SynthFixtures.Sampling;
using SynthFixtures.Training.Tvae;
using Xunit.Abstractions;

namespace SynthFixtures.Training.Tests;

public class TvaeSynthModelTests(ITestOutputHelper output)
{
    private static readonly TvaeOptions Small = new()
    {
        Epochs = 120, BatchSize = 50, EmbeddingWidth = 8, EncoderWidths = [32, 32], DecoderWidths = [32, 32], Seed = 3, Threads = 1,
    };

    private static readonly Lazy<NeuralSynthModel> Trained = new(() =>
    {
        var (table, metadata) = TestTables.Small(400, withIdAndMissing: true);
        return TvaeSynthesizer.Train(table, metadata, Small);
    });

    [Fact]
    public void A_few_epochs_beat_an_untrained_model_on_column_shapes()
    {
        var (table, metadata) = TestTables.Small(400, withIdAndMissing: true);
        var reports = new List<TrainingProgress>();
        var untrained = TvaeSynthesizer.Train(table, metadata, Small with { Epochs = 0 });
        var trained = TvaeSynthesizer.Train(table, metadata, Small, new SynchronousProgress(reports.Add));

        double Score(SynthModel model) => TestTables.ColumnShapes(table, model.Sample(table.RowCount, 4).ToTable(), metadata);
        var (before, after) = (Score(untrained), Score(trained));
        output.WriteLine($"column shapes: untrained {before:F3}, trained {after:F3}");

        Assert.Equal(ModelKinds.Tvae, trained.Kind);
        Assert.Equal(Enumerable.Range(1, Small.Epochs), reports.Select(r => r.Epoch));
        Assert.True(after > before + 0.15, $"untrained {before:F3}, trained {after:F3}");
    }

    [Fact]
    public void Samples_generate_keys_and_write_the_missing_token_like_the_copula()
    {
        var sample = Trained.Value.Sample(300, 5);
        var table = sample.ToTable();
        Assert.Equal(["id", "age", "income", "plan"], table.ColumnNames);
        Assert.Equal(300, sample["id"].Texts!.Distinct().Count());
        Assert.Equal("NA", sample["income"].MissingToken);
        Assert.All(sample["age"].Numbers!, v => Assert.Equal(Math.Round(v), v));
        var schema = Trained.Value.DescribeSchema();
        Assert.Equal(["basic", "plus", "premium"], schema.Columns.Single(c => c.Name == "plan").Labels!.Order());
        Assert.Equal("sequence", schema.Columns.Single(c => c.Name == "id").Generator);
    }

    [Fact]
    public void The_artifact_round_trips_byte_for_byte_and_samples_the_same()
    {
        var bytes = ModelArtifact.ToBytes(Trained.Value);
        var loaded = ModelArtifact.FromBytes(bytes);
        Assert.IsType<NeuralSynthModel>(loaded);
        Assert.Equal(bytes, ModelArtifact.ToBytes(loaded));
        Assert.Equal(Trained.Value.Sample(500, 9).ToTable().Column("income"), loaded.Sample(500, 9).ToTable().Column("income"));
    }

    [Fact]
    public void Sampling_a_loaded_artifact_is_identical_on_one_and_two_threads()
    {
        var loaded = ModelArtifact.FromBytes(ModelArtifact.ToBytes(Trained.Value));
        var one = loaded.Sample(2500, 11, options: new SamplingOptions { MaxDegreeOfParallelism = 1 }).ToTable();
        var two = loaded.Sample(2500, 11, options: new SamplingOptions { MaxDegreeOfParallelism = 2 }).ToTable();
        foreach (var name in one.ColumnNames) Assert.Equal(one.Column(name), two.Column(name));
        var prefix = loaded.Sample(700, 11, options: new SamplingOptions { MaxDegreeOfParallelism = 2 }).ToTable();
        Assert.Equal(one.Column("age").Take(700), prefix.Column("age"));
    }

    [Fact]
    public void A_conditional_sample_meets_its_conditions_on_every_row_for_any_thread_count()
    {
        Condition[] conditions = [Condition.Parse("plan=plus"), Condition.Parse("age>=50")];
        var one = Trained.Value.Sample(200, 12, conditions, new SamplingOptions { MaxDegreeOfParallelism = 1 });
        var two = Trained.Value.Sample(200, 12, conditions, new SamplingOptions { MaxDegreeOfParallelism = 2 });
        Assert.Equal(200, one.RowCount);
        Assert.All(one.ToTable().Column("plan"), p => Assert.Equal("plus", p));
        Assert.All(one["age"].Numbers!, a => Assert.True(a >= 50, $"age {a}"));
        Assert.Equal(one.ToTable().Column("income"), two.ToTable().Column("income"));

        var fixedAge = Trained.Value.Sample(50, 13, [Condition.Parse("age=40")]);
        Assert.All(fixedAge["age"].Numbers!, a => Assert.Equal(40, a));
    }

    [Theory]
    [InlineData("plan=gold")]
    [InlineData("age=500")]
    [InlineData("age>400")]
    [InlineData("plan>3")]
    [InlineData("nosuch=1")]
    [InlineData("id=3")]
    public void Infeasible_conditions_fail_with_the_copulas_error(string condition)
    {
        var (table, metadata) = TestTables.Small(400, withIdAndMissing: true);
        var copula = GaussianCopulaFitter.Fit(table, metadata);
        var copulaError = Assert.Throws<SynthDataException>(() => copula.Sample(10, 1, [Condition.Parse(condition)]));
        var neuralError = Assert.Throws<SynthDataException>(() => Trained.Value.Sample(10, 1, [Condition.Parse(condition)]));
        output.WriteLine(neuralError.Message);
        // Same wording; only the observed range may differ (the copula widens it slightly by its marginal fit, and so on).
        Assert.Equal(Regex.Replace(copulaError.Message, @"range [^)]*\)", "range"), Regex.Replace(neuralError.Message, @"range [^)]*\)", "range"));
    }

    [Fact]
    public void Too_rare_conditions_fail_within_the_candidate_budget()
    {
        var error = Assert.Throws<SynthDataException>(() => Trained.Value.Sample(100, 1, [Condition.Parse("age=18..19"), Condition.Parse("income>=70")],
            new SamplingOptions { MinimumCandidates = 4096, CandidatesPerRow = 1 }));
        Assert.Contains("too rare", error.Message);
    }

    [Fact]
    public void A_tampered_artifact_fails_clearly()
    {
        var bytes = ModelArtifact.ToBytes(Trained.Value);
        var flipped = (byte[])bytes.Clone();
        flipped[^40] ^= 1;
        Assert.Contains("checksum", Assert.Throws<SynthDataException>(() => ModelArtifact.FromBytes(flipped)).Message);

        var (header, payload) = ArtifactBytes.Split(bytes);
        var shortPayload = ArtifactBytes.Join(bytes, header, payload[..^4]);
        Assert.Contains("weights", Assert.Throws<SynthDataException>(() => ModelArtifact.FromBytes(shortPayload)).Message);

        var nan = (byte[])payload.Clone();
        BitConverter.TryWriteBytes(nan.AsSpan(0), float.NaN);
        Assert.Contains("non-finite", Assert.Throws<SynthDataException>(() => ModelArtifact.FromBytes(ArtifactBytes.Join(bytes, header, nan))).Message);

        var badSigma = new Regex("\"sigmas\":\\[[^,\\]]+").Replace(header, "\"sigmas\":[-1", 1);
        Assert.NotEqual(header, badSigma);
        var sigmaError = Assert.Throws<SynthDataException>(() => ModelArtifact.FromBytes(ArtifactBytes.Join(bytes, badSigma, payload)));
        Assert.Contains("σ[0] = -1", sigmaError.Message);
        Assert.Contains("inconsistent", sigmaError.Message);
    }
}
