using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Neural;
using SynthFixtures.Randomness;
using SynthFixtures.Training.Tvae;
using SynthFixtures.Transforms.Modes;
using Xunit.Abstractions;

namespace SynthFixtures.Training.Tests;

public class TvaeTrainerTests(ITestOutputHelper output)
{
    [Fact]
    public void A_few_epochs_beat_an_untrained_decoder_on_column_shapes_and_report_progress()
    {
        var (table, metadata) = TestTables.Small(400);
        var transformer = ModeSpecificTransformer.Fit(table, metadata, new SynthRandom(1));
        var matrix = transformer.Transform(table, new SynthRandom(2));
        var options = new TvaeOptions { Epochs = 60, BatchSize = 50, EmbeddingWidth = 8, EncoderWidths = [32, 32], DecoderWidths = [32, 32], Seed = 3, Threads = 1 };
        var reports = new List<TrainingProgress>();

        var untrained = TvaeTrainer.Train(matrix, table.RowCount, transformer.Spans, options with { Epochs = 0 });
        var trained = TvaeTrainer.Train(matrix, table.RowCount, transformer.Spans, options, new SynchronousProgress(reports.Add));

        double Score(TvaeModel model) =>
            TestTables.ColumnShapes(table, transformer.InverseTransform(model.Sample(table.RowCount, new SynthRandom(4)), table.RowCount), metadata);
        var before = Score(untrained);
        var after = Score(trained);
        output.WriteLine($"column shapes: untrained {before:F3}, trained {after:F3}; loss {trained.EpochLosses[0]:F2} → {trained.EpochLosses[^1]:F2}");

        Assert.Equal(Enumerable.Range(1, 60), reports.Select(r => r.Epoch));
        Assert.True(trained.EpochLosses[^1] < trained.EpochLosses[0]);
        Assert.True(after > before + 0.15, $"untrained {before:F3}, trained {after:F3}");
        Assert.True(after > 0.75, $"trained {after:F3}");
    }

    [Fact]
    public void Training_is_deterministic_for_a_seed_and_can_be_cancelled()
    {
        var (table, metadata) = TestTables.Small(200);
        var transformer = ModeSpecificTransformer.Fit(table, metadata, new SynthRandom(5));
        var matrix = transformer.Transform(table, new SynthRandom(6));
        var options = new TvaeOptions { Epochs = 2, BatchSize = 50, EmbeddingWidth = 8, EncoderWidths = [16], DecoderWidths = [16], Seed = 7, Threads = 1 };

        var a = TvaeTrainer.Train(matrix, table.RowCount, transformer.Spans, options);
        var b = TvaeTrainer.Train(matrix, table.RowCount, transformer.Spans, options);
        Assert.Equal(a.EpochLosses, b.EpochLosses);
        Assert.Equal(a.Sample(50, new SynthRandom(8)), b.Sample(50, new SynthRandom(8)));

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => TvaeTrainer.Train(matrix, table.RowCount, transformer.Spans, options, cancellationToken: cancelled.Token));
    }
}
