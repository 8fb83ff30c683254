using SynthFixtures.Data;
using SynthFixtures.Models;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Models.Neural;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Build;

/// <summary>A <c>Model="tvae"</c> item trains through the same CLI, out of process, with the item's training settings.</summary>
public sealed class NeuralBuildTimeTrainingTests
{
    [Fact]
    public void A_tvae_item_trains_with_its_settings_and_records_them()
    {
        using var project = new TemporaryProject("""<SynthModel Include="data/people.csv" Model="tvae" Epochs="2" BatchSize="100" Threads="1" LearningRate="0.002" DecoderWidths="16,16" EarlyStopping="true" CheckEvery="1" />""");
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
        Assert.Contains("batch-size=100", settings);
        Assert.Contains("threads=1", settings);
        Assert.Contains("learning-rate=0.002", settings);
        Assert.Contains("decoder-widths=16,16", settings);
        // The metadata reached the trainer: the artifact records the options it trained with.
        var trained = ((NeuralSynthModel)model).TrainingSettings;
        Assert.Equal(0.002, trained.GetProperty("learningRate").GetDouble());
        Assert.Equal([16, 16], trained.GetProperty("decoderWidths").EnumerateArray().Select(w => w.GetInt32()));
        Assert.Equal(1, trained.GetProperty("threads").GetInt32());
        Assert.Contains("early-stopping=true", settings);
        Assert.Contains("check-every=1", settings);
        Assert.Equal(1, trained.GetProperty("earlyStopping").GetProperty("checkEvery").GetInt32());
        Assert.Equal(2, trained.GetProperty("earlyStoppingResult").GetProperty("checks").GetInt32());
        Assert.Contains("Early stopping: kept the weights of epoch", log);
        Assert.Equal(270, model.Provenance.SourceRows); // 30 of the 300 rows held out for validation
    }
}
