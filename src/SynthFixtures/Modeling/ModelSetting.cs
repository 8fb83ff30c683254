using System.Globalization;

namespace SynthFixtures.Modeling;

/// <summary>
/// A <see cref="SettingSpec"/> bound to the options record of the model that reads it: how to read its default from
/// a fresh record and how to write a value into one. The default is never written out anywhere else.
/// </summary>
/// <typeparam name="TOptions">The model's options record.</typeparam>
public sealed class ModelSetting<TOptions> where TOptions : new()
{
    private readonly Func<TOptions, object?> _read;
    private readonly Func<TOptions, object, TOptions> _write;
    private readonly string? _defaultText;

    internal ModelSetting(SettingSpec spec, Func<TOptions, object?> read, Func<TOptions, object, TOptions> write, string? defaultText)
    {
        Spec = spec;
        _read = read;
        _write = write;
        _defaultText = defaultText;
    }

    /// <summary>What the setting is.</summary>
    public SettingSpec Spec { get; }

    /// <summary>The default as the user would write it, read from a fresh options record (or the words given for a computed default).</summary>
    public string DefaultText => _defaultText ?? Format(_read(new TOptions()));

    /// <summary><paramref name="options"/> with this setting set to <paramref name="value"/> (already parsed by <see cref="SettingSpec.Parse"/>).</summary>
    public TOptions Write(TOptions options, object value) => _write(options, value);

    /// <summary>
    /// This setting on a record that holds <typeparamref name="TOptions"/> as a part (early stopping's settings inside
    /// TVAE's and CTGAN's options), so a part's table is written once and shared.
    /// </summary>
    /// <param name="get">Reads the part (<c>null</c>: not set yet, the part's defaults apply).</param>
    /// <param name="set">Returns a copy of the whole with the part replaced.</param>
    public ModelSetting<TWhole> Within<TWhole>(Func<TWhole, TOptions?> get, Func<TWhole, TOptions, TWhole> set) where TWhole : new() =>
        new(Spec, whole => _read(get(whole) ?? new TOptions()), (whole, value) => set(whole, _write(get(whole) ?? new TOptions(), value)), _defaultText);

    private static string Format(object? value) => value switch
    {
        null => "none",
        bool on => on ? "true" : "false",
        double number => number.ToString("G", CultureInfo.InvariantCulture),
        IEnumerable<int> widths => string.Join(",", widths),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>Binds setting specs to options records, one line per setting.</summary>
public static class ModelSettingBinding
{
    /// <summary>Binds <paramref name="spec"/> to a property of <typeparamref name="TOptions"/>.</summary>
    /// <param name="spec">The setting.</param>
    /// <param name="read">Reads the property (for the default).</param>
    /// <param name="write">Returns a copy with the property set.</param>
    /// <param name="defaultText">Words for a default that is computed at training time rather than stored (e.g. a thread count).</param>
    public static ModelSetting<TOptions> Bind<TOptions, TValue>(this SettingSpec spec, Func<TOptions, TValue> read,
        Func<TOptions, TValue, TOptions> write, string? defaultText = null) where TOptions : new()
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new(spec, o => read(o), (o, v) => write(o, (TValue)v), defaultText);
    }
}
