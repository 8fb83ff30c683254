using SynthFixtures.Text;
using SynthFixtures.Text.Learned;

namespace SynthFixtures.Models.Artifacts;

/// <summary>
/// How each text model kind is read back from an artifact, keyed by <see cref="TextColumnModel.Kind"/>. Immutable:
/// <see cref="With"/> returns a new registry. A file names a kind, never a type, so loading only ever runs one of
/// these decoders, each of which validates what it reads.
/// </summary>
public sealed class TextModelDecoders
{
    private readonly IReadOnlyDictionary<string, Func<TextModelParts, string, TextColumnModel>> _decoders;

    private TextModelDecoders(IReadOnlyDictionary<string, Func<TextModelParts, string, TextColumnModel>> decoders) => _decoders = decoders;

    /// <summary>The text model kinds that ship with SynthFixtures.</summary>
    public static TextModelDecoders BuiltIn { get; } = new TextModelDecoders(new Dictionary<string, Func<TextModelParts, string, TextColumnModel>>(StringComparer.Ordinal))
        .With(LearnedTextModel.KindName, LearnedTextModel.Decode);

    /// <summary>The kinds this registry reads, in name order.</summary>
    public IReadOnlyList<string> Kinds => _decoders.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>A registry that also reads <paramref name="kind"/> with <paramref name="decode"/> (parts, the file's name for errors).</summary>
    public TextModelDecoders With(string kind, Func<TextModelParts, string, TextColumnModel> decode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(decode);
        return new(new Dictionary<string, Func<TextModelParts, string, TextColumnModel>>(_decoders, StringComparer.Ordinal) { [kind] = decode });
    }

    /// <summary>The decoder of <paramref name="kind"/>, or <c>null</c> when this registry does not know it.</summary>
    public Func<TextModelParts, string, TextColumnModel>? For(string kind) => _decoders.GetValueOrDefault(kind);
}
