using System.CommandLine;
using SynthFixtures.Modeling;

namespace SynthFixtures.Cli.Commands;

/// <summary>
/// The <c>train</c> options made from the model catalog's settings tables: one <c>--name</c> per setting (a flag for
/// switches), its help from the table (which kinds have it, what it does, the default read from the model's options).
/// Values go to the training service as text; it parses and checks them, and its errors are named back as flags.
/// </summary>
internal sealed class SettingOptions
{
    private readonly List<(SettingSpec Spec, Option Option)> _options = [];

    /// <param name="catalog">The kinds whose settings become options.</param>
    /// <param name="only">Setting names to offer (all when <c>null</c>): <c>dp-plan</c> offers those that change a privacy budget.</param>
    public SettingOptions(ModelCatalog catalog, IReadOnlyCollection<string>? only = null)
    {
        foreach (var spec in catalog.AllSpecs.Where(s => only is null || only.Contains(s.Name)))
        {
            var kinds = catalog.KindsWith(spec);
            var defaults = kinds.Select(k => (k.Name, Default: k.DefaultText(spec))).ToList();
            var defaultText = defaults.Select(d => d.Default).Distinct().Count() == 1
                ? defaults[0].Default
                : string.Join(", ", defaults.Select(d => $"{d.Name} {d.Default}"));
            var description = $"{string.Join("/", kinds.Select(k => k.Name))}: {spec.Description.TrimEnd('.')} (default {defaultText}).";
            Option option = spec.Type switch
            {
                SettingType.Switch => new Option<bool>("--" + spec.Name) { Description = description },
                // Names may be given one per option (--text-column "Review Text" --text-column Title) or joined by commas.
                SettingType.Names => new Option<string[]>("--" + spec.Name, Singular(spec.Name))
                    { Description = description + " Repeat the option for more names.", HelpName = "name", AllowMultipleArgumentsPerToken = false },
                _ => new Option<string?>("--" + spec.Name) { Description = description, HelpName = HelpName(spec) },
            };
            _options.Add((spec, option));
        }
    }

    /// <summary>Every option, in help order.</summary>
    public IEnumerable<Option> All => _options.Select(o => o.Option);

    /// <summary>The settings given on the command line, by setting name, as text.</summary>
    public Dictionary<string, string> Read(ParseResult parse)
    {
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (spec, option) in _options)
        {
            if (parse.GetResult(option) is not { Implicit: false }) continue;
            given[spec.Name] = option switch
            {
                Option<bool> flag => parse.GetValue(flag) ? "true" : "false",
                Option<string[]> names => string.Join(",", parse.GetValue(names) ?? []),
                _ => parse.GetValue((Option<string?>)option) ?? "",
            };
        }
        return given;
    }

    /// <summary>A setting error with the settings named as this command line's flags.</summary>
    public static SynthDataException AsFlags(SettingException error) =>
        new(error.Describe(FlagNaming.Instance), hint: error.HintFor(FlagNaming.Instance), inner: error);

    private static string HelpName(SettingSpec spec) => spec.Type switch
    {
        SettingType.WholeNumber => "n",
        SettingType.Widths => "w1,w2,…",
        SettingType.Choice => string.Join("|", spec.Choices ?? []),
        _ => "number",
    };

    // "--text-columns" is also "--text-column", which reads better when the option is repeated once per name.
    private static string[] Singular(string name) => name.EndsWith('s') ? ["--" + name[..^1]] : [];

    private sealed class FlagNaming : SettingNaming
    {
        public static FlagNaming Instance { get; } = new();

        public override string Setting(SettingSpec spec) => "--" + spec.Name;

        public override string Assignment(SettingSpec spec, string value) => $"--{spec.Name} {value}";

        public override string TurnOn(SettingSpec spec) => "add --" + spec.Name;

        public override string Kind(string kind) => "--model " + kind;
    }
}
