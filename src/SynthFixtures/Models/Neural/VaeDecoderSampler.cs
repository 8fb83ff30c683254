using SynthFixtures.Randomness;
using SynthFixtures.Transforms.Modes;

namespace SynthFixtures.Models.Neural;

/// <summary>
/// Samples a TVAE decoder in pure C#: z ~ N(0, I), decode, tanh on each α plus N(0, σ) noise with the learned σ,
/// and the one-hot of the largest output on each one-hot span. The result goes to
/// <see cref="ModeSpecificTransformer.InverseTransform"/>, which clips α to ±1.
/// </summary>
public static class VaeDecoderSampler
{
    /// <summary>Draws <paramref name="rows"/> rows, row-major in the spans' layout.</summary>
    /// <param name="decoder">z → raw outputs; its input width is the latent width.</param>
    /// <param name="sigmas">σ per output dimension.</param>
    /// <param name="spans">The output layout.</param>
    /// <param name="rows">Rows to draw.</param>
    /// <param name="random">Drives z and the α noise.</param>
    public static float[] Sample(FeedForwardNetwork decoder, ReadOnlySpan<float> sigmas, IReadOnlyList<OutputSpan> spans, int rows, SynthRandom random)
    {
        var output = SampleLogits(decoder, sigmas, spans, rows, random);
        OutputActivation.OneHots(output, decoder.OutputWidth, spans);
        return output;
    }

    /// <summary>
    /// As <see cref="Sample"/>, but the one-hot spans keep the decoder's raw outputs: their argmax is the same one-hot,
    /// and <see cref="ModeSpecificTransformer.DecodeInto"/> takes it anyway, so the sampler skips writing it.
    /// </summary>
    internal static float[] SampleLogits(FeedForwardNetwork decoder, ReadOnlySpan<float> sigmas, IReadOnlyList<OutputSpan> spans, int rows, SynthRandom random)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(spans);
        ArgumentNullException.ThrowIfNull(random);
        if (rows < 0) throw new ArgumentOutOfRangeException(nameof(rows));
        var width = decoder.OutputWidth;
        if (sigmas.Length != width) throw new ArgumentException($"Expected {width} σ values.", nameof(sigmas));
        var z = new float[rows * decoder.InputWidth];
        random.FillNormal(z);
        var output = decoder.Forward(z, rows);
        var alphas = spans.Where(s => s.Activation == SpanActivation.Tanh).Select(s => s.Start).ToArray();
        var noise = new float[rows * alphas.Length];
        random.FillNormal(noise);
        for (var row = 0; row < rows; row++)
            for (var a = 0; a < alphas.Length; a++)
            {
                ref var alpha = ref output[row * width + alphas[a]];
                alpha = MathF.Tanh(alpha) + sigmas[alphas[a]] * noise[row * alphas.Length + a];
            }
        return output;
    }
}
