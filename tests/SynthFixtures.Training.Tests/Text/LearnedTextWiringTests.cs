using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Modeling;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Text.Learned;

namespace SynthFixtures.Training.Tests.Text;

/// <summary>
/// The learned text model through the product, as the CLI and the build's trainer run it: the training service with
/// SynthFixtures.Training's registry learns the free-text column by default, the artifact reloads it through the
/// built-in decoders, and samples are the same for any chunk size and thread count. Tiny sizes: this checks the wiring.
/// </summary>
public sealed class LearnedTextWiringTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"synthfixtures-textwire-{Guid.NewGuid():N}");

    public LearnedTextWiringTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_training_service_learns_the_text_column_and_the_artifact_samples_it_deterministically()
    {
        var csv = Path.Combine(_folder, "reviews.csv");
        CsvTableWriter.Write(Reviews(120), csv);
        var model = Path.Combine(_folder, "m.synth");
        var result = new TrainingService(NeuralModelTrainers.All).Train(new TrainingRequest
        {
            DataPath = csv, ModelKind = "gaussiancopula", ModelPath = model, Seed = 2,
            Settings = new Dictionary<string, string>
            {
                ["text-min-texts"] = "100", ["text-epochs"] = "1", ["text-vocabulary"] = "300", ["text-hidden-width"] = "16",
                ["text-embedding-width"] = "8", ["text-max-tokens"] = "24", ["text-threads"] = "1",
            },
        });
        Assert.Equal("review", Assert.Single(result.Model.TextModels).Column);

        var loaded = ModelArtifact.Load(model);
        var text = Assert.IsType<LearnedTextModel>(Assert.Single(loaded.TextModels));
        Assert.Equal("review", text.Column);
        Assert.Contains("rating", text.ContextColumns);
        Assert.Equal("learned", loaded.DescribeSchema().Columns.Single(c => c.Name == "review").Generator);

        var whole = loaded.Sample(1500, 4, options: new SamplingOptions { MaxDegreeOfParallelism = 1 }).ToTable().Column("review");
        var chunks = loaded.SampleChunks(1500, 4, options: new SamplingOptions { ChunkRows = 1024, MaxDegreeOfParallelism = 2 })
            .SelectMany(c => c.ToTable().Column("review")).ToList();
        Assert.Equal(whole, chunks);
        Assert.True(whole.Count(t => !string.IsNullOrEmpty(t)) > 1000);
    }

    private static Table Reviews(int rows)
    {
        string[] good = ["lovely soft fabric", "fits well", "great colour", "true to size"];
        string[] bad = ["too small", "thin fabric", "returned it", "poor fit"];
        var random = new SynthRandom(1);
        var cells = new[] { new string?[rows], new string?[rows] };
        for (var r = 0; r < rows; r++)
        {
            var rating = 1 + random.NextInt(5);
            var words = rating >= 4 ? good : bad;
            cells[0][r] = rating.ToString(CultureInfo.InvariantCulture);
            cells[1][r] = $"{words[random.NextInt(4)]} and {words[random.NextInt(4)]}, review {r}.";
        }
        return new Table(["rating", "review"], cells);
    }
}
