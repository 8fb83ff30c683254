using System.Text;
using System.Text.Json;
using SynthFixtures.Data.Files;
using SynthFixtures.Metadata;
using SynthFixtures.Models.DpMarginals;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Models.Neural;
using SynthFixtures.Models.Rules;
using SynthFixtures.Text;

namespace SynthFixtures.Models.Artifacts;

/// <summary>
/// Reads and writes <c>.synth</c> model files, the contract between training and sampling.
/// Layout (little-endian): the 8-byte magic <c>SYNTHFX\n</c>; format version (uint32); header length (uint32) and
/// the UTF-8 JSON header (<see cref="ArtifactHeader"/>); payload length (uint64) and the payload (float32 weights for
/// neural models, empty for a copula; from version 2, followed by each learned text model's weights, whose offsets and
/// lengths the header's <c>textModels</c> give); then a SHA-256 of everything before it. Loading checks each of these before
/// reading a single parameter, never executes or instantiates anything named by the file, and fails with a
/// <see cref="SynthDataException"/> that says what is wrong: not a model, truncated, modified, or too new.
/// Writing is deterministic: the same model gives the same bytes.
/// </summary>
public static class ModelArtifact
{
    /// <summary>
    /// The newest format version this library reads (2: learned text models; 3: rules kept by construction). A model
    /// is written in the oldest version that holds it, so a model without rules reads in a library that knows only version 2.
    /// </summary>
    public const int CurrentFormatVersion = 3;

    /// <summary>The version written for a model without rules.</summary>
    private const int WithoutRulesVersion = 2;

    /// <summary>The conventional file extension.</summary>
    public const string Extension = ".synth";

    private static readonly byte[] Magic = "SYNTHFX\n"u8.ToArray();
    private static readonly ArtifactContainerWording Wording = new(
        "model file",
        "The model file is truncated ({0} bytes): it ends before its declared content does.",
        "The copy was interrupted: copy the file again or retrain the model.",
        "The file is damaged: retrain the model.",
        "The file was modified or two files were joined: retrain or restore the model.");

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/>, making its folder, whole or not at all (a temporary file is renamed into place).</summary>
    /// <exception cref="SynthDataException">The file could not be written; it is unchanged.</exception>
    public static void Save(SynthModel model, string path)
    {
        var files = new OutputFiles();
        files.AddBytes(path, "model", ToBytes(model));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        files.Commit();
    }

    /// <summary>The artifact bytes of <paramref name="model"/>.</summary>
    public static byte[] ToBytes(SynthModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var rules = model as RulesModel;
        var tabular = rules?.Inner ?? model;
        var (settings, parameters, payload) = tabular switch
        {
            GaussianCopulaModel copula => (
                JsonSerializer.SerializeToElement(copula.Options, ArtifactJson.Default.GaussianCopulaOptions),
                GaussianCopulaCodec.Encode(copula),
                Array.Empty<byte>()),
            NeuralSynthModel neural => (neural.TrainingSettings, NeuralModelCodec.Encode(neural), NeuralModelCodec.Payload(neural)),
            DpMarginalsModel marginals => (
                JsonSerializer.SerializeToElement(marginals.Options, ArtifactJson.Default.DpMarginalsOptions),
                DpMarginalsCodec.Encode(marginals),
                Array.Empty<byte>()),
            _ => throw new NotSupportedException($"Saving {model.Kind} models is not supported."),
        };
        var textModels = model.TextModels.Count == 0 ? null : new List<ArtifactTextModel>();
        var textPayloads = new List<byte[]>();
        long offset = payload.Length;
        foreach (var text in model.TextModels)
        {
            var parts = text.Encode();
            if (parts.Kind != text.Kind || parts.Column != text.Column)
                throw new InvalidOperationException($"The text model of '{text.Column}' encoded itself as {parts.Kind} of '{parts.Column}'.");
            textModels!.Add(new ArtifactTextModel
            {
                Kind = parts.Kind, Column = parts.Column, Parameters = parts.Parameters, PayloadOffset = offset, PayloadLength = parts.Payload.Length,
            });
            textPayloads.Add(parts.Payload);
            offset += parts.Payload.Length;
        }
        var header = new ArtifactHeader
        {
            FormatVersion = rules is null ? WithoutRulesVersion : CurrentFormatVersion,
            ModelKind = model.Kind,
            Producer = "SynthFixtures " + ProducerVersion,
            Metadata = tabular.Metadata,
            Provenance = model.Provenance,
            TrainingSettings = settings,
            Parameters = parameters,
            Privacy = model.Privacy,
            TextModels = textModels,
            Rules = rules?.Kept,
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(header, ArtifactJson.Default.ArtifactHeader);
        return ArtifactContainer.Write(Magic, header.FormatVersion, json, [payload, .. textPayloads]);
    }

    /// <summary>Loads and validates a model file.</summary>
    /// <exception cref="SynthDataException">The file is missing, not a model, truncated, modified, from a newer version, or inconsistent.</exception>
    public static SynthModel Load(string path) => Load(path, TextModelDecoders.BuiltIn);

    /// <summary>Loads and validates a model file whose learned text models are read by <paramref name="textDecoders"/>.</summary>
    /// <exception cref="SynthDataException">The file is missing, not a model, truncated, modified, from a newer version, or inconsistent.</exception>
    public static SynthModel Load(string path, TextModelDecoders textDecoders)
    {
        if (!InputFiles.Exists(path, "model file"))
            throw new SynthDataException("The model file does not exist.", path, hint: "Check the path, or train a model and save it there.");
        return FromBytes(InputFiles.ReadAllBytes(path, "model file"), path, textDecoders);
    }

    /// <summary>Loads and validates model bytes; <paramref name="sourceName"/> names them in errors.</summary>
    public static SynthModel FromBytes(ReadOnlySpan<byte> bytes, string sourceName = "model") => FromBytes(bytes, sourceName, TextModelDecoders.BuiltIn);

    /// <summary>Loads and validates model bytes whose learned text models are read by <paramref name="textDecoders"/>; <paramref name="sourceName"/> names them in errors.</summary>
    public static SynthModel FromBytes(ReadOnlySpan<byte> bytes, string sourceName, TextModelDecoders textDecoders)
    {
        ArgumentNullException.ThrowIfNull(textDecoders);
        if (Relational.RelationalModelArtifact.HasSignature(bytes))
            throw new SynthDataException("This is a multi-table (database) model, not a single-table model.", sourceName,
                hint: "Load it with RelationalModelArtifact.Load, or sample it with the multi-table sampling (one CSV per table).");
        if (Sequences.SequenceModelArtifact.HasSignature(bytes))
            throw new SynthDataException("This is a sequence model, not a single-table model.", sourceName,
                hint: "Load it with SequenceModelArtifact.Load, and sample whole entities from it.");
        if (bytes.Length < Magic.Length || !bytes[..Magic.Length].SequenceEqual(Magic))
            throw new SynthDataException("This is not a SynthFixtures model file (its first bytes are not the .synth signature).", sourceName,
                hint: "Pass a .synth file that SynthFixtures wrote when it trained a model.");
        var contents = ArtifactContainer.Read(bytes, CurrentFormatVersion, Wording, sourceName);
        var version = contents.Version;

        ArtifactHeader header;
        try
        {
            header = JsonSerializer.Deserialize(contents.Header, ArtifactJson.Default.ArtifactHeader)
                ?? throw new JsonException("The header is null.");
        }
        catch (JsonException e)
        {
            throw new SynthDataException($"The model header is not valid: {e.Message}", sourceName, hint: "Retrain the model with this version of SynthFixtures.", inner: e);
        }
        if (header.FormatVersion != version)
            throw new SynthDataException("The model header's format version disagrees with the file's.", sourceName, hint: "The file is damaged: retrain the model.");
        CheckHeader(header, sourceName);
        var payload = contents.Payload;
        var tabularLength = TextModelPayloads.TabularLength(header, version, payload.Length, sourceName);
        var model = Decode(header, payload[..tabularLength], sourceName);
        if (header.Rules is { } kept) model = KeptRulesCheck.Attach(model, kept, header, version, sourceName);
        return header.TextModels is { Count: > 0 } texts ? TextModelPayloads.Attach(model, texts, payload, textDecoders, sourceName) : model;
    }

    private static SynthModel Decode(ArtifactHeader header, ReadOnlySpan<byte> payload, string sourceName)
    {
        if (header.ModelKind is ModelKinds.GaussianCopula or ModelKinds.DpMarginals && payload.Length > 0)
            throw new SynthDataException($"The model file holds {payload.Length} bytes of weights before its text models, but a {header.ModelKind} model has none.",
                sourceName, hint: "The file was edited or not written by SynthFixtures: retrain the model.");
        return header.ModelKind switch
        {
            ModelKinds.GaussianCopula => GaussianCopulaCodec.Decode(header, sourceName),
            ModelKinds.DpMarginals => DpMarginalsCodec.Decode(header, sourceName),
            ModelKinds.Tvae or ModelKinds.Ctgan => NeuralModelCodec.Decode(header, payload, sourceName),
            _ => throw new SynthDataException($"The model kind '{header.ModelKind}' is not known to this SynthFixtures ({ProducerVersion}).", sourceName,
                hint: $"Known kinds: {ModelKinds.GaussianCopula}, {ModelKinds.Tvae}, {ModelKinds.Ctgan}, {ModelKinds.DpMarginals}. Upgrade SynthFixtures or retrain."),
        };
    }

    // The checksum proves the file is as written, not that it was written by SynthFixtures: a crafted header with a
    // valid checksum is checked like a hand-written metadata file, so nothing downstream meets a null or a bad format.
    private static void CheckHeader(ArtifactHeader header, string sourceName)
    {
        const string Retrain = "The file was edited or not written by SynthFixtures: retrain the model.";
        var missing = header switch
        {
            { ModelKind: null } => "modelKind",
            { Producer: null } => "producer",
            { Metadata: null } or { Metadata.Columns: null } => "metadata",
            { Provenance: null } => "provenance",
            { Provenance.SourceDataSha256: null } => "provenance.sourceDataSha256",
            _ => null,
        };
        if (missing is not null) throw new SynthDataException($"The model header has no {missing}.", sourceName, hint: Retrain);
        if (header.Provenance!.SourceRows < 0)
            throw new SynthDataException($"The model header's provenance counts {header.Provenance.SourceRows} rows.", sourceName, hint: Retrain);
        try
        {
            _ = MetadataJson.Parse(MetadataJson.Serialize(header.Metadata!), sourceName);
        }
        catch (SynthDataException e)
        {
            throw new SynthDataException($"The model's column metadata is not valid: {e.Reason}", sourceName, hint: Retrain, columnName: e.ColumnName, inner: e);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            throw new SynthDataException($"The model's column metadata is not valid: {e.Message}", sourceName, hint: Retrain, inner: e);
        }
    }

    private static string ProducerVersion => ArtifactContainer.ProducerVersion;
}
