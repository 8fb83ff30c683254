namespace SynthFixtures.Transforms.Modes;

/// <summary>
/// The variational posterior q of a truncated 1-D Dirichlet-process Gaussian mixture with K components: Beta(a, b)
/// per stick, Normal-Gamma (m, β, ν, W) per component, and the weighted statistics (N, x̄, S) it was computed from.
/// </summary>
internal sealed class MixturePosterior(int k)
{
    public int Count => M.Length;
    public readonly double[] A = new double[k], B = new double[k];
    public readonly double[] M = new double[k], BetaK = new double[k], Nu = new double[k], W = new double[k];
    public readonly double[] N = new double[k], Xbar = new double[k], S = new double[k];
}
