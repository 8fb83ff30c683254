using System.Diagnostics;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Neural;
using SynthFixtures.Tests.TestData;
using SynthFixtures.Training.Ctgan;
using SynthFixtures.Training.Tvae;
using Xunit.Abstractions;

namespace SynthFixtures.Training.Tests;

/// <summary>
/// DP-SGD's cost on adult (32 561 rows, the papers' widths, batch 500, one thread): an epoch with per-example (TVAE)
/// or per-pac-group (CTGAN) clipping and noise against a plain epoch with the same number of steps. The target is at most 3×.
/// </summary>
public class DpSgdAdultCostTests(ITestOutputHelper output)
{
    private static readonly Lazy<(Table Table, TableMetadata Metadata)?> Adult = new(() =>
        Datasets.Path("adult", "adult.csv") is { } path ? (CsvTableReader.Read(path), TableProfiler.Profile(CsvTableReader.Read(path))) : null);

    [SkippableFact]
    public void A_dp_epoch_costs_at_most_three_plain_epochs()
    {
        Skip.If(Adult.Value is null, Datasets.Missing("adult", "adult.csv"));
        var (table, metadata) = Adult.Value!.Value;
        var network = new TvaeOptions { Epochs = 3, Threads = 1, Seed = 4 };
        var data = NeuralTrainingData.Prepare(table, metadata, network.Seed);

        var plain = EpochSeconds(progress => TvaeTrainer.Train(data.Matrix, data.Rows, data.Transformer.Spans, network, progress));
        var plan = SynthFixtures.Privacy.DpSgdPlan.For(data.Rows, network.BatchSize, network.Epochs, epsilon: null, noiseMultiplier: 1.0, delta: null, maxGradNorm: 1);
        var dp = EpochSeconds(progress => DpTvaeTrainer.Train(data.Matrix, data.Rows, data.Transformer.Spans, network, plan, progress));

        output.WriteLine($"plain TVAE epoch {plain:F2} s, DP-TVAE epoch {dp:F2} s: {dp / plain:F2}× ({plan.Steps / network.Epochs} steps per epoch each)");
        Assert.True(dp <= 3 * plain, $"A DP epoch took {dp:F2} s, {dp / plain:F2}× a plain one ({plain:F2} s).");
    }

    [SkippableFact]
    public void A_dp_ctgan_epoch_costs_at_most_three_plain_epochs()
    {
        Skip.If(Adult.Value is null, Datasets.Missing("adult", "adult.csv"));
        var (table, metadata) = Adult.Value!.Value;
        var network = new CtganOptions { Epochs = 3, Threads = 1, Seed = 4 };
        var data = NeuralTrainingData.Prepare(table, metadata, network.Seed);

        var plain = EpochSeconds(progress => CtganTrainer.Train(data.Matrix, data.Rows, data.Transformer.Spans, network, progress));
        var groups = DpCtganTrainer.Groups(data.Rows, network.Pac);
        var plan = SynthFixtures.Privacy.DpSgdPlan.For(groups, network.BatchSize / network.Pac, network.Epochs, epsilon: null, noiseMultiplier: 1.0, delta: null, maxGradNorm: 1);
        // The frequencies are the raw counts here: this measures the cost of an epoch, not a private model.
        var conditions = SynthFixtures.Models.Neural.ConditionVector.Count(data.Transformer.Spans, data.Matrix, data.Rows);
        var dp = EpochSeconds(progress => DpCtganTrainer.Train(data.Matrix, data.Rows, data.Transformer.Spans, network, plan, conditions, progress));

        output.WriteLine($"plain CTGAN epoch {plain:F2} s, DP-CTGAN epoch {dp:F2} s: {dp / plain:F2}× ({plan.Steps / network.Epochs} steps per epoch)");
        Assert.True(dp <= 3 * plain, $"A DP epoch took {dp:F2} s, {dp / plain:F2}× a plain one ({plain:F2} s).");
    }

    /// <summary>The fastest epoch after the first (which warms libtorch up).</summary>
    private static double EpochSeconds(Action<IProgress<TrainingProgress>> train)
    {
        var watch = Stopwatch.StartNew();
        var marks = new List<double>();
        train(new Marks(marks, watch));
        return marks.Zip(marks.Skip(1), (a, b) => b - a).Min();
    }

    private sealed class Marks(List<double> marks, Stopwatch watch) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => marks.Add(watch.Elapsed.TotalSeconds);
    }
}
