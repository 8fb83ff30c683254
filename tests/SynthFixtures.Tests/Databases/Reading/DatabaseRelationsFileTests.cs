using Microsoft.Data.Sqlite;
using SynthFixtures.Databases.Reading;
using SynthFixtures.Metadata;
using SynthFixtures.Tests.TestData;

namespace SynthFixtures.Tests.Databases.Reading;

/// <summary>A relations file beside a database source adds the keys its schema lacks and the sum rules no schema states.</summary>
public class DatabaseRelationsFileTests
{
    /// <summary>An invoice database whose schema declares no foreign key (as many application databases do).</summary>
    private static TempFile InvoicesWithoutKeys(string extraLine = "")
    {
        var file = TempFile.Empty(".db");
        using (var connection = new SqliteConnection($"Data Source={file.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                CREATE TABLE Invoice (InvoiceId INTEGER PRIMARY KEY, Total NUMERIC(10,2) NOT NULL);
                CREATE TABLE Line (LineId INTEGER PRIMARY KEY, InvoiceId INTEGER NOT NULL, Price NUMERIC(10,2) NOT NULL, Quantity INTEGER NOT NULL);
                INSERT INTO Invoice VALUES (1, 3.00), (2, 1.50);
                INSERT INTO Line VALUES (1, 1, 1.00, 1), (2, 1, 1.00, 2), (3, 2, 1.50, 1);
                {extraLine}
                """;
            command.ExecuteNonQuery();
        }
        return file;
    }

    private const string KeyAndRule = """
        { "tables": [ { "name": "Invoice", "primaryKey": ["InvoiceId"], "columns": [ { "name": "InvoiceId" }, { "name": "Total" } ] },
                      { "name": "Line", "primaryKey": ["LineId"], "columns": [ { "name": "LineId" }, { "name": "InvoiceId" }, { "name": "Price" }, { "name": "Quantity" } ] } ],
          "foreignKeys": [ { "childTable": "Line", "childColumns": ["InvoiceId"], "parentTable": "Invoice", "parentColumns": ["InvoiceId"] } ],
          "sumRules": [ { "table": "Invoice", "column": "Total", "childTable": "Line", "childColumns": ["InvoiceId"], "factors": ["Price", "Quantity"] } ] }
        """;

    private static string WriteRelations(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"relations-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Keys_and_sum_rules_from_the_file_join_the_schema()
    {
        using var database = InvoicesWithoutKeys();
        var relations = WriteRelations(KeyAndRule);
        try
        {
            Assert.Empty(RelationalSources.Read(database.Path).Metadata.ForeignKeys);
            var metadata = RelationalSources.Read(database.Path, new RelationalReadOptions { MetadataPath = relations }).Metadata;
            var key = Assert.Single(metadata.ForeignKeys);
            Assert.Equal("Line(InvoiceId) → Invoice(InvoiceId)", key.ToString());
            Assert.Contains(Path.GetFileName(relations), key.Evidence);
            Assert.Equal("Invoice.Total = SUM(Line.Price * Line.Quantity)", Assert.Single(metadata.SumRules).ToString());
            // The added key is generated from the parent rows, not learned; the database's types stay.
            Assert.Equal(ColumnKind.Identifier, metadata.Table("Line").Profile!.Find("InvoiceId")!.Kind);
            Assert.Equal("NUMERIC(10,2)", metadata.Table("Invoice").Columns.Single(c => c.Name == "Total").DeclaredType);
        }
        finally
        {
            File.Delete(relations);
            SqliteConnection.ClearAllPools();
        }
    }

    [Fact]
    public void An_added_key_finds_orphans_like_a_declared_one()
    {
        using var database = InvoicesWithoutKeys("INSERT INTO Line VALUES (4, 9, 2.00, 1);");
        var relations = WriteRelations(KeyAndRule);
        try
        {
            var error = Assert.Throws<SynthDataException>(() => RelationalSources.Read(database.Path, new RelationalReadOptions { MetadataPath = relations }));
            Assert.Contains("reference no 'Invoice' row", error.Reason);
        }
        finally
        {
            File.Delete(relations);
            SqliteConnection.ClearAllPools();
        }
    }

    [Theory]
    [InlineData("""{ "tables": [ { "name": "Invoices", "columns": [ { "name": "InvoiceId" } ] } ] }""", "table 'Invoices', which the database does not have")]
    [InlineData("""{ "tables": [ { "name": "Invoice", "primaryKey": ["Total"], "columns": [ { "name": "InvoiceId" }, { "name": "Total" } ] } ] }""", "but the database declares (InvoiceId)")]
    public void A_file_that_contradicts_the_schema_is_refused(string json, string expected)
    {
        using var database = InvoicesWithoutKeys();
        var relations = WriteRelations(json);
        try
        {
            var error = Assert.Throws<SynthDataException>(() => RelationalSources.Read(database.Path, new RelationalReadOptions { MetadataPath = relations }));
            Assert.Contains(expected, error.Reason);
            Assert.Equal(relations, error.FilePath);
        }
        finally
        {
            File.Delete(relations);
            SqliteConnection.ClearAllPools();
        }
    }
}
