using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SynthFixtures.Data.Files;

namespace SynthFixtures.Metadata;

/// <summary>
/// The steps every metadata JSON reader takes before its own checks: reading the file, finding each token's line and
/// column, checking the root and the schemaVersion, and deserializing, each failure a <see cref="SynthDataException"/>
/// at its line and column and worded by the <see cref="MetadataJsonFormat"/>.
/// </summary>
internal static class MetadataJsonReading
{
    // The files are meant to be edited by hand.
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The text of the file at <paramref name="path"/>.</summary>
    /// <exception cref="SynthDataException">The file is missing or cannot be read.</exception>
    public static string ReadFile(string path, MetadataJsonFormat format)
    {
        ArgumentNullException.ThrowIfNull(path); // an empty path is bad input, named by InputFiles
        var fileNoun = format.Subject + " file";
        if (!InputFiles.Exists(path, fileNoun))
            throw new SynthDataException($"The {fileNoun} does not exist.", path, hint: format.MissingFileHint);
        // As File.ReadAllText: a byte order mark picks the encoding, UTF-8 otherwise.
        using var reader = new StreamReader(new MemoryStream(InputFiles.ReadAllBytes(path, fileNoun)), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>The UTF-8 bytes of <paramref name="json"/> and its token positions, once the root is an object of a readable schemaVersion.</summary>
    /// <exception cref="SynthDataException">The text is not JSON, not an object, or of a bad or newer schemaVersion.</exception>
    public static (byte[] Utf8, JsonPositions Positions) Open(string json, MetadataJsonFormat format, string? sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        var utf8 = Encoding.UTF8.GetBytes(json);
        JsonPositions positions;
        try
        {
            positions = new JsonPositions(utf8, ReaderOptions);
        }
        catch (JsonException e)
        {
            throw new SynthDataException($"The {format.Subject} is not valid JSON: {MetadataJson.Sentence(e.Message)}", sourceName,
                MetadataJson.Line(e), MetadataJson.Column(utf8, e),
                "Fix the JSON at this position: a missing comma, quote or bracket is the usual cause.", inner: e);
        }
        CheckRootAndVersion(positions, format, sourceName);
        return (utf8, positions);
    }

    /// <summary>The document in <paramref name="utf8"/>.</summary>
    /// <exception cref="SynthDataException">The JSON does not have the document's shape.</exception>
    public static T? Deserialize<T>(byte[] utf8, JsonTypeInfo<T> type, MetadataJsonFormat format, string? sourceName)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8, type);
        }
        catch (JsonException e)
        {
            throw new SynthDataException($"The {format.Subject} does not have the expected shape at {e.Path}: {MetadataJson.Sentence(e.Message)}",
                sourceName, MetadataJson.Line(e), MetadataJson.Column(utf8, e), format.ShapeHint, inner: e);
        }
    }

    // Before the shape: a newer schema may have another shape, and its reader should say "upgrade", not "unknown property".
    private static void CheckRootAndVersion(JsonPositions positions, MetadataJsonFormat format, string? source)
    {
        if (positions.TokenAt("$") is not JsonTokenType.StartObject and var root)
            throw new SynthDataException($"The {format.Subject} must be a JSON object, not {MetadataJson.KindName(root)}.", source, 1, 1, format.ObjectExample);
        if (positions.RawText("$.schemaVersion") is not { } version) return; // hand-written files may leave it out
        var at = positions.Find("$.schemaVersion");
        if (positions.TokenAt("$.schemaVersion") != JsonTokenType.Number
            || !int.TryParse(version, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) || number < 1)
            throw new SynthDataException($"schemaVersion must be a positive whole number, not {version}.", source, at?.Line, at?.Column,
                $"This version of SynthFixtures writes schemaVersion {format.CurrentSchemaVersion}.");
        if (number > format.CurrentSchemaVersion)
            throw new SynthDataException(
                $"The {format.Subject} has schemaVersion {number}, newer than this SynthFixtures understands (up to {format.CurrentSchemaVersion}).",
                source, at?.Line, at?.Column, format.UpgradeHint);
    }
}
