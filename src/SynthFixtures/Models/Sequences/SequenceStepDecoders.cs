namespace SynthFixtures.Models.Sequences;

/// <summary>
/// How each step model kind (<see cref="SequenceModelKinds"/>) is read back from a sequence model file. Immutable:
/// <see cref="With"/> returns a new registry. A file names a kind, never a type, so loading only ever runs one of these
/// decoders, each of which validates what it reads.
/// </summary>
public sealed class SequenceStepDecoders
{
    private readonly IReadOnlyDictionary<string, Func<byte[], string, ISequenceStepModel>> _decoders;

    private SequenceStepDecoders(IReadOnlyDictionary<string, Func<byte[], string, ISequenceStepModel>> decoders) => _decoders = decoders;

    /// <summary>A registry that reads no kind (to compose one from scratch).</summary>
    public static SequenceStepDecoders None { get; } = new(new Dictionary<string, Func<byte[], string, ISequenceStepModel>>(StringComparer.Ordinal));

    /// <summary>The step model kinds that ship with SynthFixtures.</summary>
    public static SequenceStepDecoders BuiltIn { get; } = None
        .With(SequenceModelKinds.LaggedCopula, (bytes, source) => LaggedCopula.LaggedCopulaStepModel.FromBytes(bytes, source))
        .With(SequenceModelKinds.Par, (bytes, source) => Par.ParStepModel.FromBytes(bytes, source));

    /// <summary>The kinds this registry reads, in name order.</summary>
    public IReadOnlyList<string> Kinds => _decoders.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>A registry that also reads <paramref name="kind"/> with <paramref name="decode"/> (the step model's bytes, the file's name for errors).</summary>
    public SequenceStepDecoders With(string kind, Func<byte[], string, ISequenceStepModel> decode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(decode);
        return new(new Dictionary<string, Func<byte[], string, ISequenceStepModel>>(_decoders, StringComparer.Ordinal) { [kind] = decode });
    }

    /// <summary>The decoder of <paramref name="kind"/>, or <c>null</c> when this registry does not know it.</summary>
    public Func<byte[], string, ISequenceStepModel>? For(string kind) => _decoders.GetValueOrDefault(kind);
}
