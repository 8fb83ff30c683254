namespace SynthFixtures.Modeling;

/// <summary>
/// A training setting that is unknown, out of range, inapplicable to the model kind or inconsistent with another. The
/// message is composed for a <see cref="SettingNaming"/>: <see cref="Exception.Message"/> uses plain words, and callers
/// ask <see cref="Describe"/> and <see cref="HintFor"/> for their own names (the CLI's flags, the build's item metadata).
/// </summary>
public sealed class SettingException : SynthDataException
{
    private readonly Func<SettingNaming, string> _message;
    private readonly Func<SettingNaming, string>? _hint;

    /// <summary>Creates the error.</summary>
    /// <param name="setting">The setting at fault; <c>null</c> when it is not one known setting's (an unknown name).</param>
    /// <param name="message">The problem, in one sentence, for a naming.</param>
    /// <param name="hint">What to do, for a naming.</param>
    public SettingException(SettingSpec? setting, Func<SettingNaming, string> message, Func<SettingNaming, string>? hint = null)
        : base(Sentence(message(SettingNaming.Words)), hint: hint is null ? null : Sentence(hint(SettingNaming.Words)))
    {
        Setting = setting;
        _message = message;
        _hint = hint;
    }

    /// <summary>The setting at fault, if one is.</summary>
    public SettingSpec? Setting { get; }

    /// <summary>The problem with settings named as <paramref name="naming"/> names them.</summary>
    public string Describe(SettingNaming naming) => Sentence(_message(naming));

    /// <summary>What to do, with settings named as <paramref name="naming"/> names them; <c>null</c> when there is no hint.</summary>
    public string? HintFor(SettingNaming naming) => _hint is null ? null : Sentence(_hint(naming));

    private static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
