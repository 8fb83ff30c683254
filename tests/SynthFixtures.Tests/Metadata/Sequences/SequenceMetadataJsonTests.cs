using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Sequences;

namespace SynthFixtures.Tests.Metadata.Sequences;

public class SequenceMetadataJsonTests
{
    private static readonly TableMetadata Weather = new()
    {
        Columns =
        [
            new ColumnMetadata { Name = "location", Kind = ColumnKind.Categorical },
            new ColumnMetadata { Name = "region", Kind = ColumnKind.Categorical },
            new ColumnMetadata { Name = "date", Kind = ColumnKind.DateTime, DateTimeFormat = "yyyy-MM-dd" },
            new ColumnMetadata { Name = "step", Kind = ColumnKind.Integer },
            new ColumnMetadata { Name = "temp", Kind = ColumnKind.Decimal, DecimalPlaces = 1 },
        ],
    };

    private static string Json(string sequence) =>
        MetadataJson.Serialize(Weather).TrimEnd()[..^1].TrimEnd() + ",\n  \"sequence\": " + sequence + "\n}";

    [Fact]
    public void A_sequence_section_round_trips_and_is_written_after_the_columns()
    {
        var metadata = Weather with { Sequence = new SequenceMetadata { EntityColumns = ["location"], IndexColumn = "date", ContextColumns = ["region"] } };

        var json = MetadataJson.Serialize(metadata);

        Assert.EndsWith("""
              "sequence": {
                "entity": [
                  "location"
                ],
                "index": "date",
                "context": [
                  "region"
                ]
              }
            }
            """, json);
        Assert.Equal(metadata, MetadataJson.Parse(json, "meta.json"));
        Assert.NotEqual(Weather, MetadataJson.Parse(json, "meta.json"));
    }

    [Fact]
    public void Metadata_without_a_sequence_is_written_byte_identically_to_before()
    {
        var json = MetadataJson.Serialize(Weather);

        Assert.DoesNotContain("sequence", json);
        // The exact text the writer gave before sequences existed.
        Assert.Equal("""
            {
              "schemaVersion": 1,
              "columns": [
                {
                  "name": "location",
                  "kind": "categorical",
                  "pii": "none"
                },
                {
                  "name": "region",
                  "kind": "categorical",
                  "pii": "none"
                },
                {
                  "name": "date",
                  "kind": "dateTime",
                  "dateTimeFormat": "yyyy-MM-dd",
                  "pii": "none"
                },
                {
                  "name": "step",
                  "kind": "integer",
                  "pii": "none"
                },
                {
                  "name": "temp",
                  "kind": "decimal",
                  "decimalPlaces": 1,
                  "pii": "none"
                }
              ]
            }
            """, json);
        Assert.Null(MetadataJson.Parse(json, "meta.json").Sequence);
    }

    [Fact]
    public void Entity_may_be_one_name_and_index_and_context_may_be_left_out()
    {
        var metadata = MetadataJson.Parse(Json("""{ "entity": "location" }"""), "meta.json");

        Assert.Equal(new SequenceMetadata { EntityColumns = ["location"] }, metadata.Sequence);
        Assert.Null(metadata.Sequence!.IndexColumn);
        Assert.Empty(metadata.Sequence.ContextColumns);
    }

    [Fact]
    public void Several_entity_columns_and_an_integer_index()
    {
        var metadata = MetadataJson.Parse(Json("""{ "entity": ["location", "region"], "index": "step" }"""), "meta.json");

        Assert.Equal(["location", "region"], metadata.Sequence!.EntityColumns);
        Assert.Equal("step", metadata.Sequence.IndexColumn);
    }

    public static TheoryData<string, string, string?, string> BadSections => new()
    {
        { """{ "entity": "city" }""", "entity column 'city' is not one of the columns", "city", "\"city\"" },
        { """{ "entity": ["location", "town"] }""", "entity column 'town' is not one of the columns", "town", "\"town\"" },
        { """{ "entity": "location", "index": "when" }""", "index column 'when' is not one of the columns", "when", "\"when\"" },
        { """{ "entity": "location", "context": ["region", "zone"] }""", "context column 'zone' is not one of the columns", "zone", "\"zone\"" },
        { """{ "entity": "location", "index": "temp" }""", "sequence index 'temp' is a decimal column; it must hold datetimes or integers", "temp", "\"temp\"" },
        { """{ "entity": "location", "context": ["location"] }""", "'location' is both a sequence entity column and its context column", "location", "\"location\"]" },
        { """{ "entity": "location", "index": "date", "context": ["date"] }""", "'date' is both a sequence index column and its context column", "date", "\"date\"]" },
        { """{ "entity": ["location", "location"] }""", "'location' is named twice as a sequence entity column", "location", "\"location\"]" },
        { """{ "entity": "location", "index": "location" }""", "'location' is both a sequence entity column and its index column", "location", "\"location\" }" },
        { """{ "index": "date" }""", "The sequence has no \"entity\"", null, "{ \"index\"" },
        { """{ "entity": [] }""", "at least one entity column", null, "[] }" },
        { """{ "entity": 3 }""", "\"entity\" is a number, not a column name", null, "3 }" },
        { """{ "entity": ["location", 3] }""", "Entity 2 of the sequence is not a column name", null, "3]" },
        { """{ "entity": "location", "context": [""] }""", "Context column 1 of the sequence has no name", null, "\"\"]" },
    };

    [Theory]
    [MemberData(nameof(BadSections))]
    public void Bad_sections_are_errors_at_their_line_and_column(string section, string reason, string? column, string at)
    {
        var json = Json(section);

        var error = Assert.Throws<SynthDataException>(() => MetadataJson.Parse(json, "meta.json"));

        Assert.Contains(reason, error.Reason);
        Assert.Equal("meta.json", error.FilePath);
        Assert.Equal(column, error.ColumnName);
        Assert.False(string.IsNullOrWhiteSpace(error.Hint));
        var lines = json.Split('\n');
        var sectionLine = lines.Length; // the section is on the last line but one
        Assert.Equal(sectionLine - 1, error.Line);
        // The error points at the offending value: the section's text from the error's column starts with it.
        var text = lines[error.Line!.Value - 1];
        var expected = text.IndexOf(section, StringComparison.Ordinal) + section.LastIndexOf(at, StringComparison.Ordinal) + 1;
        Assert.Equal(expected, error.Column);
    }

    [Fact]
    public void A_misspelt_sequence_field_is_an_error_at_its_place()
    {
        var error = Assert.Throws<SynthDataException>(() => MetadataJson.Parse(Json("""{ "entity": "location", "contxt": [] }"""), "meta.json"));

        Assert.Contains("contxt", error.Reason);
        Assert.NotNull(error.Line);
    }
}
