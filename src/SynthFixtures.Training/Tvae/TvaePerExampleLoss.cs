using SynthFixtures.Training.Optimisation;
using SynthFixtures.Training.Privacy;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Tvae;

/// <summary>
/// TVAE's forward pass for DP-SGD: every parameter that sees real rows (the encoder's and decoder's Linear layers and
/// the decoder's σ) recorded for per-example gradients, and each row's loss apart. Neither network has a layer that
/// mixes rows, so row i's loss depends on row i alone.
/// </summary>
internal static class TvaePerExampleLoss
{
    /// <summary>Each row's loss, <c>[B]</c>, with the reparameterisation noise <paramref name="noise"/> (<c>[B, embedding]</c>).</summary>
    public static Tensor Compute(TvaeEncoder encoder, Sequential decoder, Parameter sigma, TvaeLoss loss, Tensor real, Tensor noise,
        PerExampleGradients recorder, KeptScalars k)
    {
        var hidden = recorder.Forward(encoder.Body, real);
        var mean = recorder.Linear(encoder.MeanLayer, hidden);
        var logVariance = recorder.Linear(encoder.LogVarianceLayer, hidden);
        var z = (noise * (logVariance * k[0.5]).exp()).Plus(mean);
        var reconstruction = recorder.Forward(decoder, z);
        var sigmaRows = recorder.PerRow(sigma, real.shape[0]);
        return loss.ComputePerRow(reconstruction, real, sigmaRows, mean, logVariance, k);
    }
}
