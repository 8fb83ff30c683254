namespace SynthFixtures.Modeling;

/// <summary>
/// The one way settings are written as text, <c>name=value;name=value</c>: what the build's targets make from a
/// <c>&lt;SynthModel&gt;</c> item (<see cref="SettingsTargetsWriter"/>), hand the trainer and hash into the lock, and
/// what <see cref="SettingValues.ToText"/> records.
/// </summary>
public static class SettingsText
{
    /// <summary>Between two settings.</summary>
    public const char Separator = ';';

    /// <summary>Between a setting's name and its value.</summary>
    public const char Assignment = '=';

    /// <summary>The text for <paramref name="settings"/>, in their order.</summary>
    public static string Format(IEnumerable<(string Name, string Value)> settings) =>
        string.Join(Separator, settings.Select(s => $"{s.Name}{Assignment}{s.Value}"));

    /// <summary>The settings by name; empty parts (the targets start the text with <c>;</c>) are skipped.</summary>
    /// <exception cref="SynthDataException">A part without <c>=</c>, or a name given twice.</exception>
    public static Dictionary<string, string> Parse(string? text)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in (text ?? "").Split(Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf(Assignment, StringComparison.Ordinal);
            if (equals <= 0) throw new SynthDataException($"The setting '{part}' is not written as name=value.");
            var name = part[..equals].Trim();
            if (!settings.TryAdd(name, part[(equals + 1)..].Trim()))
                throw new SynthDataException($"The setting '{name}' is given twice.");
        }
        return settings;
    }
}
