using SynthFixtures.Modeling.Neural;

namespace SynthFixtures.Modeling;

/// <summary>The model kinds users can choose, each with its settings table.</summary>
public sealed class ModelCatalog
{
    /// <summary>Creates a catalog of <paramref name="kinds"/>.</summary>
    /// <exception cref="ArgumentException">Two kinds share a name.</exception>
    public ModelCatalog(IReadOnlyList<ModelKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        if (kinds.GroupBy(k => k.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"The model kind '{twice.Key}' is listed twice.", nameof(kinds));
        Kinds = kinds;
    }

    /// <summary>The tabular kinds that ship with SynthFixtures (what <see cref="ModelTrainers"/> trains).</summary>
    public static ModelCatalog BuiltIn { get; } = new([GaussianCopulaKind.Instance, TvaeKind.Instance, CtganKind.Instance, DpMarginalsKind.Instance, DpTvaeKind.Instance, DpCtganKind.Instance]);

    /// <summary>The sequence step kinds that ship with SynthFixtures (trained by a sequence step-trainer registry, not a <see cref="ModelTrainers"/>).</summary>
    public static ModelCatalog SequenceKinds { get; } = new([Sequences.LaggedCopulaKind.Instance, Sequences.ParKind.Instance, Sequences.DpLaggedCopulaKind.Instance]);

    /// <summary>Every kind that ships, tabular and sequence: what the build's item metadata, the CLI's options and the documented settings tables cover.</summary>
    public static ModelCatalog Everything { get; } = new([.. BuiltIn.Kinds, .. SequenceKinds.Kinds]);

    /// <summary>Every kind, in the order help lists them.</summary>
    public IReadOnlyList<ModelKind> Kinds { get; }

    /// <summary>A catalog with <paramref name="kind"/> added (a new kind joins without editing any switch).</summary>
    public ModelCatalog With(ModelKind kind) => new([.. Kinds, kind]);

    /// <summary>The kind called <paramref name="name"/> (case-insensitive, trimmed).</summary>
    /// <exception cref="SynthDataException">No kind has that name.</exception>
    public ModelKind Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var wanted = name.Trim().ToLowerInvariant();
        return Kinds.FirstOrDefault(k => k.Name == wanted)
            ?? throw new SynthDataException($"The model kind '{name.Trim()}' is not available in this version.",
                hint: $"Choose one of {string.Join(", ", Kinds.Select(k => k.Name))}.");
    }

    /// <summary>Every setting of every kind, once each, in help order (the shared text settings last).</summary>
    public IReadOnlyList<SettingSpec> AllSpecs
    {
        get
        {
            var text = TextColumns.TextSettingTable.Settings.Select(s => s.Spec).ToHashSet();
            return Kinds.SelectMany(k => k.Specs).Distinct().OrderBy(text.Contains).ToList();
        }
    }

    /// <summary>The kinds that have <paramref name="spec"/>.</summary>
    public IReadOnlyList<ModelKind> KindsWith(SettingSpec spec) => Kinds.Where(k => k.Specs.Contains(spec)).ToList();
}
