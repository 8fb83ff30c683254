using SynthFixtures.Training.Optimisation;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Privacy;

/// <summary>What <see cref="PerExampleGradients.Backward"/> leaves: enough to get each example's gradient norm and any weighted sum of the gradients.</summary>
internal sealed class PerExampleTerms(IReadOnlyList<LinearTerm> linears, IReadOnlyList<DirectTerm> direct)
{
    /// <summary>The recorded Linear layers.</summary>
    public IReadOnlyList<LinearTerm> Linears { get; } = linears;

    /// <summary>The parameters used directly.</summary>
    public IReadOnlyList<DirectTerm> Direct { get; } = direct;

    /// <summary>Every parameter the terms cover, in recording order (weight then bias per layer, then the direct ones).</summary>
    public IEnumerable<Parameter> Parameters =>
        Linears.SelectMany(l => l.Layer.bias is { } bias ? new[] { l.Layer.weight!, bias } : [l.Layer.weight!]).Concat(Direct.Select(d => d.Parameter));

    /// <summary>Each example's squared gradient norm over all covered parameters, <c>[B]</c> (ghost norms: nothing per example is materialised).</summary>
    public Tensor SquaredNorms()
    {
        Tensor? total = null;
        foreach (var (layer, input, g) in Linears)
        {
            var gSquared = g.square().sum(1);
            var term = gSquared * input.square().sum(1);
            if (layer.bias is not null) term = term.Plus(gSquared);
            total = total is null ? term : total.Plus(term);
        }
        foreach (var d in Direct)
        {
            var term = d.PerRowGradient.reshape(d.PerRowGradient.shape[0], -1).square().sum(1);
            total = total is null ? term : total.Plus(term);
        }
        return total ?? throw new InvalidOperationException("No parameter was recorded.");
    }

    /// <summary>Σᵢ wᵢ·∇θ lossᵢ for each covered parameter (same order as <see cref="Parameters"/>), <paramref name="weights"/> being <c>[B]</c>.</summary>
    public IReadOnlyList<Tensor> WeightedSums(Tensor weights)
    {
        var sums = new List<Tensor>();
        var column = weights.unsqueeze(1);
        foreach (var (layer, input, g) in Linears)
        {
            var weighted = g * column;
            sums.Add(weighted.t().mm(input));
            if (layer.bias is not null) sums.Add(weighted.sum(dim: 0));
        }
        foreach (var d in Direct)
        {
            var shape = new long[d.PerRowGradient.dim()];
            Array.Fill(shape, 1L);
            shape[0] = -1;
            sums.Add((d.PerRowGradient * weights.view(shape)).sum(dim: 0));
        }
        return sums;
    }

    /// <summary>Each example's gradient, materialised (<c>[B, ..parameter shape]</c> per parameter): for tests and audits, not for training.</summary>
    public IReadOnlyList<Tensor> Materialise()
    {
        var perExample = new List<Tensor>();
        foreach (var (layer, input, g) in Linears)
        {
            perExample.Add(einsum("bo,bi->boi", g, input));
            if (layer.bias is not null) perExample.Add(g);
        }
        perExample.AddRange(Direct.Select(d => d.PerRowGradient));
        return perExample;
    }
}
