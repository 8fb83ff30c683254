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
