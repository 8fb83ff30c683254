using SynthFixtures.Models.Neural;
using Xunit.Abstractions;
using SynthFixtures.Training.Networks;
using SynthFixtures.Transforms.Modes;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Tests;

/// <summary>The runtime's pure-C# forward pass against TorchSharp's on the same random weights and inputs.</summary>
public class ForwardPassParityTests(ITestOutputHelper output)
{
    private const float Tolerance = 1e-5f;

    private static void Randomise(nn.Module network)
    {
        // BatchNorm starts as the identity (γ = 1, β = 0, mean 0, var 1): give it real statistics so parity means something.
        using var _ = no_grad();
        foreach (var (_, module) in network.named_modules())
            if (module is BatchNorm1d norm)
            {
                norm.weight!.uniform_(0.5, 1.5);
                norm.bias!.normal_(0, 0.3);
                norm.running_mean!.normal_(0, 0.5);
                norm.running_var!.uniform_(0.2, 2.0);
            }
    }

    private static (float[] Torch, float[] CSharp) Run(Sequential network, int rows, int width)
    {
        network.eval();
        using var input = randn(rows, width);
        using var output = network.forward(input);
        var expected = NetworkExport.Floats(output);
        // Through the artifact codec too, so what is sampled is what a .synth file would hold.
        var (layout, weights) = NetworkCodec.Write(NetworkExport.Export(network));
        var actual = NetworkCodec.Read(layout, weights).Forward(NetworkExport.Floats(input), rows);
        return (expected, actual);
    }

    private static float MaxAbsDifference(float[] a, float[] b)
    {
        Assert.Equal(a.Length, b.Length);
        return a.Zip(b, (x, y) => Math.Abs(x - y)).Max();
    }

    [Fact]
    public void The_CTGAN_generator_matches_TorchSharp()
    {
        TorchRuntime.EnsureLoaded();
        manual_seed(21);
        using var generator = CtganGenerator.Create(24, [32, 32], 12);
        Randomise(generator);

        var (expected, actual) = Run(generator, 64, 24);

        Assert.Equal(64 * 12, actual.Length);
        var difference = MaxAbsDifference(expected, actual);
        output.WriteLine($"max |Δ| = {difference:E2}");
        Assert.True(difference <= Tolerance, $"max |Δ| = {difference}");
    }

    [Fact]
    public void A_discriminator_style_stack_matches_TorchSharp()
    {
        TorchRuntime.EnsureLoaded();
        manual_seed(22);
        using var network = nn.Sequential(
            ("linear0", nn.Linear(20, 16)), ("leaky0", nn.LeakyReLU(0.2)), ("drop0", nn.Dropout(0.5)),
            ("linear1", nn.Linear(16, 16)), ("bn1", nn.BatchNorm1d(16)), ("relu1", nn.ReLU()),
            ("linear2", nn.Linear(16, 4)), ("tanh", nn.Tanh()));
        Randomise(network);

        var (expected, actual) = Run(network, 42, 20);   // not a multiple of 4: the four-row kernel and the single-row path

        var difference = MaxAbsDifference(expected, actual);
        output.WriteLine($"max |Δ| = {difference:E2}");
        Assert.True(difference <= Tolerance, $"max |Δ| = {difference}");
    }

    [Fact]
    public void Span_activations_match_TorchSharps_tanh_and_softmax()
    {
        TorchRuntime.EnsureLoaded();
        manual_seed(23);
        var spans = new[]
        {
            new OutputSpan("a", 0, 1, SpanActivation.Tanh, SpanRole.Alpha), new OutputSpan("a", 1, 3, SpanActivation.Softmax, SpanRole.Category),
            new OutputSpan("b", 4, 5, SpanActivation.Softmax, SpanRole.Category),
        };
        using var logits = randn(30, 9) * 3;
        using var expectedTensor = cat([tanh(logits[.., 0..1]), softmax(logits[.., 1..4], 1), softmax(logits[.., 4..9], 1)], 1);
        var expected = NetworkExport.Floats(expectedTensor);
        var actual = NetworkExport.Floats(logits);

        OutputActivation.Softmax(actual, 9, spans);

        var difference = MaxAbsDifference(expected, actual);
        output.WriteLine($"max |Δ| = {difference:E2}");
        Assert.True(difference <= Tolerance, $"max |Δ| = {difference}");
    }
}
