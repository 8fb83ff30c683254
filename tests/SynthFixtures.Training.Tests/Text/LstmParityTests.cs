using SynthFixtures.Randomness;
using SynthFixtures.Text.Learned;
using SynthFixtures.Training.Text;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Tests.Text;

/// <summary>The runtime's pure-C# <see cref="LstmNetwork"/> against TorchSharp's forward pass, on the exported weights.</summary>
public class LstmParityTests(ITestOutputHelper output)
{
    private const float Tolerance = 1e-4f;

    [Theory]
    [InlineData(1, 1f)]
    [InlineData(2, 1f)]
    [InlineData(2, 4f)]   // larger weights: saturated gates, large logits
    public void Exported_weights_give_TorchSharps_next_token_logits(int layers, float scale)
    {
        TorchRuntime.EnsureLoaded();
        manual_seed(11);
        const int vocabulary = 37;
        using var model = new LstmLanguageModel(vocabulary, embeddingWidth: 8, hiddenWidth: 24, layers);
        using (no_grad())
            foreach (var parameter in model.parameters()) parameter.mul_(scale);
        model.eval();
        var random = new SynthRandom(12);
        var prefixes = Enumerable.Range(0, 20).Select(_ => Enumerable.Range(0, 1 + random.NextInt(15)).Select(_ => random.NextInt(vocabulary)).ToArray()).ToList();

        var network = new LstmNetwork(vocabulary, 8, 24, layers, model.ExportWeights());
        var actual = network.NextTokenLogits(prefixes);

        var worst = 0f;
        using var noGrad = no_grad();
        for (var p = 0; p < prefixes.Count; p++)
        {
            using var tokens = tensor(prefixes[p].Select(t => (long)t).ToArray(), [1, prefixes[p].Length]);
            using var logits = model.forward(tokens);
            var expected = logits[0, -1].data<float>().ToArray();
            for (var v = 0; v < vocabulary; v++) worst = Math.Max(worst, Math.Abs(expected[v] - actual[p * vocabulary + v]));
        }
        output.WriteLine($"max |Δ| = {worst:E2}");
        Assert.True(worst < Tolerance * scale, $"max |Δ| = {worst:E2}");
    }
}
