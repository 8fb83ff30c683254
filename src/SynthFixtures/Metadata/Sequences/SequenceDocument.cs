using System.Text.Json;

namespace SynthFixtures.Metadata.Sequences;

/// <summary>
/// The <c>"sequence"</c> section of the metadata JSON as written: <c>entity</c> a column name or an array of them,
/// <c>index</c> a column name (or absent for the file's order), <c>context</c> an array of column names.
/// </summary>
internal sealed class SequenceDocument
{
    public JsonElement? Entity { get; set; }
    public string? Index { get; set; }
    public List<string?>? Context { get; set; }
}
