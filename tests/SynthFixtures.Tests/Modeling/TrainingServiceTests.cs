using SynthFixtures.Modeling;
using SynthFixtures.Models.Artifacts;

namespace SynthFixtures.Tests.Modeling;

/// <summary>The train use case as a library user calls it: outputs whole or not at all, inputs never overwritten.</summary>
public sealed class TrainingServiceTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"synthfixtures-service-{Guid.NewGuid():N}");

    public TrainingServiceTests()
    {
        Directory.CreateDirectory(_folder);
        var rows = Enumerable.Range(0, 60).Select(i => $"{i % 7},{(i % 3 == 0 ? "a" : "b")},{i * 1.5}");
        File.WriteAllLines(PathOf("data.csv"), ["n,label,x", .. rows]);
    }

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static TrainingService Service => new(ModelTrainers.Core);

    [Fact]
    public void Trains_writes_every_output_and_reports_its_steps()
    {
        var updates = new List<TrainingUpdate>();
        var result = Service.Train(new TrainingRequest
        {
            DataPath = PathOf("data.csv"), ModelKind = "GaussianCopula", ModelPath = PathOf("m.synth"), Seed = 3,
            HoldoutFraction = 0.25, MetadataOutputPath = PathOf("m.metadata.json"), SchemaOutputPath = PathOf("m.synthschema"),
        }, new Recorder(updates));
        Assert.Equal(45, result.Rows);
        Assert.Equal(15, result.HoldoutRows);
        Assert.Equal(PathOf("m.holdout.csv"), result.HoldoutPath);
        Assert.Equal(16, File.ReadAllLines(PathOf("m.holdout.csv")).Length);
        Assert.Equal(45, ModelArtifact.Load(PathOf("m.synth")).Provenance.SourceRows);
        Assert.True(File.Exists(PathOf("m.metadata.json")) && File.Exists(PathOf("m.synthschema")));
        Assert.Contains(updates, u => u.Stage == TrainingStage.Reading);
        Assert.Contains(updates, u => u.Stage == TrainingStage.Fitting);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public void An_output_that_cannot_be_written_leaves_no_output_behind()
    {
        File.WriteAllText(PathOf("m.synth"), "an earlier model");
        var error = Assert.Throws<SynthDataException>(() => Service.Train(new TrainingRequest
        {
            DataPath = PathOf("data.csv"), ModelKind = "gaussiancopula", ModelPath = PathOf("m.synth"),
            SchemaOutputPath = PathOf("missing-folder/m.synthschema"),
        }));
        Assert.Contains("The folder for the schema does not exist", error.Message);
        Assert.Equal("an earlier model", File.ReadAllText(PathOf("m.synth")));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("data.csv", null, "The model would overwrite the training data")]
    [InlineData("m.synth", "./m.synth", "The holdout CSV and the model")]
    public void An_output_naming_an_input_or_another_output_is_refused_before_training(string model, string? holdout, string expected)
    {
        var before = File.ReadAllText(PathOf("data.csv"));
        var error = Assert.Throws<SynthDataException>(() => Service.Train(new TrainingRequest
        {
            DataPath = PathOf("data.csv"), ModelKind = "gaussiancopula", ModelPath = PathOf(model),
            HoldoutFraction = 0.2, HoldoutPath = holdout is null ? null : Path.Combine(_folder, holdout),
        }));
        Assert.Contains(expected, error.Message);
        Assert.Equal(before, File.ReadAllText(PathOf("data.csv")));
    }

    [Fact]
    public void A_cancelled_run_writes_nothing()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Service.Train(new TrainingRequest
        {
            DataPath = PathOf("data.csv"), ModelKind = "gaussiancopula", ModelPath = PathOf("m.synth"),
        }, cancellationToken: cancel.Token));
        Assert.False(File.Exists(PathOf("m.synth")));
    }

    [Fact]
    public void A_neural_kind_without_its_trainer_registered_is_bad_input_that_says_what_is_missing()
    {
        var error = Assert.Throws<SynthDataException>(() => Service.Train(new TrainingRequest
        {
            DataPath = PathOf("data.csv"), ModelKind = "tvae", ModelPath = PathOf("m.synth"),
        }));
        Assert.Contains("No trainer for tvae", error.Message);
        Assert.Contains("SynthFixtures.Training", error.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class Recorder(List<TrainingUpdate> updates) : IProgress<TrainingUpdate>
    {
        public void Report(TrainingUpdate value) => updates.Add(value);
    }
}
