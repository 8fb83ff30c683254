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
    private static readonly MetadataJsonFormat Format = new(
        "metadata",
        MissingFileHint: "Create it with MetadataJson.Save (or 'synthfixtures profile'), or check the path.",
        ObjectExample: "Write an object: { \"schemaVersion\": 1, \"columns\": [ ... ] }.",
        TableMetadata.CurrentSchemaVersion,
        UpgradeHint: "Upgrade the SynthFixtures package, or re-create the metadata with this version.",
        ShapeHint: "Compare with a file written by MetadataJson.Save. A column has: name, kind, and optionally dateTimeFormat, decimalPlaces, pii, evidence; a sequence has entity, and optionally index and context.");

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
    public static TableMetadata Load(string path) => Parse(MetadataJsonReading.ReadFile(path, Format), path);

    /// <summary>Reads and checks metadata JSON; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="SynthDataException">The text is not JSON, or does not describe valid metadata.</exception>
    public static TableMetadata Parse(string json, string? sourceName)
    {
        var (utf8, positions) = MetadataJsonReading.Open(json, Format, sourceName);
        var document = MetadataJsonReading.Deserialize(utf8, MetadataReadJson.Default.MetadataDocument, Format, sourceName);
        return MetadataDocumentReader.ToMetadata(document, sourceName, positions);
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
