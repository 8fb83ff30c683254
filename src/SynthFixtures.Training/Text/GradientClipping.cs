using SynthFixtures.Training.Optimisation;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Text;

/// <summary>
/// Scales the gradients down so their joint L2 norm is at most a bound (Pascanu et al., 2013): a recurrent network's
/// gradient occasionally explodes on a long text, and one such step can undo an epoch. Done with tensors only, so the
/// norm never has to be read back to the CPU.
/// </summary>
internal static class GradientClipping
{
    /// <summary>Clips the gradients of <paramref name="parameters"/> in place to norm <paramref name="maxNorm"/> (a constant in <paramref name="constants"/>).</summary>
    public static void Clip(IReadOnlyList<Parameter> parameters, double maxNorm, KeptScalars constants)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var squares = stack(parameters.Select(p => p.grad!.square().sum()).ToArray());
        var norm = squares.sum().sqrt();
        var factor = norm.Plus(constants[1e-6]).reciprocal().mul_(constants[maxNorm]).clamp_max_(constants[1.0]);
        foreach (var parameter in parameters) parameter.grad!.mul_(factor);
    }
}
