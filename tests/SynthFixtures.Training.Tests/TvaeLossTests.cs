using SynthFixtures.Randomness;
using SynthFixtures.Training.Optimisation;
using SynthFixtures.Training.Tvae;
using SynthFixtures.Transforms.Modes;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Tests;

/// <summary>The batched TVAE loss equals the paper's per-span formula, in value and in gradient.</summary>
public class TvaeLossTests
{
    [Fact]
    public void Equals_the_per_span_formula_and_its_gradients()
    {
        TorchRuntime.EnsureLoaded();
        manual_seed(1);
        var (table, metadata) = TestTables.Small(64, withIdAndMissing: true);   // α, mode, missing-flag and label spans
        var transformer = ModeSpecificTransformer.Fit(table, metadata, new SynthRandom(1));
        var matrix = transformer.Transform(table, new SynthRandom(2));
        var spans = transformer.Spans;
        var width = transformer.Width;
        using var scope = NewDisposeScope();
        var real = tensor(matrix, [table.RowCount, width]);
        var mean = randn(table.RowCount, 4);
        var logVariance = randn(table.RowCount, 4) * 0.3;

        (double Loss, float[] Reconstruction, float[] Sigma) Evaluate(Func<Tensor, Tensor, Tensor> loss)
        {
            var reconstruction = randn(table.RowCount, width, generator: new Generator(7)).requires_grad_(true);
            var sigma = (rand(width, generator: new Generator(8)) * 0.5 + 0.05).requires_grad_(true);
            var value = loss(reconstruction, sigma);
            value.backward();
            return (value.item<float>(), reconstruction.grad!.data<float>().ToArray(), sigma.grad!.data<float>().ToArray());
        }

        using var batched = new TvaeLoss(spans, width, factor: 2);
        using var constants = new KeptScalars();
        var fast = Evaluate((x, s) => batched.Compute(x, real, s, mean, logVariance, constants));
        var reference = Evaluate((x, s) => PerSpan(x, real, s, spans, mean, logVariance, factor: 2));

        Assert.Equal(reference.Loss, fast.Loss, 1e-3 * Math.Abs(reference.Loss));
        Assert.Equal(reference.Reconstruction.Length, fast.Reconstruction.Length);
        for (var i = 0; i < fast.Reconstruction.Length; i++) Assert.Equal(reference.Reconstruction[i], fast.Reconstruction[i], 1e-5f);
        for (var i = 0; i < fast.Sigma.Length; i++) Assert.Equal(reference.Sigma[i], fast.Sigma[i], 1e-3f * Math.Max(1, Math.Abs(reference.Sigma[i])));
    }

    /// <summary>The loss as the paper writes it, one span at a time.</summary>
    private static Tensor PerSpan(Tensor reconstruction, Tensor real, Tensor sigma, IReadOnlyList<OutputSpan> spans, Tensor mean, Tensor logVariance, double factor)
    {
        var rows = real.shape[0];
        var total = zeros(1);
        foreach (var span in spans)
        {
            if (span.Activation == SpanActivation.Tanh)
            {
                var std = sigma[span.Start];
                var error = real[.., span.Start] - tanh(reconstruction[.., span.Start]);
                total = total + (error * error / (2 * std * std)).sum() + log(std) * rows;
            }
            else
            {
                var range = span.Start..(span.Start + span.Length);
                total = total + nn.functional.cross_entropy(reconstruction[.., range], real[.., range].argmax(1), reduction: nn.Reduction.Sum);
            }
        }
        var kl = -0.5 * (1 + logVariance - mean * mean - logVariance.exp()).sum() / rows;
        return (total * factor / rows).sum() + kl;
    }
}
