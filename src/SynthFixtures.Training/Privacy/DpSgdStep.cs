using SynthFixtures.Training.Optimisation;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Privacy;

/// <summary>
/// DP-SGD's private gradient (Abadi et al. 2016): each example's gradient over all the covered parameters clipped to
/// norm C, summed, Gaussian noise N(0, σ²C²) added to every coordinate, divided by the expected batch size q·n (not the
/// drawn one, which would itself depend on the data). Added to the parameters' <c>.grad</c> (zero them first), so a
/// gradient of terms that read no real rows can be added alongside.
/// </summary>
/// <param name="NoiseMultiplier">σ: the noise's standard deviation over C.</param>
/// <param name="MaxGradNorm">C, the clipping norm.</param>
/// <param name="ExpectedBatchSize">q·n.</param>
internal sealed record DpSgdStep(double NoiseMultiplier, double MaxGradNorm, double ExpectedBatchSize)
{
    /// <summary>Adds the private gradient of the examples in <paramref name="terms"/> into each covered parameter's gradient.</summary>
    /// <returns>How many examples were clipped (their norm exceeded C).</returns>
    public long Apply(PerExampleTerms terms, KeptScalars k)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var norms = terms.SquaredNorms().sqrt();
        var factors = (norms.Plus(k[1e-6]).reciprocal() * k[MaxGradNorm]).clamp_max(k[1.0]);
        var sums = terms.WeightedSums(factors);
        var parameters = terms.Parameters.ToArray();
        for (var i = 0; i < parameters.Length; i++) Write(parameters[i], sums[i], k);
        return norms.gt(k[MaxGradNorm]).sum().item<long>();
    }

    /// <summary>Adds the private gradient of an empty batch (nothing to clip: noise alone) to each of <paramref name="parameters"/>.</summary>
    public void ApplyEmpty(IEnumerable<TorchSharp.Modules.Parameter> parameters, KeptScalars k)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var parameter in parameters) Write(parameter, zeros_like(parameter), k);
    }

    private void Write(TorchSharp.Modules.Parameter parameter, Tensor clippedSum, KeptScalars k)
    {
        var noisy = clippedSum.Plus(randn_like(clippedSum) * k[NoiseMultiplier * MaxGradNorm]) / k[ExpectedBatchSize];
        if (parameter.grad is { } grad) grad.add_(noisy, k[1]);
        else parameter.grad = noisy.detach().clone().DetachFromDisposeScope();
    }
}
