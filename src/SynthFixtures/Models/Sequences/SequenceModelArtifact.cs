using System.Text.Json;
using SynthFixtures.Data.Files;
using SynthFixtures.Models.Artifacts;

namespace SynthFixtures.Models.Sequences;

/// <summary>
/// Reads and writes sequence model files. Layout (little-endian, the framing every model file shares): the 8-byte magic
/// <c>SYNTHSEQ</c>; format version (uint32); header length (uint32) and the UTF-8 JSON header (the sequence metadata, the
/// output columns, the context layout, the index and entity key recipes, the step model's kind, provenance, and the
/// lengths of the two models' bytes); payload length (uint64) and the payload (the context model as a complete
/// <c>.synth</c> artifact, checked on loading like any, then the step model's bytes, read by its kind's decoder); then a
/// SHA-256 of everything before it. Writing is deterministic.
/// </summary>
public static class SequenceModelArtifact
{
    /// <summary>The format version this library writes and the newest it reads.</summary>
    public const int CurrentFormatVersion = 1;

    private static readonly byte[] Magic = "SYNTHSEQ"u8.ToArray();
    private const string Retrain = "The file was edited or not written by SynthFixtures: retrain the model.";
    private static readonly ArtifactContainerWording Wording = new(
        "sequence model file",
        "The sequence model file ends early ({0} bytes): it was truncated.",
        "Copy the whole file again, or retrain the model.",
        Retrain,
        Retrain);

    /// <summary>Whether <paramref name="bytes"/> start like a sequence model file.</summary>
    public static bool HasSignature(ReadOnlySpan<byte> bytes) => bytes.Length >= Magic.Length && bytes[..Magic.Length].SequenceEqual(Magic);

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/>, making its folder, whole or not at all.</summary>
    /// <exception cref="SynthDataException">The file could not be written; it is unchanged.</exception>
    public static void Save(SequenceModel model, string path)
    {
        var files = new OutputFiles();
        files.AddBytes(path, "sequence model", ToBytes(model));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        files.Commit();
    }

    /// <summary>The artifact bytes of <paramref name="model"/>.</summary>
    public static byte[] ToBytes(SequenceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var context = ModelArtifact.ToBytes(model.ContextModel);
        var steps = model.StepModel.ToBytes();
        var header = new SequenceArtifactHeader
        {
            FormatVersion = CurrentFormatVersion,
            Producer = "SynthFixtures " + ArtifactContainer.ProducerVersion,
            StepKind = model.Kind,
            Sequence = model.Sequence,
            Metadata = model.Metadata,
            Context = model.Context,
            Index = model.Index,
            EntityKeys = model.EntityKeys,
            Provenance = model.Provenance,
            SourceEntities = model.SourceEntities,
            Covariates = model.Covariates,
            Privacy = model.Privacy,
            Generated = model.GeneratedColumns.Count == 0 ? null : model.GeneratedColumns,
            ContextModelLength = context.Length,
            StepModelLength = steps.Length,
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(header, SequenceArtifactJson.Default.SequenceArtifactHeader);
        return ArtifactContainer.Write(Magic, CurrentFormatVersion, json, [context, steps]);
    }

    /// <summary>Loads and validates a sequence model file whose step model is read by <paramref name="decoders"/> (<c>null</c>: the built-in kinds).</summary>
    /// <exception cref="SynthDataException">The file is missing, not a sequence model, truncated, modified, from a newer version, of an unknown step kind, or inconsistent.</exception>
    public static SequenceModel Load(string path, SequenceStepDecoders? decoders = null)
    {
        if (!InputFiles.Exists(path, "model file"))
            throw new SynthDataException("The model file does not exist.", path, hint: "Check the path, or train a sequence model and save it there.");
        return FromBytes(InputFiles.ReadAllBytes(path, "model file"), path, decoders);
    }

    /// <summary>Loads and validates sequence model bytes; <paramref name="sourceName"/> names them in errors.</summary>
    /// <exception cref="SynthDataException">The bytes are not a sequence model, truncated, modified, from a newer version, of an unknown step kind, or inconsistent.</exception>
    public static SequenceModel FromBytes(ReadOnlySpan<byte> bytes, string sourceName = "model", SequenceStepDecoders? decoders = null)
    {
        decoders ??= SequenceStepDecoders.BuiltIn;
        if (!HasSignature(bytes))
            throw new SynthDataException("This is not a SynthFixtures sequence model file (its first bytes are not the signature).", sourceName,
                hint: "Pass a model file SynthFixtures wrote when it learned sequences.");
        var contents = ArtifactContainer.Read(bytes, CurrentFormatVersion, Wording, sourceName);
        SequenceArtifactHeader header;
        try
        {
            header = JsonSerializer.Deserialize(contents.Header, SequenceArtifactJson.Default.SequenceArtifactHeader)
                ?? throw new JsonException("The header is null.");
        }
        catch (JsonException e)
        {
            throw new SynthDataException($"The sequence model header is not valid: {e.Message}", sourceName, hint: Retrain, inner: e);
        }
        if (header.FormatVersion != contents.Version) throw new SynthDataException("The header's format version disagrees with the file's.", sourceName, hint: Retrain);
        var payload = contents.Payload;
        if (header.ContextModelLength < 0 || header.StepModelLength < 0 || header.ContextModelLength + header.StepModelLength != payload.Length)
            throw new SynthDataException("The sequence model's parts do not fill its payload.", sourceName, hint: Retrain);
        var decode = decoders.For(header.StepKind)
            ?? throw new SynthDataException($"The sequence model's step model is of kind '{header.StepKind}', which this SynthFixtures cannot read.", sourceName,
                hint: decoders.Kinds.Count == 0 ? "Upgrade SynthFixtures, or retrain the model." : $"It reads {string.Join(", ", decoders.Kinds)}; upgrade SynthFixtures, or retrain the model.");
        var context = ModelArtifact.FromBytes(payload[..(int)header.ContextModelLength], $"{sourceName} (context model)");
        var steps = decode(payload[(int)header.ContextModelLength..].ToArray(), $"{sourceName} (step model)");
        if (steps.Kind != header.StepKind)
            throw new SynthDataException($"The step model reads as kind '{steps.Kind}', but the header says '{header.StepKind}'.", sourceName, hint: Retrain);
        try
        {
            return new SequenceModel(header.Sequence, header.Metadata, context, header.Context, steps, header.Index, header.EntityKeys, header.Provenance,
                header.SourceEntities, header.Covariates, header.Generated) { Privacy = header.Privacy };
        }
        catch (ArgumentException e)
        {
            throw new SynthDataException($"The sequence model is inconsistent: {e.Message}", sourceName, hint: Retrain, inner: e);
        }
    }
}
