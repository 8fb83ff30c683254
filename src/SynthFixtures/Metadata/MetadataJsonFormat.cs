namespace SynthFixtures.Metadata;

/// <summary>What one kind of metadata file is called and how its errors are worded, kept as each kind has always worded them.</summary>
/// <param name="Subject">What the content is called in messages ("metadata", "relational metadata"); its file is "<c>{Subject} file</c>".</param>
/// <param name="MissingFileHint">The hint when the file does not exist.</param>
/// <param name="ObjectExample">The hint when the root is not an object: an example of the expected object.</param>
/// <param name="CurrentSchemaVersion">The newest schemaVersion this library reads.</param>
/// <param name="UpgradeHint">The hint when the file's schemaVersion is newer than <paramref name="CurrentSchemaVersion"/>.</param>
/// <param name="ShapeHint">The hint when the JSON does not have the expected shape.</param>
internal sealed record MetadataJsonFormat(
    string Subject, string MissingFileHint, string ObjectExample, int CurrentSchemaVersion, string UpgradeHint, string ShapeHint);
