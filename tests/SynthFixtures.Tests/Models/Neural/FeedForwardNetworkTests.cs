using SynthFixtures.Models.Neural;
using SynthFixtures.Randomness;
using SynthFixtures.Transforms.Modes;

namespace SynthFixtures.Tests.Models.Neural;

/// <summary>Hand-computable checks of the pure-C# layers (parity with TorchSharp lives in SynthFixtures.Training.Tests).</summary>
public class FeedForwardNetworkTests
{
    [Fact]
    public void A_residual_block_and_linear_output_compute_what_the_formulas_say()
    {
        // x = (1, −2): linear → (1·1 + −2·0 + 0.5, 1·0 + −2·1 − 1) = (1.5, −3); BN with mean 1, var 4−ε, γ 2, β 0.1 → (0.6, −3.9); ReLU → (0.6, 0)
        var linear = new LinearLayer(2, 2, [1, 0, 0, 1], [0.5f, -1]);
        var norm = new BatchNormLayer(2, [2, 2], [0.1f, 0.1f], [1, 1], [4 - 1e-5f, 4 - 1e-5f]);
        var network = new FeedForwardNetwork([new ResidualLayer(linear, norm), new LinearLayer(4, 1, [1, 1, 1, 1], [0])]);

        var output = network.Forward([1, -2], 1);

        Assert.Equal(4, network.Layers[0].OutputWidth);
        Assert.Equal(0.6 + 0 + 1 - 2, output[0], 1e-5);
    }

    [Fact]
    public void Parallel_blocks_give_the_same_bits_as_one_core()
    {
        var random = new SynthRandom(3);
        float[] Values(int count) => Enumerable.Range(0, count).Select(_ => (float)random.NextNormal()).ToArray();
        var network = new FeedForwardNetwork(
        [
            new ResidualLayer(new LinearLayer(13, 9, Values(117), Values(9)), new BatchNormLayer(9, Values(9), Values(9), Values(9), Enumerable.Repeat(1.5f, 9).ToArray())),
            new LinearLayer(22, 5, Values(110), Values(5)),
        ]);
        var input = Values(301 * 13);

        var one = network.Forward(input, 301);

        Assert.Equal(one, network.Forward(input, 301, maxDegreeOfParallelism: -1));
        Assert.Equal(one.AsSpan(0, 7 * 5).ToArray(), network.Forward(input.AsSpan(0, 7 * 13), 7));   // a row's result does not depend on its block
    }

    [Fact]
    public void Activations_apply_elementwise()
    {
        var input = new float[] { -2, 0.5f };
        var output = new float[2];
        new ActivationLayer(2, Activation.LeakyReLU, 0.2f).Forward(input, output, 1);
        Assert.Equal([-0.4f, 0.5f], output);
        new ActivationLayer(2, Activation.ReLU).Forward(input, output, 1);
        Assert.Equal([0f, 0.5f], output);
        new ActivationLayer(2, Activation.Tanh).Forward(input, output, 1);
        Assert.Equal(MathF.Tanh(-2), output[0], 1e-6f);
    }

    [Fact]
    public void Rejects_layers_that_do_not_fit_together() =>
        Assert.Throws<ArgumentException>(() => new FeedForwardNetwork([new LinearLayer(2, 3, new float[6], new float[3]), new LinearLayer(2, 1, new float[2], new float[1])]));

    [Fact]
    public void Sampled_one_hots_follow_the_softmax_of_large_logits_in_every_span()
    {
        // exp(500) overflows float: only shifting each span by its own maximum keeps these finite. Two spans far
        // apart in scale, with an α between them, in rows wider than one vector.
        var spans = new[]
        {
            new OutputSpan("a", 0, 4, SpanActivation.Softmax, SpanRole.Category),
            new OutputSpan("x", 4, 1, SpanActivation.Tanh, SpanRole.Alpha),
            new OutputSpan("b", 5, 14, SpanActivation.Softmax, SpanRole.Category),
        };
        const int width = 19, rows = 20_000;
        var a = new[] { 500f, 500 + MathF.Log(2), 500 + MathF.Log(3), -500f };            // p = 1/6, 2/6, 3/6, 0
        var b = Enumerable.Range(0, 14).Select(k => k == 13 ? -80f : -100f).ToArray();     // p(13) = 1/(1 + 13e⁻²⁰) ≈ 1
        var values = new float[rows * width];
        for (var r = 0; r < rows; r++)
        {
            a.CopyTo(values, r * width);
            values[r * width + 4] = 0.5f;
            b.CopyTo(values, r * width + 5);
        }

        OutputActivation.Sample(values, width, spans, new SynthRandom(3));

        var counts = new int[4];
        for (var r = 0; r < rows; r++)
        {
            var row = values.AsSpan(r * width, width);
            Assert.Equal(1f, row[..4].ToArray().Sum());
            Assert.Equal(1f, row[5..].ToArray().Sum());
            Assert.Equal(1f, row[18]);
            Assert.Equal(MathF.Tanh(0.5f), row[4], 1e-6f);
            counts[row[..4].IndexOf(1f)]++;
        }
        Assert.Equal(0, counts[3]);
        for (var k = 0; k < 3; k++) Assert.InRange(counts[k] / (double)rows, (k + 1) / 6.0 - 0.015, (k + 1) / 6.0 + 0.015);
    }

    [Fact]
    public void Sampled_one_hots_follow_the_softmax_and_repeat_for_a_seed()
    {
        var spans = new[] { new OutputSpan("c", 0, 2, SpanActivation.Softmax, SpanRole.Category), new OutputSpan("x", 2, 1, SpanActivation.Tanh, SpanRole.Alpha) };
        var rows = 4000;
        float[] Draw(long seed)
        {
            var values = new float[rows * 3];
            for (var r = 0; r < rows; r++) (values[r * 3], values[r * 3 + 1], values[r * 3 + 2]) = (MathF.Log(3), 0, 10);
            OutputActivation.Sample(values, 3, spans, new SynthRandom(seed));
            return values;
        }

        var sample = Draw(5);

        Assert.Equal(sample, Draw(5));
        var firsts = Enumerable.Range(0, rows).Count(r => sample[r * 3] == 1);
        Assert.InRange(firsts, 2850, 3150);                       // softmax(ln 3, 0) = (0.75, 0.25)
        Assert.All(Enumerable.Range(0, rows), r => Assert.Equal(1, sample[r * 3] + sample[r * 3 + 1]));
        Assert.Equal(MathF.Tanh(10), sample[2], 1e-6f);

        var logits = new float[] { 0.1f, 0.9f, 0.3f };
        OutputActivation.ArgMax(logits, 3, spans);
        Assert.Equal([0f, 1f], logits[..2]);
    }
}
