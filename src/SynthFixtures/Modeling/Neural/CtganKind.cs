using static SynthFixtures.Modeling.Neural.NeuralSettingTable;

namespace SynthFixtures.Modeling.Neural;

/// <summary>CTGAN as a model kind: its settings table over <see cref="CtganOptions"/>.</summary>
public static class CtganKind
{
    /// <summary>Rows the discriminator judges together; declared before <see cref="Instance"/>, which reads it.</summary>
    internal static readonly SettingSpec Pac = new("pac", "Pac", SettingType.WholeNumber,
        "Rows the discriminator judges together (PacGAN); the batch size must be a multiple of it.", "10", 1, 1000);

    /// <summary>The kind.</summary>
    public static ModelKind<CtganOptions> Instance { get; } = new(
        "ctgan",
        "Conditional tabular GAN (Xu et al., 2019), trained with TorchSharp, sampled in pure C#.",
        trainsWithTorch: true,
        [
            Epochs.Bind<CtganOptions, int>(o => o.Epochs, (o, v) => o with { Epochs = v }),
            BatchSize.Bind<CtganOptions, int>(o => o.BatchSize, (o, v) => o with { BatchSize = v }),
            Threads.Bind<CtganOptions, int?>(o => o.Threads, (o, v) => o with { Threads = v }, TvaeKind.ThreadsDefault),
            EmbeddingWidth.Bind<CtganOptions, int>(o => o.EmbeddingWidth, (o, v) => o with { EmbeddingWidth = v }),
            Pac.Bind<CtganOptions, int>(o => o.Pac, (o, v) => o with { Pac = v }),
            new SettingSpec("discriminator-steps", "DiscriminatorSteps", SettingType.WholeNumber, "Discriminator updates per generator update.", "1", 1, 100)
                .Bind<CtganOptions, int>(o => o.DiscriminatorSteps, (o, v) => o with { DiscriminatorSteps = v }),
            Rate("generator-lr", "GeneratorLearningRate", "The generator's Adam learning rate.", "2e-4")
                .Bind<CtganOptions, double>(o => o.GeneratorLearningRate, (o, v) => o with { GeneratorLearningRate = v }),
            Rate("discriminator-lr", "DiscriminatorLearningRate", "The discriminator's Adam learning rate.", "2e-4")
                .Bind<CtganOptions, double>(o => o.DiscriminatorLearningRate, (o, v) => o with { DiscriminatorLearningRate = v }),
            Widths("generator-widths", "GeneratorWidths", "Widths of the generator's residual blocks.", "256,256")
                .Bind<CtganOptions, IReadOnlyList<int>>(o => o.GeneratorWidths, (o, v) => o with { GeneratorWidths = v }),
            Widths("discriminator-widths", "DiscriminatorWidths", "Hidden widths of the discriminator.", "256,256")
                .Bind<CtganOptions, IReadOnlyList<int>>(o => o.DiscriminatorWidths, (o, v) => o with { DiscriminatorWidths = v }),
            .. EarlyStoppingOn<CtganOptions>(o => o.EarlyStopping, (o, e) => o with { EarlyStopping = e }),
        ],
        (o, seed) => o with { Seed = seed },
        CheckBatchAgainstPac,
        learnsText: true);

    /// <summary>The one check between settings: CTGAN's batches are cut into packs and halved, so the size must allow both.</summary>
    internal static void CheckBatchAgainstPac(CtganOptions options)
    {
        if (options.Pac >= 1 && (options.BatchSize % 2 != 0 || options.BatchSize % options.Pac != 0))
        {
            var fitting = Math.Max(2, options.Pac % 2 == 0 ? options.Pac : 2 * options.Pac) * 25;
            throw new SettingException(BatchSize,
                n => $"{n.Setting(BatchSize)} {options.BatchSize} does not fit {n.Setting(Pac)} {options.Pac}: it must be even and a multiple of it.",
                n => $"make it an even multiple of {n.Setting(Pac)}, e.g. {n.Assignment(BatchSize, fitting.ToString(System.Globalization.CultureInfo.InvariantCulture))}.");
        }
        options.Validate();
    }
}
