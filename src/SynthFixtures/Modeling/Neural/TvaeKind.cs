using static SynthFixtures.Modeling.Neural.NeuralSettingTable;

namespace SynthFixtures.Modeling.Neural;

/// <summary>TVAE as a model kind: its settings table over <see cref="TvaeOptions"/>.</summary>
public static class TvaeKind
{
    /// <summary>The kind.</summary>
    public static ModelKind<TvaeOptions> Instance { get; } = new(
        "tvae",
        "Tabular variational autoencoder (Xu et al., 2019), trained with TorchSharp, sampled in pure C#.",
        trainsWithTorch: true,
        [
            Epochs.Bind<TvaeOptions, int>(o => o.Epochs, (o, v) => o with { Epochs = v }),
            BatchSize.Bind<TvaeOptions, int>(o => o.BatchSize, (o, v) => o with { BatchSize = v }),
            Threads.Bind<TvaeOptions, int?>(o => o.Threads, (o, v) => o with { Threads = v }, ThreadsDefault),
            EmbeddingWidth.Bind<TvaeOptions, int>(o => o.EmbeddingWidth, (o, v) => o with { EmbeddingWidth = v }),
            Rate("learning-rate", "LearningRate", "Adam's learning rate.", "1e-3")
                .Bind<TvaeOptions, double>(o => o.LearningRate, (o, v) => o with { LearningRate = v }),
            Rate("loss-factor", "LossFactor", "Weight of the reconstruction term against the KL term.", "2")
                .Bind<TvaeOptions, double>(o => o.LossFactor, (o, v) => o with { LossFactor = v }),
            Widths("encoder-widths", "EncoderWidths", "Hidden widths of the encoder.", "128,128")
                .Bind<TvaeOptions, IReadOnlyList<int>>(o => o.EncoderWidths, (o, v) => o with { EncoderWidths = v }),
            Widths("decoder-widths", "DecoderWidths", "Hidden widths of the decoder.", "128,128")
                .Bind<TvaeOptions, IReadOnlyList<int>>(o => o.DecoderWidths, (o, v) => o with { DecoderWidths = v }),
            .. EarlyStoppingOn<TvaeOptions>(o => o.EarlyStopping, (o, e) => o with { EarlyStopping = e }),
        ],
        (o, seed) => o with { Seed = seed },
        o => o.Validate(),
        learnsText: true);

    /// <summary>What an unset thread count means.</summary>
    internal const string ThreadsDefault = "one per physical core, at most the cores this process may use";
}
