using SynthFixtures.Transforms.Modes;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Tvae;

/// <summary>
/// TVAE's loss per row of a batch: factor · [Σ over α dimensions of (x − tanh x̂)²/(2σ²) + log σ, plus the
/// cross-entropy of each one-hot span against the true one] / B, plus KL(q(z|x) ‖ N(0, I)) / B.
/// </summary>
internal static class TvaeLoss
{
    public static Tensor Compute(Tensor reconstruction, Tensor real, Tensor sigma, IReadOnlyList<OutputSpan> spans,
        Tensor mean, Tensor logVariance, double factor)
    {
        var rows = real.shape[0];
        var terms = new List<Tensor>();
        foreach (var span in spans)
        {
            var start = span.Start;
            var end = span.Start + span.Length;
            if (span.Activation == SpanActivation.Tanh)
            {
                var std = sigma[start];
                var error = real[.., start] - tanh(reconstruction[.., start]);
                terms.Add((error * error / (2 * std * std)).sum());
                terms.Add(log(std) * rows);
            }
            else
            {
                var target = real[.., start..end].argmax(1);
                terms.Add(nn.functional.cross_entropy(reconstruction[.., start..end], target, reduction: nn.Reduction.Sum));
            }
        }
        var reconstructionLoss = stack(terms).sum() * factor / rows;
        var kl = -0.5 * (1 + logVariance - mean * mean - logVariance.exp()).sum() / rows;
        return reconstructionLoss + kl;
    }
}
