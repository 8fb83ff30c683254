using TorchSharp;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Optimisation;

/// <summary>
/// Tensor addition without a Scalar that can die mid-call. TorchSharp's <c>+</c> and one-argument <c>add</c>/<c>add_</c>
/// make a Scalar 1 for the alpha they pass to libtorch and do not keep it alive during the call (see
/// <see cref="KeptScalars"/>); these pass a static one. (Its subtraction takes no alpha, so <c>−</c> is safe.)
/// <c>ImplicitScalarTests</c> checks that the training code adds no other way.
/// </summary>
internal static class KeptArithmetic
{
    /// <summary>Held by a static field, so reachable for the life of the process and never finalized.</summary>
    private static readonly Scalar One = 1.ToScalar();

    /// <summary><paramref name="a"/> + <paramref name="b"/>.</summary>
    public static Tensor Plus(this Tensor a, Tensor b) => a.add(b, One);

    /// <summary><paramref name="a"/> + <paramref name="b"/> (a kept Scalar).</summary>
    public static Tensor Plus(this Tensor a, Scalar b) => a.add(b, One);

    /// <summary>In place: <paramref name="a"/> += <paramref name="b"/> (a kept Scalar).</summary>
    public static Tensor PlusInPlace(this Tensor a, Scalar b) => a.add_(b, One);
}
