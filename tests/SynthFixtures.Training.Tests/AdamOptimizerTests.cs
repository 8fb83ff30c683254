using SynthFixtures.Training.Optimisation;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Tests;

/// <summary>Our Adam (Scalars kept alive, one flat buffer for all parameters) gives exactly TorchSharp's <c>optim.Adam</c> updates.</summary>
public class AdamOptimizerTests
{
    [Theory]
    [InlineData(2e-4, 0.5, 0.9, 1e-6)]    // CTGAN's settings
    [InlineData(1e-3, 0.9, 0.999, 1e-5)]  // TVAE's
    public void Matches_TorchSharps_Adam_bit_for_bit(double learningRate, double beta1, double beta2, double weightDecay)
    {
        TorchRuntime.EnsureLoaded();
        (float[] Weights, float Loss) Train(bool ours)
        {
            manual_seed(11);
            using var network = nn.Sequential(("a", nn.Linear(6, 37)), ("relu", nn.ReLU()), ("b", nn.Linear(37, 1)));
            // Only the optimizer under test exists: ours makes the parameters views of its flat buffer.
            using var reference = ours ? null : optim.Adam(network.parameters(), learningRate, beta1, beta2, weight_decay: weightDecay);
            using var adam = ours ? new AdamOptimizer(network.parameters(), learningRate, beta1, beta2, weightDecay: weightDecay) : null;
            var loss = 0f;
            for (var step = 0; step < 25; step++)
            {
                using var scope = NewDisposeScope();
                var x = randn(32, 6);
                var target = x.sum(1, keepdim: true).sin();
                var value = (network.forward(x) - target).square().mean();
                if (ours) adam!.ZeroGrad(); else reference!.zero_grad();
                value.backward();
                if (ours) adam!.Step(); else reference!.step();
                loss = value.item<float>();
            }
            return (network.parameters().SelectMany(p => p.data<float>().ToArray()).ToArray(), loss);
        }

        var (theirs, mine) = (Train(ours: false), Train(ours: true));

        Assert.Equal(theirs.Weights, mine.Weights);
        Assert.Equal(theirs.Loss, mine.Loss);
    }
}
