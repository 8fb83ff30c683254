using SynthFixtures.Data;
using SynthFixtures.Models;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Build;

/// <summary>A <c>Model="tvae"</c> item trains through the same CLI, out of process, with the item's epochs and batch size.</summary>
public sealed class NeuralBuildTimeTrainingTests
{
    [Fact]
    public void A_tvae_item_trains_with_its_epochs_and_batch_size()
    {
        using var project = new TemporaryProject("""<SynthModel Include="data/people.csv" Model="tvae" Epochs="2" BatchSize="100" />""");
        CsvTableWriter.Write(MixedTestTable.Create(300, seed: 1), project.PathOf("data/people.csv"));

        var (code, log) = project.Build();
        Assert.True(code == 0, log);
        Assert.Contains("SynthFixtures: training tvae on", log);
        Assert.Contains("epoch 2/2", log);
        var model = ModelArtifact.Load(Path.Combine(project.ModelDirectory, "people.synth"));
        Assert.Equal(ModelKinds.Tvae, model.Kind);
        Assert.Equal(50, model.Sample(50, 1).RowCount);
        var settings = File.ReadAllLines(Path.Combine(project.ModelDirectory, "people.settings"));
        Assert.Contains("epochs=2", settings);
        Assert.Contains("batchsize=100", settings);
    }
}
