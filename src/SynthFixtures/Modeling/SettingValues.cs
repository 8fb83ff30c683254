namespace SynthFixtures.Modeling;

/// <summary>
/// The settings given for one training run, parsed and checked against the model kind: every name is one of the
/// kind's settings, every value is in range, and every setting that needs a switch has it on. Settings not given keep
/// the model's defaults.
/// </summary>
public sealed class SettingValues
{
    private readonly IReadOnlyList<(SettingSpec Spec, object Value, string Text)> _values;

    private SettingValues(IReadOnlyList<(SettingSpec, object, string)> values) => _values = values;

    /// <summary>No settings: every default.</summary>
    public static SettingValues None { get; } = new([]);

    /// <summary>The given settings, in the kind's table order.</summary>
    public IEnumerable<(SettingSpec Spec, object Value)> Given => _values.Select(v => (v.Spec, v.Value));

    /// <summary>Whether <paramref name="name"/> was given.</summary>
    public bool Contains(string name) => _values.Any(v => v.Spec.Name == name);

    /// <summary>
    /// The settings as <c>name=value</c> pairs joined by <c>;</c>, in table order: the text the build hashes into its
    /// lock (only <paramref name="modelAffectingOnly"/> settings then) and the run record shows.
    /// </summary>
    public string ToText(bool modelAffectingOnly = false) =>
        SettingsText.Format(_values.Where(v => !modelAffectingOnly || v.Spec.AffectsModel).Select(v => (v.Spec.Name, v.Text)));

    /// <summary>Parses <paramref name="given"/> (setting name → text) for <paramref name="kind"/>.</summary>
    /// <param name="kind">The model kind being trained.</param>
    /// <param name="given">Setting names (<see cref="SettingSpec.Name"/>) and their values as text.</param>
    /// <param name="catalog">Every kind, to say which kind an inapplicable setting belongs to.</param>
    /// <exception cref="SettingException">An unknown or inapplicable name, a bad value, or a setting without the switch it needs.</exception>
    public static SettingValues Parse(ModelKind kind, IReadOnlyDictionary<string, string> given, ModelCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(catalog);
        RejectForeign(kind, given.Keys, catalog);
        var values = new List<(SettingSpec, object, string)>();
        foreach (var spec in kind.Specs)
            if (given.TryGetValue(spec.Name, out var text)) values.Add((spec, spec.Parse(text), text.Trim()));
        foreach (var (spec, _, _) in values)
        {
            if (spec.Requires is not { } switchName) continue;
            var on = values.Any(v => v.Item1.Name == switchName && v.Item2 is true);
            var needed = kind.Specs.First(s => s.Name == switchName);
            if (!on) throw new SettingException(spec, n => $"{n.Setting(spec)} needs {n.Setting(needed)} on.",
                n => $"{n.TurnOn(needed)}, or leave {n.Setting(spec)} out.");
        }
        return new(values);
    }

    private static void RejectForeign(ModelKind kind, IEnumerable<string> names, ModelCatalog catalog)
    {
        var foreign = names.Where(name => kind.Specs.All(s => s.Name != name)).ToList();
        if (foreign.Count == 0) return;
        var specs = catalog.AllSpecs;
        if (foreign.FirstOrDefault(name => specs.All(s => s.Name != name)) is { } unknown)
        {
            var known = kind.Specs.Count == 0 ? "it has none" : "it has " + string.Join(", ", kind.Specs.Select(s => s.Name));
            throw new SettingException(null, n => $"there is no setting '{unknown}' for {n.Kind(kind.Name)} ({known}).", _ => "check the spelling.");
        }
        // Grouped by the kinds they do apply to: "the pac and the generator lr apply to ctgan and dp-ctgan only".
        var groups = foreign.Select(name => specs.First(s => s.Name == name))
            .GroupBy(spec => Join(catalog.KindsWith(spec).Select(k => k.Name).ToList()))
            .ToList();
        var owners = foreign.SelectMany(name => catalog.KindsWith(specs.First(s => s.Name == name))).Select(k => k.Name).Distinct().ToList();
        throw new SettingException(specs.First(s => s.Name == foreign[0]),
            n => string.Join("; ", groups.Select(g => $"{Join(g.Select(n.Setting).ToList())} {(g.Count() == 1 ? "applies" : "apply")} to {g.Key} only"))
                + $", not to {n.Kind(kind.Name)}.",
            n => $"leave {(foreign.Count == 1 ? "it" : "them")} out, or train {string.Join(" or ", owners.Select(n.Kind))}.");
    }

    private static string Join(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
}
