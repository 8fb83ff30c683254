namespace SynthFixtures.Modeling.Neural;

/// <summary>
/// The settings TVAE and CTGAN share, and early stopping's, written once. Each kind binds the shared specs to its own
/// options record (<see cref="TvaeKind"/>, <see cref="CtganKind"/>).
/// </summary>
public static class NeuralSettingTable
{
    private const int WidestLayer = 16_384;

    /// <summary>Passes over the data.</summary>
    public static readonly SettingSpec Epochs = new("epochs", "Epochs", SettingType.WholeNumber, "Passes over the data.", "300", 0, 1_000_000);

    /// <summary>Rows per step.</summary>
    public static readonly SettingSpec BatchSize = new("batch-size", "BatchSize", SettingType.WholeNumber, "Rows per optimisation step (par: entities per batch).", "500", 2, 1_000_000);

    /// <summary>libtorch's intra-op threads.</summary>
    public static readonly SettingSpec Threads = new("threads", "Threads", SettingType.WholeNumber,
        "libtorch's intra-op threads for training; CTGAN's weights depend on it, so set it to train the same model on every machine.", "1", 1, 1024);

    /// <summary>TVAE: latent width; CTGAN: noise width.</summary>
    public static readonly SettingSpec EmbeddingWidth = new("embedding-width", "EmbeddingWidth", SettingType.WholeNumber,
        "Width of the latent code (tvae) or of the generator's noise (ctgan).", "128", 1, WidestLayer);

    /// <summary>Early stopping on a validation quality signal.</summary>
    public static readonly SettingSpec EarlyStopping = new("early-stopping", "EarlyStopping", SettingType.Switch,
        "Hold out a share of the rows, score a sample of the network against them every few epochs (column shapes), stop "
        + "after a run of checks without a gain, and keep the best check's weights. par: holds out whole entities (each "
        + "sequence's tail when there are fewer than 10) and scores their loss per step.", "true");

    /// <summary>Layer widths are positive and bounded, so a typo cannot ask libtorch for a terabyte.</summary>
    internal static SettingSpec Widths(string name, string msBuildName, string description, string example) =>
        new(name, msBuildName, SettingType.Widths, description, example, 1, WidestLayer);

    /// <summary>A learning rate: positive.</summary>
    internal static SettingSpec Rate(string name, string msBuildName, string description, string example) =>
        new(name, msBuildName, SettingType.Number, description, example, 0, null, ExclusiveBounds: true);

    /// <summary>Early stopping's own settings, each needing <see cref="EarlyStopping"/> on.</summary>
    public static IReadOnlyList<ModelSetting<EarlyStoppingOptions>> EarlyStoppingDetails { get; } =
    [
        new SettingSpec("validation-fraction", "ValidationFraction", SettingType.Number,
            "With early stopping: share of rows held out for the checks, chosen with the seed (par: of entities, or of each sequence's steps).", "0.1", 0, 1, ExclusiveBounds: true, Requires: "early-stopping")
            .Bind<EarlyStoppingOptions, double>(o => o.ValidationFraction, (o, v) => o with { ValidationFraction = v }),
        new SettingSpec("check-every", "CheckEvery", SettingType.WholeNumber,
            "With early stopping: epochs between checks; the last epoch is always checked.", "5", 1, Requires: "early-stopping")
            .Bind<EarlyStoppingOptions, int>(o => o.CheckEvery, (o, v) => o with { CheckEvery = v }),
        new SettingSpec("patience", "Patience", SettingType.WholeNumber,
            "With early stopping: checks in a row without a gain before stopping.", "3", 1, Requires: "early-stopping")
            .Bind<EarlyStoppingOptions, int>(o => o.Patience, (o, v) => o with { Patience = v }),
        new SettingSpec("validation-rows", "ValidationRows", SettingType.WholeNumber,
            "With early stopping: rows sampled from the network at each check.", "2000", 1, 10_000_000, Requires: "early-stopping")
            .Bind<EarlyStoppingOptions, int>(o => o.SampleRows, (o, v) => o with { SampleRows = v }),
        new SettingSpec("min-improvement", "MinImprovement", SettingType.Number,
            "With early stopping: how much a check must beat the best score to count as a gain.", "0.001", 0, 1, Requires: "early-stopping")
            .Bind<EarlyStoppingOptions, double>(o => o.MinImprovement, (o, v) => o with { MinImprovement = v }),
    ];

    /// <summary>The early-stopping switch and its details on an options record with an <see cref="EarlyStoppingOptions"/> part.</summary>
    internal static IEnumerable<ModelSetting<T>> EarlyStoppingOn<T>(Func<T, EarlyStoppingOptions?> get, Func<T, EarlyStoppingOptions?, T> set)
        where T : new() =>
        EarlyStoppingDetails.Select(d => d.Within(get, (whole, part) => set(whole, part)))
            .Prepend(EarlyStopping.Bind<T, bool>(o => get(o) is not null, (o, on) => set(o, on ? get(o) ?? new() : null)));
}
