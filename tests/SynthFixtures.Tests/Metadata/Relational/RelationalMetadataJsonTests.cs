using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Relational;
using SynthFixtures.Tests.TestData;

namespace SynthFixtures.Tests.Metadata.Relational;

public class RelationalMetadataJsonTests
{
    private static SynthDataException ParseFails(string json)
    {
        var error = Assert.Throws<SynthDataException>(() => RelationalMetadataJson.Parse(json, "relations.json"));
        Assert.Equal("relations.json", error.FilePath);
        Assert.False(string.IsNullOrWhiteSpace(error.Hint));
        return error;
    }

    [Fact]
    public void Round_trips_tables_composite_and_self_keys_sum_rules_and_profiles_byte_for_byte()
    {
        var metadata = RelationalSamples.Shop(profiled: true);
        var json = RelationalMetadataJson.Serialize(metadata);
        var back = RelationalMetadataJson.Parse(json, "relations.json");

        Assert.Equal(json, RelationalMetadataJson.Serialize(back));
        Assert.DoesNotContain("\r", json);
        Assert.Equal(["Customer", "Order", "Line"], back.Tables.Select(t => t.Name));
        Assert.Equal(["Shop", "OrderNo"], back.Table("Order").PrimaryKey);
        Assert.Equal(new SqlColumn("Total", "NUMERIC(10,2)", false), back.Table("Order").Columns[3]);
        Assert.Equal(new SqlColumn("ReferredBy", "INTEGER", true), back.Table("Customer").Columns[2]);
        Assert.True(back.ForeignKeys[1].IsSelfReference);
        Assert.Equal(["Shop", "OrderNo"], back.ForeignKeys[2].ChildColumns);
        Assert.Equal("declared", back.ForeignKeys[0].Evidence);
        var rule = Assert.Single(back.SumRules);
        Assert.Equal("Order.Total = SUM(Line.Price * Line.Qty)", rule.ToString());
        Assert.Same(back.ForeignKeys[2], rule.Key);
        Assert.Equal(PiiKind.PersonName, back.Table("Customer").Profile!.Find("Name")!.Pii);
        Assert.Equal("CustomerId", back.Table("Customer").Profile!.PrimaryKey);
        Assert.Null(back.Table("Order").Profile);
    }

    [Fact]
    public void Save_writes_the_same_bytes_each_time_and_load_reads_them()
    {
        using var first = TempFile.Empty(".json");
        using var second = TempFile.Empty(".json");
        RelationalMetadataJson.Save(RelationalSamples.Shop(), first.Path);
        RelationalMetadataJson.Save(RelationalMetadataJson.Load(first.Path), second.Path);
        Assert.Equal(File.ReadAllBytes(first.Path), File.ReadAllBytes(second.Path));
        Assert.EndsWith("}\n", File.ReadAllText(first.Path));
    }

    [Fact]
    public void Hand_written_files_may_have_comments_trailing_commas_and_leave_the_sql_shape_out()
    {
        var metadata = RelationalMetadataJson.Parse("""
            {
              // two tables, written by hand
              "tables": [
                { "name": "Employee", "primaryKey": ["EmployeeId"], "columns": [ { "name": "EmployeeId" }, { "name": "ReportsTo" }, ], },
              ],
              "foreignKeys": [
                { "childTable": "Employee", "childColumns": ["ReportsTo"], "parentTable": "Employee", "parentColumns": ["EmployeeId"] },
              ],
            }
            """, "relations.json");
        Assert.Equal([new SqlColumn("EmployeeId", "TEXT", false), new SqlColumn("ReportsTo", "TEXT", true)], metadata.Tables[0].Columns);
        Assert.True(Assert.Single(metadata.ForeignKeys).IsSelfReference);
    }

    [Fact]
    public void A_misspelt_property_is_an_error_at_its_line_and_column()
    {
        var error = ParseFails("""
            {
              "tables": [ { "name": "A", "columns": [ { "name": "Id" } ] } ],
              "foreignKeys": [ { "childTable": "A", "childColumns": ["Id"], "parentTabel": "A", "parentColumns": ["Id"] } ]
            }
            """);
        Assert.Equal(3, error.Line);
        Assert.Contains("parentTabel", error.Message);
    }

    [Fact]
    public void Invalid_json_names_line_and_column()
    {
        var error = ParseFails("{\n  \"tables\": [\n    { \"name\": \"A\" \"columns\": [] }\n  ]\n}");
        Assert.Equal(3, error.Line);
        Assert.Equal(19, error.Column);
    }

    [Fact]
    public void An_unknown_parent_table_points_at_its_name()
    {
        var error = ParseFails("""
            {
              "tables": [ { "name": "A", "columns": [ { "name": "Id" }, { "name": "BId" } ] } ],
              "foreignKeys": [
                { "childTable": "A", "childColumns": ["BId"],
                  "parentTable": "B", "parentColumns": ["Id"] }
              ]
            }
            """);
        Assert.Contains("unknown parent table 'B'", error.Reason);
        Assert.Equal(5, error.Line);
        Assert.Equal(22, error.Column);
    }

    [Fact]
    public void An_unknown_child_column_points_at_it()
    {
        var error = ParseFails("""
            {
              "tables": [ { "name": "A", "primaryKey": ["Id"], "columns": [ { "name": "Id" } ] } ],
              "foreignKeys": [ { "childTable": "A", "childColumns": ["Nope"], "parentTable": "A", "parentColumns": ["Id"] } ]
            }
            """);
        Assert.Contains("unknown column 'Nope' of table 'A'", error.Reason);
        Assert.Equal(3, error.Line);
        Assert.Equal(58, error.Column);
    }

    [Fact]
    public void Key_column_counts_that_differ_are_an_error()
    {
        var error = ParseFails("""
            {
              "tables": [ { "name": "A", "primaryKey": ["X", "Y"], "columns": [ { "name": "X" }, { "name": "Y" }, { "name": "Z" } ] } ],
              "foreignKeys": [ { "childTable": "A", "childColumns": ["Z"], "parentTable": "A", "parentColumns": ["X", "Y"] } ]
            }
            """);
        Assert.Contains("1 child column(s) but 2 parent column(s)", error.Reason);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void An_unknown_primary_key_column_and_an_unknown_kind_point_at_them()
    {
        var key = ParseFails("""{ "tables": [ { "name": "A", "primaryKey": ["Idd"], "columns": [ { "name": "Id" } ] } ] }""");
        Assert.Contains("unknown column 'Idd'", key.Reason);
        Assert.Equal(1, key.Line);
        Assert.Equal(45, key.Column);

        var kind = ParseFails("{ \"tables\": [ { \"name\": \"A\", \"columns\": [\n  { \"name\": \"Id\", \"kind\": \"number\" } ] } ] }");
        Assert.Contains("unknown kind 'number'", kind.Reason);
        Assert.Equal(2, kind.Line);
        Assert.Equal(27, kind.Column);
    }

    [Fact]
    public void A_sum_rule_needs_a_declared_key_and_known_factors()
    {
        var noKey = ParseFails("""
            { "tables": [ { "name": "P", "primaryKey": ["Id"], "columns": [ { "name": "Id" }, { "name": "Total" } ] },
                          { "name": "C", "columns": [ { "name": "PId" }, { "name": "Price" } ] } ],
              "sumRules": [ { "table": "P", "column": "Total", "childTable": "C", "childColumns": ["PId"], "factors": ["Price"] } ] }
            """);
        Assert.Contains("no foreign key goes from there to P", noKey.Reason);
        Assert.Equal(3, noKey.Line);

        var factor = ParseFails("""
            { "tables": [ { "name": "P", "primaryKey": ["Id"], "columns": [ { "name": "Id" }, { "name": "Total" } ] },
                          { "name": "C", "columns": [ { "name": "PId" }, { "name": "Price" } ] } ],
              "foreignKeys": [ { "childTable": "C", "childColumns": ["PId"], "parentTable": "P", "parentColumns": ["Id"] } ],
              "sumRules": [ { "table": "P", "column": "Total", "childTable": "C", "childColumns": ["PId"], "factors": ["Cost"] } ] }
            """);
        Assert.Contains("unknown column 'Cost' of table 'C'", factor.Reason);
        Assert.Equal(4, factor.Line);
    }

    [Fact]
    public void A_cycle_without_a_nullable_key_is_an_error_naming_its_keys()
    {
        var error = ParseFails("""
            { "tables": [ { "name": "A", "primaryKey": ["Id"], "columns": [ { "name": "Id" }, { "name": "BId", "nullable": false } ] },
                          { "name": "B", "primaryKey": ["Id"], "columns": [ { "name": "Id" }, { "name": "AId", "nullable": false } ] } ],
              "foreignKeys": [ { "childTable": "A", "childColumns": ["BId"], "parentTable": "B", "parentColumns": ["Id"] },
                               { "childTable": "B", "childColumns": ["AId"], "parentTable": "A", "parentColumns": ["Id"] } ] }
            """);
        Assert.Contains("A(BId) → B(Id)", error.Reason);
        Assert.Contains("B(AId) → A(Id)", error.Reason);
        Assert.Contains("cannot be ordered", error.Reason);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void A_newer_schema_version_asks_for_an_upgrade()
    {
        var error = ParseFails("""{ "schemaVersion": 9, "tables": [] }""");
        Assert.Contains("newer than this SynthFixtures understands", error.Reason);
    }

    [Fact]
    public void Load_names_a_missing_file()
    {
        var error = Assert.Throws<SynthDataException>(() => RelationalMetadataJson.Load(Path.Combine(Path.GetTempPath(), "no-such-relations.json")));
        Assert.Contains("does not exist", error.Reason);
    }
}
