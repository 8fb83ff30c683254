using SynthFixtures.Models.Sequences.Par;
using SynthFixtures.Training.Optimisation;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Sequences;

/// <summary>
/// The PAR network's loss on a chunk, summed over its real steps: cross-entropy on every label, mode and present/missing
/// head, and for each present number the Gaussian negative log-likelihood of its α under its (true) mode's mean and σ,
/// <c>log σ + ½((α − μ)/σ)²</c> (the constant ½ log 2π left out), with log σ clamped as the sampler clamps it.
/// </summary>
internal static class ParLoss
{
    /// <summary>The summed loss of <paramref name="outputs"/> (<c>[batch, time, out]</c>) against <paramref name="chunk"/>'s targets.</summary>
    public static Tensor Sum(Tensor outputs, ParChunk chunk, ParOutputLayout layout, KeptScalars constants)
    {
        using var scope = NewDisposeScope();
        var scored = outputs.reshape(-1, layout.OutputWidth).index_select(0, chunk.Positions);
        var terms = new List<Tensor>();
        for (var h = 0; h < layout.Heads.Count; h++)
        {
            var head = layout.Heads[h];
            terms.Add(nn.functional.cross_entropy(scored.narrow(1, head.Logits, head.Count), chunk.Classes[h],
                ignore_index: ParTrainingData.Ignored, reduction: nn.Reduction.Sum));
            if (!head.IsNumeric) continue;
            if (head.Missing >= 0)
                terms.Add(nn.functional.cross_entropy(scored.narrow(1, head.Missing, 2), chunk.Missing[h], reduction: nn.Reduction.Sum));
            var mean = scored.narrow(1, head.Means, head.Count).gather(1, chunk.Modes[h]).squeeze(1);
            var logSigma = scored.narrow(1, head.LogSigmas, head.Count).gather(1, chunk.Modes[h]).squeeze(1)
                .clamp(constants[ParOutputLayout.MinLogSigma], constants[ParOutputLayout.MaxLogSigma]);
            var z = (chunk.Alphas[h] - mean) * logSigma.neg().exp();
            var nll = logSigma.Plus(z.square().mul(constants[0.5]));
            terms.Add((nll * chunk.AlphaMasks[h]).sum());
        }
        return stack(terms.ToArray()).sum().MoveToOuterDisposeScope();
    }
}
