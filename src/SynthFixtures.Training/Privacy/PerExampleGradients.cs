using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Privacy;

/// <summary>
/// Records a forward pass so that each example's gradient can be had without batches of one. A Linear layer's
/// per-example weight gradient is the outer product gᵢᵀaᵢ of its output gradient and its input (bias: gᵢ), so one
/// backward pass to the layers' outputs is enough; the squared norm of that outer product is ‖gᵢ‖²·‖aᵢ‖² (the "ghost
/// norm"), and the clipped sum Σᵢ cᵢ·gᵢᵀaᵢ is one matrix product (c ⊙ g)ᵀa. Neither materialises a gradient per example.
/// A parameter used directly (TVAE's σ) is broadcast to one copy per example, whose gradients are the per-example ones.
/// </summary>
/// <remarks>
/// Only layers whose output row i depends on input row i alone may be recorded or run in between: Linear, element-wise
/// activations and Dropout (its mask is per element). <see cref="Forward"/> refuses anything else, BatchNorm in
/// particular (it mixes the rows of a batch, so one row's change reaches every other row's gradient). Each layer may be
/// recorded once per pass: a second use would add cross terms the ghost norm does not see.
/// </remarks>
internal sealed class PerExampleGradients
{
    private readonly List<(Linear Layer, Tensor Input, Tensor Output)> _linears = [];
    private readonly List<(Parameter Parameter, Tensor PerRow)> _direct = [];

    /// <summary>Runs <paramref name="layer"/> on <paramref name="input"/> (<c>[B, in]</c>) and records both.</summary>
    public Tensor Linear(Linear layer, Tensor input)
    {
        if (_linears.Any(l => ReferenceEquals(l.Layer, layer)))
            throw new InvalidOperationException("A Linear layer was used twice in one per-example pass; its per-example norm would miss the cross terms.");
        if (input.dim() != 2) throw new ArgumentException($"Per-example Linear expects [rows, features] inputs; got {input.dim()} dimensions.", nameof(input));
        var output = nn.functional.linear(input, layer.weight!, layer.bias);
        _linears.Add((layer, input.detach(), output));
        return output;
    }

    /// <summary>One copy of <paramref name="parameter"/> per row (<c>[rows, ..shape]</c>), to use in place of the parameter.</summary>
    public Tensor PerRow(Parameter parameter, long rows)
    {
        if (_direct.Any(d => ReferenceEquals(d.Parameter, parameter)))
            throw new InvalidOperationException("A parameter was broadcast twice in one per-example pass.");
        var perRow = parameter.unsqueeze(0).expand([rows, .. parameter.shape]);
        _direct.Add((parameter, perRow));
        return perRow;
    }

    /// <summary>Runs a Sequential of Linear, ReLU, LeakyReLU, Tanh and Dropout layers, recording each Linear.</summary>
    /// <exception cref="NotSupportedException">A layer that mixes rows (BatchNorm) or is not known to be per-example.</exception>
    public Tensor Forward(Sequential body, Tensor input)
    {
        var x = input;
        foreach (var (name, module) in body.named_children())
        {
            x = module switch
            {
                Linear linear => Linear(linear, x),
                ReLU or LeakyReLU or Tanh or Dropout => ((nn.Module<Tensor, Tensor>)module).forward(x),
                _ => throw new NotSupportedException(
                    $"Layer '{name}' ({module.GetType().Name}) is not per-example (or not known to be): DP-SGD cannot clip each row's gradient through it."),
            };
        }
        return x;
    }

    /// <summary>
    /// The per-example terms of <paramref name="perRowLoss"/> (<c>[B]</c>, row i's loss depending on row i only): one
    /// backward pass to every recorded output.
    /// </summary>
    public PerExampleTerms Backward(Tensor perRowLoss)
    {
        var targets = _linears.Select(l => l.Output).Concat(_direct.Select(d => d.PerRow)).ToArray();
        var gradients = autograd.grad([perRowLoss.sum()], targets, allow_unused: true);
        var linears = _linears.Select((l, i) => new LinearTerm(l.Layer, l.Input, OrZeros(gradients[i], l.Output))).ToArray();
        var direct = _direct.Select((d, i) => new DirectTerm(d.Parameter, OrZeros(gradients[_linears.Count + i], d.PerRow))).ToArray();
        return new PerExampleTerms(linears, direct);
    }

    private static Tensor OrZeros(Tensor? gradient, Tensor like) => gradient is null || gradient.IsInvalid ? zeros_like(like) : gradient;
}

/// <summary>A recorded Linear layer: its input <c>[B, in]</c> and the loss's gradient at its output <c>[B, out]</c>.</summary>
internal sealed record LinearTerm(Linear Layer, Tensor Input, Tensor OutputGradient);

/// <summary>A parameter used directly: the loss's gradient at each row's copy, <c>[B, ..shape]</c>.</summary>
internal sealed record DirectTerm(Parameter Parameter, Tensor PerRowGradient);
