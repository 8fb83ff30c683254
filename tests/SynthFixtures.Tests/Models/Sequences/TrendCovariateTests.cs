using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Sequences;
using SynthFixtures.Models.Sequences;
using SynthFixtures.Sampling;
using SynthFixtures.Tests.Cli;
using Xunit.Abstractions;

namespace SynthFixtures.Tests.Models.Sequences;

/// <summary>The lagged copula follows a trend in an integer index through the position and index-value covariates.</summary>
public sealed class TrendCovariateTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_trending_panel_keeps_its_slope_by_position_and_samples_the_same_on_any_thread_count_and_after_loading()
    {
        var csv = TrendPanel.Write(_folder.Path);
        var path = _folder.File("trend.synth");
        var trained = new SequenceTrainingService(ModelTrainers.Core, SequenceStepTrainers.Core).Train(new SequenceTrainingRequest
        {
            DataPath = csv,
            Sequence = new SequenceMetadata { EntityColumns = ["unit"], IndexColumn = "year" },
            StepModelKind = SequenceModelKinds.LaggedCopula,
            ModelPath = path,
        }).Model;
        Assert.Equal("position, index value", trained.Covariates?.Describe());
        Assert.Equal(2, trained.StepModel.CovariateCount);

        var sample = trained.Sample(60, seed: 3).Rows.ToTable();
        var real = TrendPanel.PositionSlope(TrendPanel.Read(csv));
        var synthetic = TrendPanel.PositionSlope(Enumerable.Range(0, sample.RowCount).Select(r => (sample[r, 0], sample[r, 2])));
        output.WriteLine($"slope of the step means by position: real {real:F3}, synthetic {synthetic:F3}");
        // The real level rises 0.5 a step; a stationary copula without the covariates gives a flat line after the first step (≈ 0.1).
        Assert.InRange(synthetic, real - 0.12, real + 0.12);
        // Absolute time: units that start later start higher (the index value, not the position, says so); without the
        // covariates the gap between late and early starters' first values comes out near 0.4.
        var realGap = TrendPanel.LateStartGap(TrendPanel.ReadWithYears(csv));
        var syntheticGap = TrendPanel.LateStartGap(Enumerable.Range(0, sample.RowCount).Select(r => (sample[r, 0], sample[r, 1], sample[r, 2])));
        output.WriteLine($"late minus early starters' first values: real {realGap:F2}, synthetic {syntheticGap:F2}");
        Assert.InRange(syntheticGap, realGap - 1, realGap + 1);

        string Write(SequenceModel model, int threads, string name)
        {
            var file = _folder.File(name);
            SequenceSamplingService.Sample(new SequenceSamplingRequest
            {
                Model = model, Entities = 200, OutputPath = file, Seed = 5, Options = new SamplingOptions { MaxDegreeOfParallelism = threads, ChunkRows = 500 },
            });
            return File.ReadAllText(file);
        }
        var one = Write(trained, 1, "a.csv");
        Assert.Equal(one, Write(trained, 2, "b.csv"));
        var loaded = SequenceModelArtifact.Load(path);
        Assert.Equal(trained.Covariates!.Position, loaded.Covariates!.Position);
        Assert.Equal(trained.Covariates.IndexValue, loaded.Covariates.IndexValue);
        Assert.Equal(one, Write(loaded, 2, "c.csv"));
        Assert.Contains("\"position\":{", System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(path)), StringComparison.Ordinal);
    }
}
