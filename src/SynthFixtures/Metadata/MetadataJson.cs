using System.Globalization;
using System.Text;
using System.Text.Json;
using SynthFixtures.Data.Files;

namespace SynthFixtures.Metadata;

/// <summary>
/// Saves and loads <see cref="TableMetadata"/> as JSON: camelCase names, enums as camelCase strings, two-space
/// indentation, <c>'\n'</c> line endings, so identical metadata gives identical bytes. Loading accepts comments and
/// trailing commas (the file is meant to be edited by hand) and checks everything, reporting problems as
/// <see cref="SynthDataException"/> with the file, 1-based line and character column, and a hint.
/// </summary>
public static class MetadataJson
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The JSON text of <paramref name="metadata"/> (no trailing newline).</summary>
    public static string Serialize(TableMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return JsonSerializer.Serialize(metadata, MetadataWriteJson.Default.TableMetadata);
    }

    /// <summary>Writes <paramref name="metadata"/> to <paramref name="path"/> as UTF-8 without a byte order mark, ending in a newline; whole or not at all.</summary>
    /// <exception cref="SynthDataException">The file could not be written; it is unchanged.</exception>
    public static void Save(TableMetadata metadata, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var files = new OutputFiles();
        AddTo(files, metadata, path);
        files.Commit();
    }

    /// <summary>Adds <paramref name="metadata"/>, written as <see cref="Save"/> writes it, to a set of outputs written together.</summary>
    public static void AddTo(OutputFiles files, TableMetadata metadata, string path)
    {
        ArgumentNullException.ThrowIfNull(files);
        var text = Serialize(metadata) + "\n";
        files.AddText(path, "metadata", text);
    }

    /// <summary>Reads and checks the metadata file at <paramref name="path"/>.</summary>
    /// <exception cref="SynthDataException">The file is missing, is not JSON, or does not describe valid metadata.</exception>
    public static TableMetadata Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path); // an empty path is bad input, named by InputFiles
        if (!InputFiles.Exists(path, "metadata file"))
            throw new SynthDataException("The metadata file does not exist.", path,
                hint: "Create it with MetadataJson.Save (or 'synthfixtures profile'), or check the path.");
        // As File.ReadAllText: a byte order mark picks the encoding, UTF-8 otherwise.
        using var reader = new StreamReader(new MemoryStream(InputFiles.ReadAllBytes(path, "metadata file")), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Parse(reader.ReadToEnd(), path);
    }

    /// <summary>Reads and checks metadata JSON; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="SynthDataException">The text is not JSON, or does not describe valid metadata.</exception>
    public static TableMetadata Parse(string json, string? sourceName)
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
            throw new SynthDataException($"The metadata is not valid JSON: {Sentence(e.Message)}", sourceName, Line(e), Column(utf8, e),
                "Fix the JSON at this position: a missing comma, quote or bracket is the usual cause.", inner: e);
        }
        CheckRootAndVersion(positions, sourceName);
        MetadataDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(utf8, MetadataReadJson.Default.MetadataDocument);
        }
        catch (JsonException e)
        {
            throw new SynthDataException($"The metadata does not have the expected shape at {e.Path}: {Sentence(e.Message)}",
                sourceName, Line(e), Column(utf8, e),
                "Compare with a file written by MetadataJson.Save. A column has: name, kind, and optionally dateTimeFormat, decimalPlaces, pii, evidence.", inner: e);
        }
        return MetadataDocumentReader.ToMetadata(document, sourceName, positions);
    }

    // Before the shape: a newer schema may have another shape, and its reader should say "upgrade", not "unknown property".
    private static void CheckRootAndVersion(JsonPositions positions, string? source)
    {
        if (positions.TokenAt("$") is not JsonTokenType.StartObject and var root)
            throw new SynthDataException($"The metadata must be a JSON object, not {KindName(root)}.", source, 1, 1,
                "Write an object: { \"schemaVersion\": 1, \"columns\": [ ... ] }.");
        if (positions.RawText("$.schemaVersion") is not { } version) return; // hand-written files may leave it out
        var at = positions.Find("$.schemaVersion");
        if (positions.TokenAt("$.schemaVersion") != JsonTokenType.Number
            || !int.TryParse(version, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) || number < 1)
            throw new SynthDataException($"schemaVersion must be a positive whole number, not {version}.", source, at?.Line, at?.Column,
                $"This version of SynthFixtures writes schemaVersion {TableMetadata.CurrentSchemaVersion}.");
        if (number > TableMetadata.CurrentSchemaVersion)
            throw new SynthDataException(
                $"The metadata has schemaVersion {number}, newer than this SynthFixtures understands (up to {TableMetadata.CurrentSchemaVersion}).",
                source, at?.Line, at?.Column, "Upgrade the SynthFixtures package, or re-create the metadata with this version.");
    }

    internal static string KindName(JsonTokenType? token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => "null",
    };

    internal static int? Line(JsonException e) => e.LineNumber is { } line ? (int)line + 1 : null;

    internal static int? Column(byte[] utf8, JsonException e) =>
        e.LineNumber is { } line && e.BytePositionInLine is { } position ? JsonPositions.CharColumn(utf8, line, position) : null;

    // System.Text.Json appends "Path: … | LineNumber: … | BytePositionInLine: …", which the exception's own location replaces.
    internal static string Sentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).Trim();
    }

    /// <summary>The camelCase JSON name of an enum member, as written.</summary>
    internal static string JsonName<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>Parses a camelCase (or any-case) enum name; numbers are not names.</summary>
    internal static bool TryParseName<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        return text is not null && !text.AsSpan().ContainsAnyInRange('0', '9') && !text.Contains(',', StringComparison.Ordinal)
            && Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    /// <summary>The names of all members of <typeparamref name="T"/>, as written.</summary>
    internal static string Names<T>() where T : struct, Enum =>
        string.Join(", ", Enum.GetValues<T>().Select(v => JsonName(v)).ToArray());

    /// <summary>Whether <paramref name="format"/> is a usable .NET date/time format string.</summary>
    internal static bool IsValidDateTimeFormat(string format)
    {
        try
        {
            _ = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Unspecified).ToString(format, CultureInfo.InvariantCulture);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
