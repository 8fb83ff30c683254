using static TorchSharp.torch;

namespace SynthFixtures.Training.Tests;

/// <summary>libtorch flushes subnormal floats to zero once training has started (they made TVAE epochs 3× slower).</summary>
public class FlushDenormalsTests
{
    [Fact]
    public void Subnormal_results_become_zero_on_the_training_thread()
    {
        TorchRuntime.EnsureLoaded();
        Assert.True(FlushDenormals.Enable(), "libtorch could not set flush-to-zero on this CPU");
        using var tiny = tensor(new[] { 1e-20f, 1f });
        using var product = tiny * tiny;   // 1e-40: subnormal (below 1.2e-38, above 1.4e-45), so only flushing makes it 0
        Assert.Equal([0f, 1f], product.data<float>().ToArray());
    }
}
