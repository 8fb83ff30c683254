using SynthFixtures.Models.Neural;
using SynthFixtures.Randomness;
using SynthFixtures.Training.Validation;
using SynthFixtures.Transforms.Modes;

namespace SynthFixtures.Training.Tvae;

/// <summary>A trained TVAE: the exported decoder and σ, ready for pure-C# sampling (<see cref="VaeDecoderSampler"/>).</summary>
/// <param name="Decoder">The decoder, z → raw outputs.</param>
/// <param name="Sigmas">Learned σ per output dimension (used on α dimensions).</param>
/// <param name="Spans">The transformer's output layout.</param>
/// <param name="EmbeddingWidth">Width of z.</param>
/// <param name="EpochLosses">Mean training loss per epoch trained.</param>
/// <param name="EarlyStopping">With early stopping: which epoch's weights these are and why training ended; otherwise <c>null</c>.</param>
public sealed record TvaeModel(FeedForwardNetwork Decoder, float[] Sigmas, OutputSpan[] Spans, int EmbeddingWidth, IReadOnlyList<double> EpochLosses,
    EarlyStoppingOutcome? EarlyStopping = null)
{
    /// <summary>Samples <paramref name="rows"/> rows in the transformer's layout, without TorchSharp.</summary>
    public float[] Sample(int rows, SynthRandom random) => VaeDecoderSampler.Sample(Decoder, Sigmas, Spans, rows, random);
}
