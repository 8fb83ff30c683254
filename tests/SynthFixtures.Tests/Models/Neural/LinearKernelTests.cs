using System.Runtime.Intrinsics;
using SynthFixtures.Models.Neural;
using SynthFixtures.Randomness;

namespace SynthFixtures.Tests.Models.Neural;

/// <summary>The linear layer's tiled kernel against the textbook formula, on the shapes and inputs it special-cases.</summary>
public class LinearKernelTests
{
    [Theory]
    [InlineData(13, 9, 7)]      // one tail tile, 4-row groups and a single row
    [InlineData(232, 256, 9)]   // CTGAN's first layer: whole 24-wide tiles and a 16-wide rest
    [InlineData(40, 149, 5)]    // an output width that is not a whole vector
    [InlineData(21, 40, 17)]    // 8-row groups over inputs that are not whole transposes of 8, then a single row
    public void Computes_Wx_plus_b_whatever_the_tiling(int inputs, int outputs, int rows)
    {
        var random = new SynthRandom(inputs * 1000 + outputs);
        var (weight, bias, input) = (Values(random, inputs * outputs), Values(random, outputs), Values(random, rows * inputs));
        // Sparse rows, as CTGAN's condition vector and ReLU outputs give: the kernel skips inputs that are zero in a group.
        for (var i = 0; i < input.Length; i++) if (i % inputs > inputs / 2 && random.NextDouble() < 0.8) input[i] = 0;
        var output = new float[rows * outputs];

        new LinearLayer(inputs, outputs, weight, bias).Forward(input, output, rows);

        for (var r = 0; r < rows; r++)
            for (var o = 0; o < outputs; o++)
            {
                var expected = (double)bias[o];
                for (var i = 0; i < inputs; i++) expected += (double)weight[o * inputs + i] * input[r * inputs + i];
                Assert.Equal(expected, output[r * outputs + o], 1e-4);
            }
    }

    [Fact]
    public void A_rows_result_does_not_depend_on_the_rows_beside_it()
    {
        var random = new SynthRandom(8);
        const int inputs = 50, outputs = 30;
        var layer = new LinearLayer(inputs, outputs, Values(random, inputs * outputs), Values(random, outputs));
        var input = Values(random, 8 * inputs);
        input.AsSpan(0, inputs).Clear();           // an all-zero row beside dense ones
        var together = new float[8 * outputs];
        layer.Forward(input, together, 8);
        for (var r = 0; r < 8; r++)
        {
            var alone = new float[outputs];
            layer.Forward(input.AsSpan(r * inputs, inputs), alone, 1);
            Assert.Equal(alone, together.AsSpan(r * outputs, outputs).ToArray());
        }
    }

    [Fact]
    public void The_256_and_512_bit_kernels_give_the_same_bits()
    {
        // Each output lane is the same chain of fused multiply-adds in both, so machines with and without AVX-512 agree.
        var random = new SynthRandom(10);
        const int inputs = 61, outputs = 149;
        var layer = new LinearLayer(inputs, outputs, Values(random, inputs * outputs), Values(random, outputs));
        var input = Values(random, 4 * inputs);
        var active = Enumerable.Range(0, inputs).Where(i => i % 7 != 3).ToArray();   // some inputs skipped, as zeros would be
        foreach (var relu in new[] { false, true })
        {
            var (narrow, wide) = (new float[4 * outputs], new float[4 * outputs]);
            LinearKernel<Vectors256, Vector256<float>>.FourRows(layer.KernelWeights, input, active, narrow, outputs, relu);
            LinearKernel<Vectors512, Vector512<float>>.FourRows(layer.KernelWeights, input, active, wide, outputs, relu);
            Assert.Equal(narrow, wide);
            var (one256, one512) = (new float[outputs], new float[outputs]);
            LinearKernel<Vectors256, Vector256<float>>.OneRow(layer.KernelWeights, input.AsSpan(inputs, inputs), active, one256, relu);
            LinearKernel<Vectors512, Vector512<float>>.OneRow(layer.KernelWeights, input.AsSpan(inputs, inputs), active, one512, relu);
            Assert.Equal(one256, one512);
            Assert.Equal(narrow.AsSpan(outputs, outputs).ToArray(), one256);
        }
    }

    [Fact]
    public void A_residual_block_folds_batch_norm_without_changing_its_result()
    {
        var random = new SynthRandom(9);
        const int inputs = 20, hidden = 12, rows = 6;
        var linear = new LinearLayer(inputs, hidden, Values(random, inputs * hidden), Values(random, hidden));
        var norm = new BatchNormLayer(hidden, Values(random, hidden), Values(random, hidden), Values(random, hidden),
            Values(random, hidden).Select(v => Math.Abs(v) + 0.1f).ToArray());
        var input = Values(random, rows * inputs);
        var linearOut = new float[rows * hidden];
        var normalised = new float[rows * hidden];
        linear.Forward(input, linearOut, rows);
        norm.Forward(linearOut, normalised, rows);

        var output = new float[rows * (hidden + inputs)];
        new ResidualLayer(linear, norm).Forward(input, output, rows);

        for (var r = 0; r < rows; r++)
        {
            for (var h = 0; h < hidden; h++) Assert.Equal(Math.Max(0, normalised[r * hidden + h]), output[r * (hidden + inputs) + h], 1e-5f);
            Assert.Equal(input.AsSpan(r * inputs, inputs).ToArray(), output.AsSpan(r * (hidden + inputs) + hidden, inputs).ToArray());
        }
    }

    private static float[] Values(SynthRandom random, int count)
    {
        var values = new float[count];
        random.FillNormal(values);
        return values;
    }
}
