using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Tests.TestData;

namespace SynthFixtures.Tests.Metadata;

public class MetadataJsonTests
{
    private static readonly TableMetadata Sample = new()
    {
        Columns =
        [
            new ColumnMetadata { Name = "id", Kind = ColumnKind.Identifier, Evidence = "unique" },
            new ColumnMetadata { Name = "price", Kind = ColumnKind.Decimal, DecimalPlaces = 2 },
            new ColumnMetadata { Name = "when", Kind = ColumnKind.DateTime, DateTimeFormat = "yyyy-MM-dd" },
            new ColumnMetadata { Name = "email", Kind = ColumnKind.Text, Pii = PiiKind.Email },
        ],
        PrimaryKey = "id",
    };

    private static SynthDataException ParseFails(string json)
    {
        var error = Assert.Throws<SynthDataException>(() => MetadataJson.Parse(json, "meta.json"));
        Assert.Equal("meta.json", error.FilePath);
        Assert.False(string.IsNullOrWhiteSpace(error.Hint));
        return error;
    }

    [Fact]
    public void Serializes_camel_case_with_enum_names_deterministically()
    {
        var json = MetadataJson.Serialize(Sample);
        Assert.Contains("\"schemaVersion\": 1", json);
        Assert.Contains("\"kind\": \"dateTime\"", json);
        Assert.Contains("\"pii\": \"email\"", json);
        Assert.Contains("\"decimalPlaces\": 2", json);
        Assert.DoesNotContain("isModelled", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\r", json);
        Assert.Equal(json, MetadataJson.Serialize(Sample with { Columns = Sample.Columns.ToList() }));
    }

    [Fact]
    public void Save_and_load_round_trip()
    {
        using var file = TempFile.Empty(".json");
        MetadataJson.Save(Sample, file.Path);
        var loaded = MetadataJson.Load(file.Path);
        Assert.Equal(Sample, loaded);
        Assert.EndsWith("}\n", File.ReadAllText(file.Path));
        using var again = TempFile.Empty(".json");
        MetadataJson.Save(loaded, again.Path);
        Assert.Equal(File.ReadAllBytes(file.Path), File.ReadAllBytes(again.Path));
    }

    [Fact]
    public void Hand_written_files_may_use_any_case_comments_trailing_commas_and_omit_optional_fields()
    {
        var metadata = MetadataJson.Parse("""
            {
              // written by hand
              "columns": [
                { "name": "when", "kind": "DateTime" },
                { "name": "n", "kind": "integer", },
              ],
            }
            """, null);
        Assert.Equal(TableMetadata.CurrentSchemaVersion, metadata.SchemaVersion);
        Assert.Equal(ColumnKind.DateTime, metadata.Columns[0].Kind);
        Assert.Null(metadata.Columns[0].DateTimeFormat); // allowed: parsed by default
        Assert.Equal(PiiKind.None, metadata.Columns[1].Pii);
    }

    [Fact]
    public void Malformed_json_gives_1_based_line_and_column()
    {
        var error = ParseFails("{\n  \"columns\": [\n    { \"name\": \"a\" \"kind\": \"integer\" }\n  ]\n}");
        Assert.Equal(3, error.Line);
        Assert.Equal(19, error.Column);
        Assert.Contains("not valid JSON", error.Reason);
        Assert.DoesNotContain("LineNumber", error.Reason);
        Assert.Contains("missing comma", error.Hint);
    }

    [Fact]
    public void Columns_are_counted_in_characters_not_bytes()
    {
        var error = ParseFails("{ \"é\": 1 x }");
        Assert.Equal(1, error.Line);
        Assert.Equal(10, error.Column); // the x: 10th character, 11th byte
    }

    [Fact]
    public void Unknown_kind_points_at_the_kind_and_lists_the_known_ones()
    {
        var error = ParseFails("{\n  \"columns\": [\n    { \"name\": \"a\", \"kind\": \"integer\" },\n    { \"name\": \"b\", \"kind\": \"number\" }\n  ]\n}");
        Assert.Equal(4, error.Line);
        Assert.Equal(28, error.Column); // where "number" starts
        Assert.Equal("b", error.ColumnName);
        Assert.Contains("unknown kind 'number'", error.Reason);
        Assert.Contains("integer, decimal, boolean, dateTime, categorical, identifier, text", error.Hint);
    }

    [Fact]
    public void Numeric_kind_is_not_accepted() => Assert.Contains("unknown kind '1'", ParseFails("""{ "columns": [ { "name": "a", "kind": "1" } ] }""").Reason);

    [Fact]
    public void Missing_name_and_missing_kind()
    {
        var noName = ParseFails("{\n\"columns\": [\n  { \"kind\": \"text\" }\n]}");
        Assert.Equal(3, noName.Line);
        Assert.Equal(3, noName.Column);
        Assert.Contains("Column 1 has no name", noName.Reason);
        Assert.Contains("no kind", ParseFails("""{ "columns": [ { "name": "a" } ] }""").Reason);
    }

    [Fact]
    public void Duplicate_names_name_both_positions()
    {
        var error = ParseFails("""{ "columns": [ { "name": "a", "kind": "text" }, { "name": "a", "kind": "integer" } ] }""");
        Assert.Contains("Columns 1 and 2 are both named 'a'", error.Reason);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Future_schema_version_is_a_clear_error()
    {
        var error = ParseFails("""{ "schemaVersion": 99, "columns": [] }""");
        Assert.Contains("schemaVersion 99", error.Reason);
        Assert.Contains("Upgrade", error.Hint);
        Assert.Equal((1, 20), (error.Line, error.Column)); // where 99 starts
    }

    [Fact]
    public void A_schema_version_that_is_not_a_positive_whole_number_is_shown_as_written_where_it_is()
    {
        foreach (var written in new[] { "\"1\"", "1.5", "0", "-3", "{ \"v\": 1 }" })
        {
            var error = ParseFails($"{{\n  \"columns\": [],\n  \"schemaVersion\": {written}\n}}");
            Assert.Equal($"schemaVersion must be a positive whole number, not {written}.", error.Reason);
            Assert.Equal((3, 20), (error.Line, error.Column));
        }
        Assert.Contains("JSON object, not an array", ParseFails("[1]").Reason);
    }

    [Fact]
    public void Other_shape_errors()
    {
        Assert.Contains("no \"columns\"", ParseFails("{}").Reason);
        Assert.Contains("JSON object", ParseFails("[]").Reason);
        Assert.Contains("not valid JSON", ParseFails("").Reason);
        var misspelt = ParseFails("""{ "columns": [ { "name": "a", "kind": "text", "dateTimeFormt": "x" } ] }""");
        Assert.Contains("dateTimeFormt", misspelt.Reason);
        Assert.Equal(1, misspelt.Line);
        Assert.Contains("decimalPlaces 20", ParseFails("""{ "columns": [ { "name": "a", "kind": "decimal", "decimalPlaces": 20 } ] }""").Reason);
        Assert.Contains("unknown pii", ParseFails("""{ "columns": [ { "name": "a", "kind": "text", "pii": "ssn" } ] }""").Reason);
        Assert.Contains("primary key 'b'", ParseFails("""{ "columns": [ { "name": "a", "kind": "text" } ], "primaryKey": "b" }""").Reason);
        Assert.Contains("dateTimeFormat", ParseFails("""{ "columns": [ { "name": "a", "kind": "dateTime", "dateTimeFormat": "%" } ] }""").Reason);
    }

    [Fact]
    public void Missing_file()
    {
        var error = Assert.Throws<SynthDataException>(() => MetadataJson.Load(Path.Combine(Path.GetTempPath(), "synthfixtures-none.json")));
        Assert.Contains("does not exist", error.Reason);
    }

    [Fact]
    public void Profiled_metadata_round_trips_through_json()
    {
        var table = new Table(["id", "city", "when"], [
            Enumerable.Range(1, 12).Select(i => i.ToString()).ToArray(),
            Enumerable.Range(1, 12).Select(i => i % 2 == 0 ? "Oslo" : "Lima").ToArray(),
            Enumerable.Range(1, 12).Select(i => $"2024-01-{i:00}").ToArray(),
        ]);
        var metadata = TableProfiler.Profile(table);
        Assert.Equal(metadata, MetadataJson.Parse(MetadataJson.Serialize(metadata), null));
    }
}
