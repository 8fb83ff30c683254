using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Neural;
using System.Runtime.InteropServices;
using SynthFixtures.Randomness;
using SynthFixtures.Transforms.Modes;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Tests;

/// <summary>
/// Training flushes subnormal floats (they made TVAE epochs 3× slower as it trained), on a thread of its own so the
/// mode never reaches the caller; and the pure-C# code that runs during training stays correct under it.
/// </summary>
public class TrainingThreadTests
{
    private static float SquareOfTiny()
    {
        using var tiny = tensor(new[] { 1e-20f });
        using var product = tiny * tiny;   // 1e-40 is subnormal (below 1.2e-38, above 1.4e-45): only flushing makes it 0
        return product.data<float>()[0];
    }

    [Fact]
    public void Subnormals_are_flushed_on_the_training_thread_and_not_on_the_callers()
    {
        TorchRuntime.EnsureLoaded();
        var onTrainingThread = TrainingThread.Run(() =>
        {
            TrainingSetup.StartTorch(threads: null, seed: 1);
            return SquareOfTiny();
        });

        Assert.Equal(0f, onTrainingThread);
        Assert.True(SquareOfTiny() > 0, "the caller's thread must keep IEEE subnormals");
    }

    [Fact]
    public void Flush_to_zero_works_here_so_setup_has_no_warning()
    {
        var warning = TrainingThread.Run(() => TrainingSetup.StartTorch(threads: null, seed: 1));

        Assert.Null(warning);
    }

    [Fact]
    public void A_failed_flush_to_zero_switch_becomes_a_warning_on_x86_only()
    {
        var warning = TrainingThread.Run(() => TrainingSetup.StartTorch(threads: null, seed: 1, enableFlush: () => "this CPU does not support it"));

        if (RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.X86)
        {
            Assert.NotNull(warning);
            Assert.Contains("flush-to-zero", warning, StringComparison.Ordinal);
            Assert.Contains("this CPU does not support it", warning, StringComparison.Ordinal);
            Assert.Contains("3× slower", warning, StringComparison.Ordinal);
        }
        Assert.Null(TrainingSetup.FlushWarning("this CPU does not support it", Architecture.Arm64)); // subnormals cost nothing there
        Assert.NotNull(TrainingSetup.FlushWarning("this CPU does not support it", Architecture.X64));
    }

    [Fact]
    public void A_trainer_reports_no_warning_when_setup_had_none()
    {
        var (table, metadata) = TestTables.Small(100);
        var reports = new List<TrainingProgress>();
        Tvae.TvaeSynthesizer.Train(table, metadata, new TvaeOptions { Epochs = 2, EmbeddingWidth = 4, EncoderWidths = [8], DecoderWidths = [8], Threads = 1 },
            new SynchronousProgress(reports.Add));

        Assert.Equal(2, reports.Count);
        Assert.All(reports, r => Assert.Null(r.Warning));
    }

    [Fact]
    public void Starting_torch_off_the_training_thread_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => TrainingSetup.StartTorch(threads: null, seed: 1));
    }

    [Fact]
    public void A_training_threads_exception_reaches_the_caller()
    {
        var e = Assert.Throws<OperationCanceledException>(() => TrainingThread.Run<int>(() => throw new OperationCanceledException("stop")));
        Assert.Equal("stop", e.Message);
    }

    [Fact]
    public void The_mixture_fit_stays_finite_when_subnormals_are_flushed()
    {
        // The mixture once floored empty components with a subnormal, which flushing turned into 0/0 (NaN weights).
        // Two far modes leave most of the ten starting components empty.
        var random = new SynthRandom(5);
        var values = Enumerable.Range(0, 3000).Select(i => (i % 2 == 0 ? -50 : 50) + random.NextNormal()).ToArray();

        var weights = TrainingThread.Run(() =>
        {
            TrainingSetup.StartTorch(threads: null, seed: 1);
            return ModeNormalizer.Fit(values, new SynthRandom(5)).Parameters.Weights;
        });

        Assert.All(weights, w => Assert.True(double.IsFinite(w) && w > 0, $"weight {w}"));
        Assert.Equal(2, weights.Length);
    }
}
