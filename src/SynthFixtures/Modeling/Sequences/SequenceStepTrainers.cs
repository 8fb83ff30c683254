namespace SynthFixtures.Modeling.Sequences;

/// <summary>
/// Which trainer trains each step model kind, with the kind's settings table. Immutable: <see cref="With"/> returns a
/// new registry, so the CLI, the build's trainer and user code each compose their own. The core knows the pure C# kinds;
/// the neural <c>par</c> trainer lives in SynthFixtures.Training (TorchSharp) and is added by whoever references it. A
/// trainer is created when it is first needed, so composing a registry never loads TorchSharp.
/// </summary>
public sealed class SequenceStepTrainers
{
    private readonly IReadOnlyList<(ModelKind Kind, Func<ISequenceStepTrainer> Create)> _entries;

    private SequenceStepTrainers(IReadOnlyList<(ModelKind, Func<ISequenceStepTrainer>)> entries) => _entries = entries;

    /// <summary>The pure C# step kinds.</summary>
    public static SequenceStepTrainers Core { get; } = new SequenceStepTrainers([]).With(LaggedCopulaKind.Instance, () => new LaggedCopulaTrainer())
        .With(DpLaggedCopulaKind.Instance, () => new DpLaggedCopulaTrainer());

    /// <summary>The step kinds and their settings, in the order they were added.</summary>
    public ModelCatalog Catalog => new(_entries.Select(e => e.Kind).ToList());

    /// <summary>The registered kinds' names.</summary>
    public IReadOnlyList<string> Kinds => _entries.Select(e => e.Kind.Name).ToList();

    /// <summary>A registry where <paramref name="kind"/> (its name and settings table) is trained by what <paramref name="create"/> returns, replacing any trainer of that name.</summary>
    public SequenceStepTrainers With(ModelKind kind, Func<ISequenceStepTrainer> create)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(create);
        return new([.. _entries.Where(e => e.Kind.Name != kind.Name), (kind, create)]);
    }

    /// <summary>Whether <paramref name="name"/> (trimmed, any case) is a registered step kind.</summary>
    public bool Has(string name) => Find(name) is not null;

    /// <summary>The kind called <paramref name="name"/>.</summary>
    /// <exception cref="SynthDataException">No step kind of that name is registered.</exception>
    public ModelKind Kind(string name) => Find(name)?.Kind
        ?? throw new SynthDataException($"The sequence model kind '{name.Trim()}' is not available here.",
            hint: _entries.Count == 0 ? "No sequence model kind is registered." : $"Choose one of {string.Join(", ", Kinds)}.");

    /// <summary>A new trainer of the kind called <paramref name="name"/>.</summary>
    /// <exception cref="SynthDataException">No step kind of that name is registered.</exception>
    public ISequenceStepTrainer Create(string name)
    {
        Kind(name);
        return Find(name)!.Value.Create();
    }

    private (ModelKind Kind, Func<ISequenceStepTrainer> Create)? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var wanted = name.Trim().ToLowerInvariant();
        foreach (var entry in _entries)
            if (entry.Kind.Name == wanted) return entry;
        return null;
    }
}
