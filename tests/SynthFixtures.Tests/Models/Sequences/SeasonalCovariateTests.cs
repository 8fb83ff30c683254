using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Sequences;
using SynthFixtures.Models.Sequences;
using SynthFixtures.Tests.Cli;
using Xunit.Abstractions;

namespace SynthFixtures.Tests.Models.Sequences;

/// <summary>The lagged copula learns seasons from the index's calendar covariates.</summary>
public sealed class SeasonalCovariateTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_seasonal_panel_keeps_its_level_by_quarter_and_the_file_keeps_the_covariates()
    {
        var csv = SeasonalPanel.Write(_folder.Path);
        var path = _folder.File("seasonal.synth");
        var trained = new SequenceTrainingService(ModelTrainers.Core, SequenceStepTrainers.Core).Train(new SequenceTrainingRequest
        {
            DataPath = csv,
            Sequence = new SequenceMetadata { EntityColumns = ["site"], IndexColumn = "day" },
            StepModelKind = SequenceModelKinds.LaggedCopula,
            ModelPath = path,
        }).Model;
        Assert.Equal("annual, weekly", trained.Covariates?.Describe());

        var sample = trained.Sample(20, seed: 3).Rows.ToTable();
        var real = SeasonalPanel.QuarterMeans(SeasonalPanel.Read(csv));
        var synthetic = SeasonalPanel.QuarterMeans(Enumerable.Range(0, sample.RowCount).Select(r => (sample[r, 1], sample[r, 2])));
        output.WriteLine($"quarter means real {string.Join(", ", real.Select(m => m.ToString("F2")))}; synthetic {string.Join(", ", synthetic.Select(m => m.ToString("F2")))}");
        // The quarters' levels are about +6.4, +6.4, −6.4, −6.4; without the calendar every quarter comes out near 0.
        for (var q = 0; q < 4; q++) Assert.InRange(synthetic[q], real[q] - 1.5, real[q] + 1.5);

        // The file keeps the covariates: the loaded model samples the same steps.
        var loaded = SequenceModelArtifact.Load(path);
        Assert.Equal(trained.Covariates, loaded.Covariates, (a, b) => a!.Cycles.SequenceEqual(b!.Cycles));
        var again = loaded.Sample(20, seed: 3).Rows.ToTable();
        Assert.Equal(Enumerable.Range(0, sample.RowCount).Select(r => sample[r, 2]), Enumerable.Range(0, again.RowCount).Select(r => again[r, 2]));
    }

    [Fact]
    public void A_model_without_covariates_writes_no_covariate_fields()
    {
        var csv = SeasonalPanel.Write(_folder.Path, entities: 3, steps: 20);
        var path = _folder.File("rows.synth");
        var trained = new SequenceTrainingService(ModelTrainers.Core, SequenceStepTrainers.Core).Train(new SequenceTrainingRequest
        {
            DataPath = csv,
            Sequence = new SequenceMetadata { EntityColumns = ["site"] },   // file order: no calendar
            StepModelKind = SequenceModelKinds.LaggedCopula,
            ModelPath = path,
        }).Model;
        Assert.Null(trained.Covariates);
        var text = System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(path));
        Assert.DoesNotContain("covariate", text, StringComparison.OrdinalIgnoreCase);
    }
}
