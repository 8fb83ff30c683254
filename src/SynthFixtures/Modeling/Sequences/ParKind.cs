using SynthFixtures.Models.Sequences;
using static SynthFixtures.Modeling.Neural.NeuralSettingTable;

namespace SynthFixtures.Modeling.Sequences;

/// <summary>
/// The PAR step model as a model kind: its settings table over <see cref="ParOptions"/>. Epochs, batch size, threads and
/// the learning rate share TVAE's settings (same names everywhere); the recurrent network's own are below.
/// </summary>
public static class ParKind
{
    /// <summary>Width of the GRU's state.</summary>
    public static readonly SettingSpec HiddenWidth = new("hidden-width", "HiddenWidth", SettingType.WholeNumber,
        "Width of the recurrent (GRU) state.", "64", 1, 4096);

    /// <summary>Stacked GRU layers.</summary>
    public static readonly SettingSpec RecurrentLayers = new("recurrent-layers", "RecurrentLayers", SettingType.WholeNumber,
        "Stacked GRU layers.", "1", 1, 8);

    /// <summary>Steps per truncated-backpropagation chunk.</summary>
    public static readonly SettingSpec ChunkLength = new("chunk-length", "ChunkLength", SettingType.WholeNumber,
        "Steps per truncated-backpropagation chunk (the state carries over, the gradient stops); one optimisation step per chunk.", "64", 1, 1_000_000);

    /// <summary>The kind.</summary>
    public static ModelKind<ParOptions> Instance { get; } = new(
        SequenceModelKinds.Par,
        "PAR-style sequence model: a GRU over each entity's steps conditioned on its context, trained with TorchSharp, sampled in pure C#.",
        trainsWithTorch: true,
        [
            Epochs.Bind<ParOptions, int>(o => o.Epochs, (o, v) => o with { Epochs = v }),
            BatchSize.Bind<ParOptions, int>(o => o.BatchSize, (o, v) => o with { BatchSize = v }),
            Threads.Bind<ParOptions, int?>(o => o.Threads, (o, v) => o with { Threads = v }, Neural.TvaeKind.ThreadsDefault),
            Rate("learning-rate", "LearningRate", "Adam's learning rate.", "1e-3")
                .Bind<ParOptions, double>(o => o.LearningRate, (o, v) => o with { LearningRate = v }),
            HiddenWidth.Bind<ParOptions, int>(o => o.HiddenWidth, (o, v) => o with { HiddenWidth = v }),
            RecurrentLayers.Bind<ParOptions, int>(o => o.Layers, (o, v) => o with { Layers = v }),
            ChunkLength.Bind<ParOptions, int>(o => o.ChunkLength, (o, v) => o with { ChunkLength = v }),
            // The checks score held-out steps by their loss, not a sample, so the sample size does not apply.
            .. EarlyStoppingOn<ParOptions>(o => o.EarlyStopping, (o, e) => o with { EarlyStopping = e })
                .Where(s => s.Spec.Name != "validation-rows"),
        ],
        (o, seed) => o with { Seed = seed },
        o => o.Validate());
}
