using SynthFixtures.Data;

namespace SynthFixtures.Databases.Reading;

/// <summary>How <see cref="RelationalSources.Read"/> reads a source.</summary>
public sealed record RelationalReadOptions
{
    /// <summary>For a folder of CSVs: the relational metadata JSON with its keys (default: <c>relations.json</c> in the folder, else detection).</summary>
    public string? MetadataPath { get; init; }

    /// <summary>For a folder of CSVs: how each CSV is read (missing tokens, delimiter, limits).</summary>
    public CsvReadOptions? Csv { get; init; }
}
