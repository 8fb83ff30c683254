using System.Globalization;
using System.Text;
using System.Text.Json;
using SynthFixtures.Data.Files;

namespace SynthFixtures.Metadata.Relational;

/// <summary>
/// Saves and loads <see cref="RelationalMetadata"/> as JSON, the file a user edits to add a foreign key detection could
/// not know or to correct a column's kind: camelCase names, two-space indentation, <c>'\n'</c> line ends, so identical
/// metadata gives identical bytes. Loading accepts comments and trailing commas, refuses unknown properties, and checks
/// the tables, keys and sum rules (<see cref="RelationalValidator"/>), reporting every problem as a
/// <see cref="SynthDataException"/> with the file, 1-based line and character column, and a hint.
/// </summary>
public static class RelationalMetadataJson
{
    private static readonly MetadataJsonFormat Format = new(
        "relational metadata",
        MissingFileHint: "Check the path, or write the detected relations to a file first and edit them.",
        ObjectExample: "Write an object: { \"schemaVersion\": 1, \"tables\": [ ... ], \"foreignKeys\": [ ... ] }.",
        RelationalMetadata.CurrentSchemaVersion,
        UpgradeHint: "Upgrade SynthFixtures, or re-create the file with this version.",
        ShapeHint: "Compare with a file written by 'synthfixtures relations'. The top level has tables, foreignKeys and sumRules; a table has name, primaryKey, columns; "
            + "a foreign key has childTable, childColumns, parentTable, parentColumns.");

    /// <summary>The JSON text of <paramref name="metadata"/> (no trailing newline).</summary>
    public static string Serialize(RelationalMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return JsonSerializer.Serialize(RelationalMetadataWriter.ToOutput(metadata), MetadataWriteJson.Default.RelationalMetadataOutput);
    }

    /// <summary>Writes <paramref name="metadata"/> to <paramref name="path"/> as UTF-8 without a byte order mark, ending in a newline; whole or not at all.</summary>
    /// <exception cref="SynthDataException">The file could not be written; it is unchanged.</exception>
    public static void Save(RelationalMetadata metadata, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var files = new OutputFiles();
        AddTo(files, metadata, path);
        files.Commit();
    }

    /// <summary>Adds <paramref name="metadata"/>, written as <see cref="Save"/> writes it, to a set of outputs written together.</summary>
    public static void AddTo(OutputFiles files, RelationalMetadata metadata, string path)
    {
        ArgumentNullException.ThrowIfNull(files);
        files.AddText(path, "relational metadata", Serialize(metadata) + "\n");
    }

    /// <summary>Reads and checks the relational metadata file at <paramref name="path"/>.</summary>
    /// <exception cref="SynthDataException">The file is missing, is not JSON, or does not describe valid relational metadata.</exception>
    public static RelationalMetadata Load(string path) => Parse(MetadataJsonReading.ReadFile(path, Format), path);

    /// <summary>Reads and checks relational metadata JSON; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="SynthDataException">The text is not JSON, or does not describe valid relational metadata.</exception>
    public static RelationalMetadata Parse(string json, string? sourceName)
    {
        var (utf8, positions) = MetadataJsonReading.Open(json, Format, sourceName);
        var document = MetadataJsonReading.Deserialize(utf8, MetadataReadJson.Default.RelationalMetadataDocument, Format, sourceName);
        var metadata = RelationalMetadataDocumentReader.ToMetadata(document, sourceName, positions);
        foreach (var problem in RelationalValidator.ShapeProblems(metadata))
        {
            var at = positions.FindFirst(problem.Path, Parent(problem.Path), "$");
            throw new SynthDataException(problem.Message, sourceName, at?.Line, at?.Column, problem.Hint);
        }
        try
        {
            _ = RelationalOrder.Of(metadata);
        }
        catch (SynthDataException e)
        {
            var at = positions.Find("$.foreignKeys");
            throw new SynthDataException(e.Reason, sourceName, at?.Line, at?.Column, e.Hint);
        }
        return metadata;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut > 0 ? path[..cut] : "$";
    }
}
