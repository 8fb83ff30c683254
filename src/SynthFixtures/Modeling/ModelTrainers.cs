namespace SynthFixtures.Modeling;

/// <summary>
/// Which trainer trains each model kind. Immutable: <see cref="With"/> returns a new registry, so the CLI, the build's
/// trainer and user code each compose their own. The core knows the pure C# trainers (the copula's and the marginal model's); the neural trainers live in
/// SynthFixtures.Training (TorchSharp) and are added by whoever references it. A trainer is created when it is first
/// needed, so composing a registry never loads TorchSharp.
/// </summary>
public sealed class ModelTrainers
{
    private readonly IReadOnlyDictionary<string, Func<IModelTrainer>> _factories;
    private readonly Func<ITextModelTrainer>? _textTrainer;

    private ModelTrainers(ModelCatalog catalog, IReadOnlyDictionary<string, Func<IModelTrainer>> factories, Func<ITextModelTrainer>? textTrainer)
    {
        Catalog = catalog;
        _factories = factories;
        _textTrainer = textTrainer;
    }

    /// <summary>The built-in catalog with the copula's trainer (and no text trainer: learning text needs SynthFixtures.Training).</summary>
    public static ModelTrainers Core { get; } = new ModelTrainers(ModelCatalog.BuiltIn, new Dictionary<string, Func<IModelTrainer>>(), null)
        .With(GaussianCopulaKind.Instance.Name, () => new GaussianCopulaTrainer())
        .With(DpMarginalsKind.Instance.Name, () => new DpMarginalsTrainer());

    /// <summary>The kinds and their settings.</summary>
    public ModelCatalog Catalog { get; }

    /// <summary>A registry where <paramref name="kind"/> is trained by what <paramref name="create"/> returns.</summary>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is not in the catalog.</exception>
    public ModelTrainers With(string kind, Func<IModelTrainer> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        if (Catalog.Kinds.All(k => k.Name != kind)) throw new ArgumentException($"'{kind}' is not a model kind of the catalog.", nameof(kind));
        return new(Catalog, new Dictionary<string, Func<IModelTrainer>>(_factories) { [kind] = create }, _textTrainer);
    }

    /// <summary>A registry where learned free-text columns are trained by what <paramref name="create"/> returns.</summary>
    public ModelTrainers WithTextTrainer(Func<ITextModelTrainer> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        return new(Catalog, _factories, create);
    }

    /// <summary>Whether a text trainer is registered (<see cref="WithTextTrainer"/>).</summary>
    public bool HasTextTrainer => _textTrainer is not null;

    /// <summary>The text trainer, or <c>null</c> when none is registered.</summary>
    public ITextModelTrainer? CreateTextTrainer() => _textTrainer?.Invoke();

    /// <summary>A registry over <paramref name="catalog"/> (which must hold every kind that has a trainer here).</summary>
    public ModelTrainers WithCatalog(ModelCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new(catalog, _factories, _textTrainer);
    }

    /// <summary>The trainer for <paramref name="kind"/>.</summary>
    /// <exception cref="SynthDataException">No trainer is registered for it (a neural kind without SynthFixtures.Training).</exception>
    public IModelTrainer For(ModelKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return _factories.TryGetValue(kind.Name, out var create) ? create()
            : throw new SynthDataException($"No trainer for {kind.Name} is available here.",
                hint: kind.TrainsWithTorch ? "Training it needs SynthFixtures.Training (TorchSharp); use the synthfixtures tool or the build's trainer." : null);
    }
}
