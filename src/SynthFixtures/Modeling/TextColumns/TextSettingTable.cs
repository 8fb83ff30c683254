using SynthFixtures.Text.Learned;

namespace SynthFixtures.Modeling.TextColumns;

/// <summary>
/// The text settings, written once and shared by every kind without a privacy guarantee (gaussiancopula, tvae, ctgan),
/// so that <c>--text-model</c>, <c>TextModel="…"</c>, the lock text and the docs all come from these lines. The
/// differentially private kinds do not list them: a learned text model is trained on single texts outside any budget,
/// so their text stays generated.
/// </summary>
public static class TextSettingTable
{
    /// <summary>The learned text model's name.</summary>
    public const string Learned = "learned";

    /// <summary>Placeholder prose with the column's word counts (the generated text).</summary>
    public const string Lorem = "lorem";

    /// <summary>Which text model writes the free-text columns.</summary>
    public static readonly SettingSpec Model = new("text-model", "TextModel", SettingType.Choice,
        "How free-text columns are written: learned (a small language model trained on the column, conditioned on the row's "
        + "other cells, sampled in pure C#) or lorem (placeholder prose with the column's word counts).", Learned,
        Choices: [Learned, Lorem]);

    /// <summary>Which columns.</summary>
    public static readonly SettingSpec Columns = new("text-columns", "TextColumns", SettingType.Names,
        "The free-text columns the text model applies to, separated by commas; the others keep placeholder prose.", "Review Text");

    /// <summary>The threshold of the default choice.</summary>
    public static readonly SettingSpec MinTexts = new("text-min-texts", "TextMinTexts", SettingType.WholeNumber,
        "Without a text model set: a free-text column with at least this many non-missing texts is learned, one with fewer gets placeholder prose.",
        "500", 1);

    /// <summary>Columns the text is conditioned on.</summary>
    public static readonly SettingSpec Context = new("text-context", "TextContext", SettingType.Names,
        "Columns the learned text is conditioned on, separated by commas (default: chosen from the table: categories, booleans, binned numbers).",
        "Rating,Department Name");

    /// <summary>The text settings bound to <see cref="TextModelingOptions"/>, in help order.</summary>
    public static IReadOnlyList<ModelSetting<TextModelingOptions>> Settings { get; } =
    [
        Model.Bind<TextModelingOptions, string?>(o => o.Model, (o, v) => o with { Model = v },
            $"{Learned} for a column with at least text-min-texts texts, else {Lorem}"),
        Columns.Bind<TextModelingOptions, string[]?>(o => o.Columns?.ToArray(), (o, v) => o with { Columns = v }, "every free-text column"),
        MinTexts.Bind<TextModelingOptions, int>(o => o.MinTexts, (o, v) => o with { MinTexts = v }),
        .. LearnedSettings().Select(s => s.Within<TextModelingOptions>(o => o.Learned, (o, l) => o with { Learned = l })),
    ];

    private static IEnumerable<ModelSetting<LearnedTextOptions>> LearnedSettings() =>
    [
        Whole("text-epochs", "TextEpochs", "Passes of the learned text model over the column's texts.", "8", 0, 100_000)
            .Bind<LearnedTextOptions, int>(o => o.Epochs, (o, v) => o with { Epochs = v }),
        Whole("text-batch-size", "TextBatchSize", "Texts per optimisation step of the learned text model.", "64", 1, 100_000)
            .Bind<LearnedTextOptions, int>(o => o.BatchSize, (o, v) => o with { BatchSize = v }),
        Whole("text-vocabulary", "TextVocabulary", "Subword vocabulary size of the learned text model's tokenizer (it starts from the 256 byte values).", "2000",
                SubwordTokenizer.ByteCount, 200_000)
            .Bind<LearnedTextOptions, int>(o => o.VocabularySize, (o, v) => o with { VocabularySize = v }),
        Whole("text-embedding-width", "TextEmbeddingWidth", "Width of the learned text model's token embeddings.", "64", 1, 16_384)
            .Bind<LearnedTextOptions, int>(o => o.EmbeddingWidth, (o, v) => o with { EmbeddingWidth = v }),
        Whole("text-hidden-width", "TextHiddenWidth", "Width of the learned text model's recurrent state.", "256", 1, 16_384)
            .Bind<LearnedTextOptions, int>(o => o.HiddenWidth, (o, v) => o with { HiddenWidth = v }),
        Whole("text-layers", "TextLayers", "Recurrent layers of the learned text model.", "1", 1, 16)
            .Bind<LearnedTextOptions, int>(o => o.Layers, (o, v) => o with { Layers = v }),
        Whole("text-max-tokens", "TextMaxTokens", "Longest text in tokens, in training (longer ones are cut) and in sampling.", "160", 1, 100_000)
            .Bind<LearnedTextOptions, int>(o => o.MaxTokens, (o, v) => o with { MaxTokens = v }),
        new SettingSpec("text-learning-rate", "TextLearningRate", SettingType.Number, "The learned text model's Adam learning rate.", "2e-3", 0, null, ExclusiveBounds: true)
            .Bind<LearnedTextOptions, double>(o => o.LearningRate, (o, v) => o with { LearningRate = v }),
        new SettingSpec("text-temperature", "TextTemperature", SettingType.Number,
            "Sampling temperature of the learned text (1: the learned distribution; lower: safer, blander text).", "0.8", 0.01, 10)
            .Bind<LearnedTextOptions, double>(o => o.Temperature, (o, v) => o with { Temperature = v }),
        new SettingSpec("text-top-p", "TextTopP", SettingType.Number,
            "Nucleus sampling of the learned text: draw from the smallest set of tokens whose probability reaches this (1: all tokens).", "0.9", 0.01, 1)
            .Bind<LearnedTextOptions, double>(o => o.TopP, (o, v) => o with { TopP = v }),
        Context.Bind<LearnedTextOptions, string[]?>(o => o.ContextColumns?.ToArray(), (o, v) => o with { ContextColumns = v },
            "chosen from the table"),
        Whole("text-threads", "TextThreads", "libtorch's intra-op threads for training the learned text model.", "1", 1, 1024)
            .Bind<LearnedTextOptions, int?>(o => o.Threads, (o, v) => o with { Threads = v }, Neural.TvaeKind.ThreadsDefault),
    ];

    private static SettingSpec Whole(string name, string msBuildName, string description, string example, int minimum, int maximum) =>
        new(name, msBuildName, SettingType.WholeNumber, description, example, minimum, maximum);
}
