using System.Text.Json;
using SynthFixtures.Data.Files;
using SynthFixtures.Models.Artifacts;

namespace SynthFixtures.Models.Relational;

/// <summary>
/// Reads and writes multi-table model files. Layout (little-endian): the 8-byte magic <c>SYNTHDB\n</c>; format version
/// (uint32); header length (uint32) and the UTF-8 JSON header (the relational metadata with each table's profile, the
/// per-table plans, and each table's model's offset and length); payload length (uint64) and the payload (each table's
/// model as a complete <c>.synth</c> artifact, checked on loading like any); then a SHA-256 of everything before it.
/// It holds the models' parameters and aggregate counts, never a source row. Writing is deterministic.
/// </summary>
public static class RelationalModelArtifact
{
    /// <summary>The format version this library writes and the newest it reads.</summary>
    public const int CurrentFormatVersion = 1;

    private static readonly byte[] Magic = "SYNTHDB\n"u8.ToArray();
    private static readonly byte[] SingleTableMagic = "SYNTHFX\n"u8.ToArray();
    private const string Retrain = "The file was edited or not written by SynthFixtures: retrain the model.";
    private static readonly ArtifactContainerWording Wording = new(
        "multi-table model file",
        "The multi-table model file ends early ({0} bytes): it was truncated.",
        "Copy the whole file again, or retrain the model.",
        Retrain,
        Retrain);

    /// <summary>Whether <paramref name="bytes"/> start like a multi-table model file.</summary>
    public static bool HasSignature(ReadOnlySpan<byte> bytes) => bytes.Length >= Magic.Length && bytes[..Magic.Length].SequenceEqual(Magic);

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/>, making its folder, whole or not at all.</summary>
    /// <exception cref="SynthDataException">The file could not be written; it is unchanged.</exception>
    public static void Save(RelationalModel model, string path)
    {
        var files = new OutputFiles();
        files.AddBytes(path, "multi-table model", ToBytes(model));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        files.Commit();
    }

    /// <summary>The artifact bytes of <paramref name="model"/>.</summary>
    public static byte[] ToBytes(RelationalModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var entries = new List<RelationalArtifactModel>();
        var parts = new List<byte[]>();
        long offset = 0;
        foreach (var plan in model.Plans)
        {
            if (model.ModelOf(plan.Table) is not { } table) continue;
            var bytes = ModelArtifact.ToBytes(table);
            entries.Add(new RelationalArtifactModel(plan.Table, offset, bytes.Length));
            parts.Add(bytes);
            offset += bytes.Length;
        }
        var header = new RelationalArtifactHeader
        {
            FormatVersion = CurrentFormatVersion,
            Producer = "SynthFixtures " + ProducerVersion,
            ModelKind = model.Kind,
            Seed = model.Seed,
            Metadata = model.Metadata,
            Plans = model.Plans,
            Models = entries,
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(header, RelationalArtifactJson.Default.RelationalArtifactHeader);
        return ArtifactContainer.Write(Magic, CurrentFormatVersion, json, parts);
    }

    /// <summary>Loads and validates a multi-table model file.</summary>
    /// <exception cref="SynthDataException">The file is missing, a single-table model, not a model, truncated, modified, from a newer version, or inconsistent.</exception>
    public static RelationalModel Load(string path)
    {
        if (!InputFiles.Exists(path, "model file"))
            throw new SynthDataException("The model file does not exist.", path, hint: "Check the path, or train a multi-table model and save it there.");
        return FromBytes(InputFiles.ReadAllBytes(path, "model file"), path);
    }

    /// <summary>Loads and validates multi-table model bytes; <paramref name="sourceName"/> names them in errors.</summary>
    /// <exception cref="SynthDataException">The bytes are a single-table model, not a model, truncated, modified, from a newer version, or inconsistent.</exception>
    public static RelationalModel FromBytes(ReadOnlySpan<byte> bytes, string sourceName = "model")
    {
        if (bytes.Length >= SingleTableMagic.Length && bytes[..SingleTableMagic.Length].SequenceEqual(SingleTableMagic))
            throw new SynthDataException("This is a single-table model, not a multi-table (database) model.", sourceName,
                hint: "Load it with ModelArtifact.Load, or train a multi-table model from a database or a folder of related CSVs.");
        if (!HasSignature(bytes))
            throw new SynthDataException("This is not a SynthFixtures multi-table model file (its first bytes are not the signature).", sourceName,
                hint: "Pass a model file SynthFixtures wrote when it learned a database.");
        var contents = ArtifactContainer.Read(bytes, CurrentFormatVersion, Wording, sourceName);
        RelationalArtifactHeader header;
        try
        {
            header = JsonSerializer.Deserialize(contents.Header, RelationalArtifactJson.Default.RelationalArtifactHeader)
                ?? throw new JsonException("The header is null.");
        }
        catch (JsonException e)
        {
            throw new SynthDataException($"The multi-table model header is not valid: {e.Message}", sourceName, hint: Retrain, inner: e);
        }
        if (header.FormatVersion != contents.Version) throw new SynthDataException("The header's format version disagrees with the file's.", sourceName, hint: Retrain);
        var payload = contents.Payload;
        var models = new Dictionary<string, SynthModel>(StringComparer.Ordinal);
        foreach (var entry in header.Models ?? [])
        {
            if (entry.Offset < 0 || entry.Length < 0 || entry.Offset + entry.Length > payload.Length)
                throw new SynthDataException($"The model of table '{entry.Table}' lies outside the file's payload.", sourceName, hint: Retrain);
            if (!models.TryAdd(entry.Table, ModelArtifact.FromBytes(payload.Slice((int)entry.Offset, (int)entry.Length), $"{sourceName} (table {entry.Table})")))
                throw new SynthDataException($"The file holds two models of table '{entry.Table}'.", sourceName, hint: Retrain);
        }
        if (header.Metadata?.Tables is null || header.Plans is null || header.ModelKind is null)
            throw new SynthDataException("The multi-table model header lacks its metadata, plans or kind.", sourceName, hint: Retrain);
        try
        {
            return new RelationalModel(header.Metadata, header.ModelKind, header.Seed, header.Plans, models);
        }
        catch (ArgumentException e)
        {
            throw new SynthDataException($"The multi-table model is inconsistent: {e.Message}", sourceName, hint: Retrain, inner: e);
        }
    }

    private static string ProducerVersion => ArtifactContainer.ProducerVersion;
}
