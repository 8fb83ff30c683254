using System.Buffers;
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
        if (rows < 0) throw new ArgumentOutOfRangeException(nameof(rows));
        var output = new float[rows * decoder.OutputWidth];
        SampleLogitsInto(decoder, sigmas, spans, rows, random, output);
        return output;
    }

    /// <summary>As <see cref="SampleLogits"/>, into <paramref name="output"/> (<c>rows × OutputWidth</c>), with pooled buffers for z and the noise.</summary>
    internal static void SampleLogitsInto(FeedForwardNetwork decoder, ReadOnlySpan<float> sigmas, IReadOnlyList<OutputSpan> spans, int rows, SynthRandom random, Span<float> output) =>
        SampleInto(decoder, sigmas, spans, rows, random, output, default);

    /// <summary>
    /// As <see cref="SampleLogitsInto"/>, but each one-hot span's category is drawn from the softmax of its outputs
    /// (after z, one uniform per span and row, as <see cref="OutputActivation.SampleCategories"/>) into
    /// <paramref name="categories"/> (<c>rows × one-hot spans</c>) instead of being left to an argmax: a decoder whose
    /// outputs depend little on z (DP-TVAE's, trained under noise) then still gives each column its learned marginal,
    /// where the argmax would give every row the most likely label.
    /// </summary>
    internal static void SampleDrawnInto(FeedForwardNetwork decoder, ReadOnlySpan<float> sigmas, IReadOnlyList<OutputSpan> spans, int rows, SynthRandom random,
        Span<float> output, Span<int> categories)
    {
        if (categories.IsEmpty && spans.Any(s => s.Activation != SpanActivation.Tanh)) throw new ArgumentException("No room for the drawn categories.", nameof(categories));
        SampleInto(decoder, sigmas, spans, rows, random, output, categories);
    }

    private static void SampleInto(FeedForwardNetwork decoder, ReadOnlySpan<float> sigmas, IReadOnlyList<OutputSpan> spans, int rows, SynthRandom random,
        Span<float> output, Span<int> categories)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(spans);
        ArgumentNullException.ThrowIfNull(random);
        if (rows < 0) throw new ArgumentOutOfRangeException(nameof(rows));
        var width = decoder.OutputWidth;
        if (sigmas.Length != width) throw new ArgumentException($"Expected {width} σ values.", nameof(sigmas));
        var alphas = new int[spans.Count];
        var alphaCount = 0;
        foreach (var span in spans)
            if (span.Activation == SpanActivation.Tanh) alphas[alphaCount++] = span.Start;
        var zLength = rows * decoder.InputWidth;
        var z = ArrayPool<float>.Shared.Rent(Math.Max(zLength, rows * alphaCount));
        try
        {
            random.FillNormal(z.AsSpan(0, zLength));
            decoder.ForwardInto(z.AsSpan(0, zLength), rows, output);
            // Drawing the categories also puts tanh on every α.
            var drawn = !categories.IsEmpty;
            if (drawn) OutputActivation.SampleCategories(output[..(rows * width)], width, spans, random, categories);
            // The decoder has read z: its buffer now takes the α noise.
            var noise = z.AsSpan(0, rows * alphaCount);
            random.FillNormal(noise);
            for (var row = 0; row < rows; row++)
                for (var a = 0; a < alphaCount; a++)
                {
                    ref var alpha = ref output[row * width + alphas[a]];
                    alpha = (drawn ? alpha : MathF.Tanh(alpha)) + sigmas[alphas[a]] * noise[row * alphaCount + a];
                }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(z);
        }
    }
}
