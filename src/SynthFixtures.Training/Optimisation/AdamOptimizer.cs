using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Optimisation;

/// <summary>
/// Adam (Kingma and Ba, 2015) with L2 weight decay added to the gradient, the update PyTorch's <c>torch.optim.Adam</c>
/// documents: g ← ∇ + λθ; m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; θ ← θ − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε).
/// Ours rather than TorchSharp's <c>optim.Adam</c> for two reasons:
/// <list type="bullet">
/// <item>every constant is a <see cref="TorchSharp.Scalar"/> kept alive through the call that reads it (see
/// <see cref="KeptScalars"/>);</item>
/// <item>it updates all parameters in a handful of operations. The constructor moves the parameters (and their gradients)
/// into one flat buffer each, and leaves every parameter a view of its slice. Backward passes then accumulate into the
/// flat gradient, and one step is six whole-buffer operations instead of six per parameter. At TVAE's and CTGAN's sizes
/// the per-operation overhead is what a step costs.</item>
/// </list>
/// The arithmetic per element is torch's, so the result is the same as <c>optim.Adam</c>'s (tested). One difference:
/// a parameter that got no gradient in a step still steps with a zero gradient, where <c>optim.Adam</c> would skip
/// it. Our networks use every parameter in every step.
/// </summary>
internal sealed class AdamOptimizer : IDisposable
{
    private readonly Tensor _values;
    private readonly Tensor _gradients;
    private readonly Tensor _firstMoment;
    private readonly Tensor _secondMoment;
    private readonly KeptScalars _constants = new();
    private readonly double _learningRate, _beta1, _beta2, _epsilon, _weightDecay;
    private long _step;

    private const int AlignmentFloats = 16;

    /// <summary>Takes over <paramref name="parameters"/>: each becomes a view of the optimizer's flat buffer, with its gradient a view of the flat gradient.</summary>
    public AdamOptimizer(IEnumerable<Parameter> parameters, double learningRate, double beta1 = 0.9, double beta2 = 0.999,
        double epsilon = 1e-8, double weightDecay = 0)
    {
        var adopted = parameters.ToArray();
        if (adopted.Length == 0) throw new ArgumentException("Adam needs at least one parameter.", nameof(parameters));
        if (adopted.Any(p => p.dtype != ScalarType.Float32)) throw new ArgumentException("Adam's flat buffer holds float32 parameters only.", nameof(parameters));
        (_learningRate, _beta1, _beta2, _epsilon, _weightDecay) = (learningRate, beta1, beta2, epsilon, weightDecay);
        using var noGrad = no_grad();
        // Each slice starts on a 64-byte boundary, as libtorch's own allocations do: matrix kernels may round
        // differently on differently aligned data, and aligned data keeps training exactly as with separate tensors.
        var offsets = new long[adopted.Length];
        long total = 0;
        for (var i = 0; i < adopted.Length; i++)
        {
            offsets[i] = total;
            total += (adopted[i].numel() + AlignmentFloats - 1) / AlignmentFloats * AlignmentFloats;
        }
        // The padding between slices has value and gradient 0, so Adam leaves it 0.
        _values = zeros(total).DetachFromDisposeScope();
        _gradients = zeros_like(_values).DetachFromDisposeScope();
        _firstMoment = zeros_like(_values).DetachFromDisposeScope();
        _secondMoment = zeros_like(_values).DetachFromDisposeScope();
        for (var i = 0; i < adopted.Length; i++)
        {
            var parameter = adopted[i];
            var count = parameter.numel();
            using var scope = NewDisposeScope();
            var slice = _values.narrow(0, offsets[i], count).view(parameter.shape);
            slice.copy_(parameter);
            parameter.set_(slice);
            // A defined gradient is accumulated into in place, so backward passes write into the flat gradient.
            parameter.grad = _gradients.narrow(0, offsets[i], count).view(parameter.shape);
        }
    }

    /// <summary>Clears every parameter's gradient (one operation on the flat gradient).</summary>
    public void ZeroGrad() => _gradients.zero_();

    /// <summary>One update from the gradients the last backward pass left.</summary>
    public void Step()
    {
        _step++;
        var correction1 = 1 - Math.Pow(_beta1, _step);
        var correction2 = 1 - Math.Pow(_beta2, _step);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        // Per-step values: held in locals that live until after the calls, unlike implicit conversions.
        using var rootCorrection2 = Math.Sqrt(correction2).ToScalar();
        using var stepSize = (-_learningRate / correction1).ToScalar();
        var g = _weightDecay != 0 ? _gradients.add(_values, _constants[_weightDecay]) : _gradients;
        _firstMoment.mul_(_constants[_beta1]).add_(g, _constants[1 - _beta1]);
        _secondMoment.mul_(_constants[_beta2]).addcmul_(g, g, _constants[1 - _beta2]);
        var denominator = _secondMoment.sqrt().div_(rootCorrection2).PlusInPlace(_constants[_epsilon]);
        _values.addcdiv_(_firstMoment, denominator, stepSize);
        GC.KeepAlive(rootCorrection2);
        GC.KeepAlive(stepSize);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // The parameters' views keep the storage alive; these handles are only ours.
        foreach (var t in new[] { _values, _gradients, _firstMoment, _secondMoment }) t.Dispose();
        _constants.Dispose();
    }
}
