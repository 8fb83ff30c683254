using System.Globalization;

namespace SynthFixtures.Modeling;

/// <summary>
/// What a training setting is, independent of the model that reads it: its name in every place it is written, its
/// type and allowed range, what it does, and whether it changes the trained model. The CLI option
/// (<c>--{Name}</c>), the <c>&lt;SynthModel&gt;</c> item metadata (<see cref="MsBuildName"/>), the build's lock text and
/// the messages for bad values all come from here.
/// </summary>
/// <param name="Name">Lower-case words joined by hyphens, e.g. <c>batch-size</c>: the key in settings text and the CLI option after <c>--</c>.</param>
/// <param name="MsBuildName">The <c>&lt;SynthModel&gt;</c> item metadata, e.g. <c>BatchSize</c>.</param>
/// <param name="Type">How the value is written.</param>
/// <param name="Description">What it does, in one sentence, without its default (which comes from the model's options).</param>
/// <param name="Example">A valid value, quoted in hints.</param>
/// <param name="Minimum">The smallest allowed value (whole numbers, numbers, each width); <c>null</c>: no lower bound.</param>
/// <param name="Maximum">The largest allowed value; <c>null</c>: no upper bound.</param>
/// <param name="ExclusiveBounds">Whether <see cref="Minimum"/> and <see cref="Maximum"/> are themselves excluded.</param>
/// <param name="AffectsModel">Whether a different value can give a different model, so it enters the build's lock text.</param>
/// <param name="Requires">The <see cref="SettingType.Switch"/> setting that must be on for this one to mean anything.</param>
/// <param name="Choices">For <see cref="SettingType.Choice"/>: the allowed words, lower case.</param>
public sealed record SettingSpec(
    string Name,
    string MsBuildName,
    SettingType Type,
    string Description,
    string Example,
    double? Minimum = null,
    double? Maximum = null,
    bool ExclusiveBounds = false,
    bool AffectsModel = true,
    string? Requires = null,
    IReadOnlyList<string>? Choices = null)
{
    /// <summary>The name in words, for messages: <c>batch size</c>.</summary>
    public string Label => Name.Replace('-', ' ');

    /// <summary>
    /// Parses and range-checks <paramref name="text"/>: an <see cref="int"/>, <see cref="double"/>, <see cref="bool"/>,
    /// <c>int[]</c>, <see cref="string"/> (a choice, lower case) or <c>string[]</c> (names) by <see cref="Type"/>.
    /// </summary>
    /// <exception cref="SettingException">The text is not a value of this type or is out of range.</exception>
    public object Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        return Type switch
        {
            SettingType.WholeNumber => InRange(WholeNumber(trimmed, trimmed), trimmed),
            SettingType.Number => InRange(Number(trimmed), trimmed),
            SettingType.Switch => bool.TryParse(trimmed, out var on) ? on : throw Invalid($"'{trimmed}' is neither true nor false"),
            SettingType.Widths => WidthList(trimmed),
            SettingType.Choice => Choice(trimmed),
            SettingType.Names => NameList(trimmed),
            _ => throw new InvalidOperationException($"Unknown setting type {Type}."),
        };
    }

    /// <summary>The allowed range in words (<c>at least 2</c>, <c>between 0 and 1 (exclusive)</c>, <c>learned or lorem</c>), or <c>null</c> when any value is allowed.</summary>
    public string? RangeText => (Minimum, Maximum) switch
    {
        _ when Choices is { Count: > 0 } words => string.Join(", ", words.Take(words.Count - 1)) + (words.Count > 1 ? " or " : "") + words[^1],
        ({ } low, { } high) => $"between {Format(low)} and {Format(high)}{(ExclusiveBounds ? " (exclusive)" : "")}",
        ({ } low, null) => ExclusiveBounds ? $"greater than {Format(low)}" : $"at least {Format(low)}",
        (null, { } high) => ExclusiveBounds ? $"below {Format(high)}" : $"at most {Format(high)}",
        _ => null,
    };

    private int WholeNumber(string part, string whole) =>
        int.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value
            : throw Invalid($"'{whole}' is not a whole number");

    private double Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value
            : throw Invalid($"'{text}' is not a number");

    private T InRange<T>(T value, string text) where T : IConvertible
    {
        var number = value.ToDouble(CultureInfo.InvariantCulture);
        var tooLow = Minimum is { } low && (ExclusiveBounds ? number <= low : number < low);
        var tooHigh = Maximum is { } high && (ExclusiveBounds ? number >= high : number > high);
        return tooLow || tooHigh ? throw Invalid($"{text} is out of range: it must be {RangeText}") : value;
    }

    private int[] WidthList(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var widths = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out widths[i]) || widths[i] < 1)
                throw Invalid($"'{text}' is not a list of layer widths: '{parts[i]}' is not a positive whole number");
            InRange(widths[i], parts[i]);
        }
        return widths;
    }

    private string Choice(string text)
    {
        var word = text.ToLowerInvariant();
        return Choices is { } words && words.Contains(word) ? word : throw Invalid($"'{text}' is not one of {RangeText}");
    }

    private string[] NameList(string text)
    {
        var names = text.Split(',', StringSplitOptions.TrimEntries);
        if (names.Any(n => n.Length == 0)) throw Invalid($"'{text}' has an empty name: names are separated by single commas");
        if (names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw Invalid($"names '{twice.Key}' twice");
        return names;
    }

    private SettingException Invalid(string problem) =>
        new(this, n => $"{n.Setting(this)} {problem}.", n => $"write it like {n.Assignment(this, Example)}.");

    private static string Format(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
