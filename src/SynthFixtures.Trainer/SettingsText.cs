namespace SynthFixtures.Trainer;

/// <summary>The <c>name=value;name=value</c> text the build's targets make from a <c>&lt;SynthModel&gt;</c> item's settings.</summary>
internal static class SettingsText
{
    /// <summary>The settings by name; empty parts (the targets start the text with <c>;</c>) are skipped.</summary>
    /// <exception cref="SynthDataException">A part without <c>=</c>, or a name given twice.</exception>
    public static Dictionary<string, string> Parse(string? text)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) throw new SynthDataException($"The setting '{part}' is not written as name=value.");
            var name = part[..equals].Trim();
            if (!settings.TryAdd(name, part[(equals + 1)..].Trim()))
                throw new SynthDataException($"The setting '{name}' is given twice.");
        }
        return settings;
    }
}
