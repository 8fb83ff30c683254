using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Sequences;
using SynthFixtures.Models.Sequences;
using SynthFixtures.Models.Sequences.Par;
using SynthFixtures.Tests.Models.Sequences;
using SynthFixtures.Training.Sequences;
using Xunit.Abstractions;

namespace SynthFixtures.Training.Tests.Sequences;

/// <summary>PAR learns seasons from the index's calendar covariates, read by the GRU at every step.</summary>
public sealed class ParSeasonalCovariateTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("synthfixtures-par-season-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_seasonal_panel_keeps_its_level_by_quarter_and_the_file_keeps_the_covariates()
    {
        var csv = SeasonalPanel.Write(_folder);
        var path = Path.Combine(_folder, "seasonal.synth");
        var trainers = NeuralSequenceTrainers.AddTo(SequenceStepTrainers.Core);
        var trained = new SequenceTrainingService(ModelTrainers.Core, trainers).Train(new SequenceTrainingRequest
        {
            DataPath = csv,
            Sequence = new SequenceMetadata { EntityColumns = ["site"], IndexColumn = "day" },
            StepModelKind = SequenceModelKinds.Par,
            ModelPath = path,
            Settings = new Dictionary<string, string>
            {
                ["epochs"] = "15", ["batch-size"] = "10", ["hidden-width"] = "16", ["chunk-length"] = "73", ["learning-rate"] = "0.01", ["threads"] = "1",
            },
        }).Model;
        Assert.Equal("annual, weekly", trained.Covariates?.Describe());
        Assert.Equal(4, ((ParStepModel)trained.StepModel).Parameters.Covariates);

        var sample = trained.Sample(20, seed: 3).Rows.ToTable();
        var real = SeasonalPanel.QuarterMeans(SeasonalPanel.Read(csv));
        var synthetic = SeasonalPanel.QuarterMeans(Enumerable.Range(0, sample.RowCount).Select(r => (sample[r, 1], sample[r, 2])));
        output.WriteLine($"quarter means real {string.Join(", ", real.Select(m => m.ToString("F2")))}; synthetic {string.Join(", ", synthetic.Select(m => m.ToString("F2")))}");
        // The quarters' levels are about +6.4, +6.4, −6.4, −6.4; without the calendar every quarter comes out near one level.
        for (var q = 0; q < 4; q++) Assert.InRange(synthetic[q], real[q] - 1.5, real[q] + 1.5);

        var loaded = SequenceModelArtifact.Load(path);
        var again = loaded.Sample(20, seed: 3).Rows.ToTable();
        Assert.Equal(Enumerable.Range(0, sample.RowCount).Select(r => sample[r, 2]), Enumerable.Range(0, again.RowCount).Select(r => again[r, 2]));
    }
}
