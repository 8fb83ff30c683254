using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Optimisation;

/// <summary>
/// Adam (Kingma and Ba, 2015) with L2 weight decay added to the gradient, the update PyTorch's <c>torch.optim.Adam</c>
/// documents: g ← ∇ + λθ; m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; θ ← θ − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε).
/// Ours rather than TorchSharp's <c>optim.Adam</c> only because every constant here is a <see cref="TorchSharp.Scalar"/>
/// kept alive through the call that reads it (see <see cref="KeptScalars"/>); the arithmetic, and so every bit of
/// the result, is the same (tested).
/// </summary>
internal sealed class AdamOptimizer : IDisposable
{
    private readonly Parameter[] _parameters;
    private readonly Tensor[] _firstMoments;
    private readonly Tensor[] _secondMoments;
    private readonly KeptScalars _constants = new();
    private readonly double _learningRate, _beta1, _beta2, _epsilon, _weightDecay;
    private long _step;

    public AdamOptimizer(IEnumerable<Parameter> parameters, double learningRate, double beta1 = 0.9, double beta2 = 0.999,
        double epsilon = 1e-8, double weightDecay = 0)
    {
        _parameters = parameters.ToArray();
        (_learningRate, _beta1, _beta2, _epsilon, _weightDecay) = (learningRate, beta1, beta2, epsilon, weightDecay);
        using (no_grad())
        {
            _firstMoments = _parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
            _secondMoments = _parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        }
    }

    /// <summary>Clears every parameter's gradient.</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in _parameters) parameter.grad?.zero_();
    }

    /// <summary>One update from the gradients the last backward pass left.</summary>
    public void Step()
    {
        _step++;
        var correction1 = 1 - Math.Pow(_beta1, _step);
        var correction2 = 1 - Math.Pow(_beta2, _step);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        // Per-step values: held in locals that live until after the loop, unlike implicit conversions.
        using var rootCorrection2 = Math.Sqrt(correction2).ToScalar();
        using var stepSize = (-_learningRate / correction1).ToScalar();
        for (var i = 0; i < _parameters.Length; i++)
        {
            var parameter = _parameters[i];
            if (parameter.grad is not { } gradient) continue;
            var g = _weightDecay != 0 ? gradient.add(parameter, _constants[_weightDecay]) : gradient;
            _firstMoments[i].mul_(_constants[_beta1]).add_(g, _constants[1 - _beta1]);
            _secondMoments[i].mul_(_constants[_beta2]).addcmul_(g, g, _constants[1 - _beta2]);
            var denominator = _secondMoments[i].sqrt().div_(rootCorrection2).add_(_constants[_epsilon]);
            parameter.addcdiv_(_firstMoments[i], denominator, stepSize);
        }
        GC.KeepAlive(rootCorrection2);
        GC.KeepAlive(stepSize);
    }

    public void Dispose()
    {
        foreach (var moment in _firstMoments.Concat(_secondMoments)) moment.Dispose();
        _constants.Dispose();
    }
}
