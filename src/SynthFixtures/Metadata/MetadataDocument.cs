namespace SynthFixtures.Metadata;

/// <summary>
/// The metadata JSON as written, every field optional, so that a missing or wrong field is reported by
/// <see cref="MetadataJson"/> with its position instead of failing inside the serializer.
/// </summary>
internal sealed class MetadataDocument
{
    public int? SchemaVersion { get; set; }
    public List<ColumnDocument?>? Columns { get; set; }
    public string? PrimaryKey { get; set; }
    public List<Rules.RuleDocument?>? Rules { get; set; }
    public Sequences.SequenceDocument? Sequence { get; set; }
}

/// <summary>One column as written in the metadata JSON (a relational metadata column adds its SQL shape to it).</summary>
internal class ColumnDocument
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? DateTimeFormat { get; set; }
    public int? DecimalPlaces { get; set; }
    public string? Pii { get; set; }
    public string? Evidence { get; set; }
    public string? TextModel { get; set; }
}
