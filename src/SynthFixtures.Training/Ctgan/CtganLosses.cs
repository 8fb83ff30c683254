using SynthFixtures.Training.Optimisation;
using SynthFixtures.Transforms.Modes;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Ctgan;

/// <summary>
/// CTGAN's output activation during training, the WGAN-GP gradient penalty and the conditional cross-entropy. Every
/// constant goes through <see cref="KeptScalars"/>: no implicit TorchSharp Scalar can be freed mid-call.
/// </summary>
internal static class CtganLosses
{
    /// <summary>tanh on each α and Gumbel-softmax at temperature <paramref name="tau"/> on each one-hot span.</summary>
    public static Tensor Activate(Tensor raw, IReadOnlyList<OutputSpan> spans, double tau, KeptScalars k)
    {
        var parts = new List<Tensor>(spans.Count);
        foreach (var span in spans)
        {
            var slice = raw[.., span.Start..(span.Start + span.Length)];
            if (span.Activation == SpanActivation.Tanh) parts.Add(tanh(slice));
            else
            {
                // Gumbel-softmax: softmax((logits + g) / τ) with g = −log(−log U).
                var gumbel = -(-(rand_like(slice).clamp_min(k[1e-10])).log()).log();
                parts.Add((slice.Plus(gumbel) / k[tau]).softmax(1));
            }
        }
        return cat(parts, 1);
    }

    /// <summary>λ · mean over packs of (‖∇D(x̂)‖₂ − 1)², x̂ interpolating real and fake with one α per pack.</summary>
    public static Tensor GradientPenalty(CtganDiscriminator discriminator, Tensor real, Tensor fake, double lambda, KeptScalars k)
    {
        var rows = real.shape[0];
        var width = real.shape[1];
        var pac = discriminator.Pac;
        var alpha = rand(rows / pac, 1, 1).expand(rows / pac, pac, width).reshape(rows, width);
        var interpolates = (alpha * real).Plus((ones_like(alpha) - alpha) * fake).detach().requires_grad_(true);
        var scores = discriminator.forward(interpolates);
        var gradients = autograd.grad([scores], [interpolates], [ones_like(scores)], retain_graph: true, create_graph: true)[0];
        var norms = gradients.reshape(-1, pac * width).square().sum(1).Plus(k[1e-12]).sqrt() - k[1];
        return (norms * norms).mean() * k[lambda];
    }

    /// <summary>Cross-entropy of each row's conditioned column (raw logits) against its condition, masked, summed and divided by the batch size.</summary>
    public static Tensor ConditionLoss(Tensor raw, IReadOnlyList<OutputSpan> categorySpans, Tensor conditions, Tensor mask, KeptScalars k)
    {
        var rows = raw.shape[0];
        var losses = new List<Tensor>(categorySpans.Count);
        var offset = 0;
        for (var c = 0; c < categorySpans.Count; c++)
        {
            var span = categorySpans[c];
            var target = conditions[.., offset..(offset + span.Length)].argmax(1);
            var loss = nn.functional.cross_entropy(raw[.., span.Start..(span.Start + span.Length)], target, reduction: nn.Reduction.None);
            losses.Add(loss * mask[.., c]);
            offset += span.Length;
        }
        return stack(losses, 1).sum() / k[rows];
    }
}
