using SynthFixtures.Models.Sequences.Par;
using SynthFixtures.Training.Networks;
using SynthFixtures.Training.Sequences;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Tests.Sequences;

/// <summary>The runtime's pure-C# GRU against TorchSharp's on the same weights and input sequences.</summary>
public sealed class ParForwardParityTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void The_exported_GRU_gives_TorchSharps_outputs_at_every_step(int layers)
    {
        TorchRuntime.EnsureLoaded();
        manual_seed(17 + layers);
        const int batch = 3, time = 40, inputs = 11, hidden = 24, outputs = 9;
        using var network = new ParNetwork(inputs, hidden, layers, outputs);
        network.eval();
        using var input = randn(batch, time, inputs);
        var (torchOutputs, last) = network.Forward(input, null);
        using var _ = torchOutputs;
        last.Dispose();
        var expected = NetworkExport.Floats(torchOutputs);

        var gru = new GruNetwork(inputs, hidden, layers, outputs, network.ExportWeights());
        var x = NetworkExport.Floats(input);
        var actual = new float[batch * time * outputs];
        for (var b = 0; b < batch; b++)
        {
            var state = gru.NewState();
            for (var t = 0; t < time; t++)
                gru.Step(state, x.AsSpan((b * time + t) * inputs, inputs), actual.AsSpan((b * time + t) * outputs, outputs));
        }

        var difference = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        output.WriteLine($"max |Δ| over {batch} × {time} steps = {difference:E2}");
        Assert.True(difference < 1e-5f, $"max |Δ| = {difference}");
    }
}
