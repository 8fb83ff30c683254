using SynthFixtures.Modeling.TextColumns;

namespace SynthFixtures.Modeling;

/// <summary>
/// A kind of model as users choose it (<c>gaussiancopula</c>, <c>tvae</c>, <c>ctgan</c>): its name, what it is, and its
/// settings table. Training it is the job of an <see cref="IModelTrainer"/> registered in <see cref="ModelTrainers"/>,
/// so this description never loads the trainer (nor TorchSharp for neural kinds).
/// </summary>
public abstract class ModelKind
{
    private protected ModelKind(string name, string summary, bool trainsWithTorch)
    {
        Name = name;
        Summary = summary;
        TrainsWithTorch = trainsWithTorch;
    }

    /// <summary>The name users write (<c>--model tvae</c>, <c>Model="tvae"</c>).</summary>
    public string Name { get; }

    /// <summary>What the model is, in one sentence.</summary>
    public string Summary { get; }

    /// <summary>Whether training needs TorchSharp and libtorch (sampling never does).</summary>
    public bool TrainsWithTorch { get; }

    /// <summary>The settings, in the order help lists them.</summary>
    public abstract IReadOnlyList<SettingSpec> Specs { get; }

    /// <summary>Each setting's default as the user would write it.</summary>
    public abstract string DefaultText(SettingSpec spec);

    /// <summary>Whether the kind has the text settings (<see cref="TextSettingTable"/>): its free-text columns can be learned.</summary>
    public abstract bool LearnsText { get; }

    /// <summary>The text options for a run: the defaults, then each given text setting; <c>null</c> for a kind whose text stays generated.</summary>
    public abstract TextModelingOptions? TextOptions(SettingValues values, long seed);
}

/// <summary>A model kind whose settings are properties of <typeparamref name="TOptions"/>.</summary>
/// <typeparam name="TOptions">The trainer's options record.</typeparam>
public sealed class ModelKind<TOptions> : ModelKind where TOptions : new()
{
    private readonly IReadOnlyList<ModelSetting<TOptions>> _settings;
    private readonly Func<TOptions, long, TOptions> _withSeed;
    private readonly Action<TOptions>? _check;
    private readonly IReadOnlyList<ModelSetting<TextModelingOptions>> _textSettings;

    /// <summary>Creates the kind.</summary>
    /// <param name="name">The name users write.</param>
    /// <param name="summary">What it is, in one sentence.</param>
    /// <param name="trainsWithTorch">Whether training needs TorchSharp.</param>
    /// <param name="settings">The settings table.</param>
    /// <param name="withSeed">Sets the training seed on an options record.</param>
    /// <param name="check">Checks between settings (each alone was range-checked); throws <see cref="ArgumentException"/> naming the property.</param>
    /// <param name="learnsText">Whether the kind has the text settings (<see cref="TextSettingTable"/>), listed after its own.</param>
    public ModelKind(string name, string summary, bool trainsWithTorch, IReadOnlyList<ModelSetting<TOptions>> settings,
        Func<TOptions, long, TOptions> withSeed, Action<TOptions>? check = null, bool learnsText = false)
        : base(name, summary, trainsWithTorch)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _textSettings = learnsText ? TextSettingTable.Settings : [];
        LearnsText = learnsText;
        Specs = settings.Select(s => s.Spec).Concat(_textSettings.Select(s => s.Spec)).ToList();
        _withSeed = withSeed;
        _check = check;
        var duplicate = Specs.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"The setting '{duplicate.Key}' is listed twice for {name}.", nameof(settings));
    }

    /// <summary>The settings bound to <typeparamref name="TOptions"/>.</summary>
    public IReadOnlyList<ModelSetting<TOptions>> Settings => _settings;

    /// <inheritdoc />
    public override IReadOnlyList<SettingSpec> Specs { get; }

    /// <inheritdoc />
    public override string DefaultText(SettingSpec spec) =>
        _settings.FirstOrDefault(s => s.Spec == spec)?.DefaultText ?? _textSettings.First(s => s.Spec == spec).DefaultText;

    /// <inheritdoc />
    public override bool LearnsText { get; }

    /// <inheritdoc />
    public override TextModelingOptions? TextOptions(SettingValues values, long seed)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!LearnsText) return null;
        var options = new TextModelingOptions();
        foreach (var (spec, value) in values.Given)
            if (_textSettings.FirstOrDefault(s => s.Spec == spec) is { } setting) options = setting.Write(options, value);
        return options with { Learned = options.Learned with { Seed = seed } };
    }

    /// <summary>The options for a run: the record's defaults, then each given setting, then the seed; checked as a whole.</summary>
    /// <exception cref="SettingException">Settings that are valid alone but not together (CTGAN's batch size and pac).</exception>
    public TOptions Options(SettingValues values, long seed)
    {
        ArgumentNullException.ThrowIfNull(values);
        var options = new TOptions();
        foreach (var (spec, value) in values.Given)
            if (_settings.FirstOrDefault(s => s.Spec == spec) is { } setting) options = setting.Write(options, value);
        options = _withSeed(options, seed);
        try
        {
            _check?.Invoke(options);
        }
        catch (ArgumentException e)
        {
            var spec = _settings.Select(s => s.Spec).FirstOrDefault(s => s.MsBuildName == e.ParamName);
            var reason = e.Message.Split(" (Parameter '")[0];
            throw spec is null
                ? new SettingException(null, n => $"the {n.Kind(Name)} settings do not fit together: {reason}")
                : new SettingException(spec, n => $"{n.Setting(spec)} is invalid: {Lower(reason)}", n => $"write it like {n.Assignment(spec, spec.Example)}.");
        }
        return options;
    }

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
