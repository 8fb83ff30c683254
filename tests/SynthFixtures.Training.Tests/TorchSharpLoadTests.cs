using SynthFixtures.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Tests;

public class TorchSharpLoadTests
{
    [Fact]
    public void Loads_libtorch()
    {
        var version = TorchRuntime.EnsureLoaded();
        Assert.StartsWith("2.", version);
        using var x = ones(2, 3);
        Assert.Equal(6f, x.sum().item<float>());
    }

    [Fact]
    public void A_tiny_Adam_loop_reduces_a_regression_loss()
    {
        TorchRuntime.EnsureLoaded();
        manual_seed(1);
        using var input = randn(64, 3);
        using var target = input.matmul(tensor(new float[] { 1, -2, 0.5f }).reshape(3, 1)) + 0.3f;
        using var model = nn.Linear(3, 1);
        using var optimizer = optim.Adam(model.parameters(), lr: 0.05);
        float first = 0, last = 0;
        for (var step = 0; step < 100; step++)
        {
            optimizer.zero_grad();
            using var loss = nn.functional.mse_loss(model.forward(input), target);
            loss.backward();
            optimizer.step();
            if (step == 0) first = loss.item<float>();
            last = loss.item<float>();
        }
        Assert.True(last < first / 10, $"loss {first} → {last}");
    }
}
