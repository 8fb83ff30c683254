using System.Globalization;
using Microsoft.Data.Sqlite;
using SynthFixtures.Databases;
using SynthFixtures.Databases.Reading;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Relational;
using SynthFixtures.Tests.TestData;

namespace SynthFixtures.Tests.Databases.Reading;

public class SqliteReaderTests
{
    private static string Chinook()
    {
        var path = Datasets.Path("chinook", "Chinook_Sqlite.sqlite");
        Skip.If(path is null, Datasets.Missing("chinook", "Chinook_Sqlite.sqlite"));
        return path!;
    }

    [SkippableFact]
    public void Chinook_schema_has_eleven_tables_and_the_readme_keys()
    {
        var dataset = RelationalSources.Read(Chinook());
        var metadata = dataset.Metadata;
        Assert.Equal(11, metadata.Tables.Count);
        string[] expected =
        [
            "Album(ArtistId) → Artist(ArtistId)", "Customer(SupportRepId) → Employee(EmployeeId)", "Employee(ReportsTo) → Employee(EmployeeId)",
            "Invoice(CustomerId) → Customer(CustomerId)", "InvoiceLine(InvoiceId) → Invoice(InvoiceId)", "InvoiceLine(TrackId) → Track(TrackId)",
            "PlaylistTrack(PlaylistId) → Playlist(PlaylistId)", "PlaylistTrack(TrackId) → Track(TrackId)",
            "Track(AlbumId) → Album(AlbumId)", "Track(MediaTypeId) → MediaType(MediaTypeId)", "Track(GenreId) → Genre(GenreId)",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), metadata.ForeignKeys.Select(k => k.ToString()).Order(StringComparer.Ordinal));
        Assert.Single(metadata.ForeignKeys, k => k.IsSelfReference);
        Assert.Equal(["PlaylistId", "TrackId"], metadata.Table("PlaylistTrack").PrimaryKey);
        Assert.Equal(new SqlColumn("Total", "NUMERIC(10,2)", false), metadata.Table("Invoice").Columns.Single(c => c.Name == "Total"));
        Assert.Equal(new SqlColumn("ReportsTo", "INTEGER", true), metadata.Table("Employee").Columns.Single(c => c.Name == "ReportsTo"));
        Assert.Equal(new SqlColumn("CustomerId", "INTEGER", false), metadata.Table("Customer").Columns[0]);

        Assert.Equal(15_607, dataset.RowCount);
        Assert.Equal(2240, dataset["InvoiceLine"].RowCount);
        var invoice = dataset["Invoice"];
        Assert.Equal("2021-01-01 00:00:00", invoice.Column("InvoiceDate")[0]);
        Assert.Equal("1.98", invoice.Column("Total")[0]);
        Assert.Null(dataset["Employee"].Column("ReportsTo")[0]);
        Assert.Equal(ColumnKind.Identifier, metadata.Table("Invoice").Profile!.Find("CustomerId")!.Kind);
        Assert.Equal(ColumnKind.Decimal, metadata.Table("Invoice").Profile!.Find("Total")!.Kind);
        Assert.Equal(ColumnKind.DateTime, metadata.Table("Invoice").Profile!.Find("InvoiceDate")!.Kind);
    }

    [SkippableFact]
    public void Chinook_order_puts_parents_first()
    {
        var order = RelationalOrder.Of(DatabaseReader.ReadSchema(DatabaseLocation.Parse(Chinook())));
        int At(string table) => order.Tables.ToList().IndexOf(table);
        Assert.True(At("Artist") < At("Album") && At("Album") < At("Track") && At("Track") < At("InvoiceLine") && At("Invoice") < At("InvoiceLine"));
        Assert.True(At("Employee") < At("Customer") && At("Customer") < At("Invoice") && At("Playlist") < At("PlaylistTrack"));
        Assert.Empty(order.Deferred);
    }

    [Fact]
    public void Reads_composite_and_self_keys_nulls_and_numbers_in_the_invariant_culture_without_writing()
    {
        using var file = TempFile.Empty(".sqlite");
        using (var connection = new SqliteConnection($"Data Source={file.Path};Pooling=False;Foreign Keys=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE Shop (Code TEXT NOT NULL, Branch INTEGER NOT NULL, Name VARCHAR(40), PRIMARY KEY (Code, Branch));
                CREATE TABLE Staff (Id INTEGER PRIMARY KEY, Code TEXT NOT NULL, Branch INTEGER NOT NULL, Boss INTEGER REFERENCES Staff, Pay REAL,
                    Photo BLOB, FOREIGN KEY (Code, Branch) REFERENCES Shop (Code, Branch));
                INSERT INTO Shop VALUES ('N', 1, 'North'), ('N', 2, NULL), ('S', 1, 'South');
                INSERT INTO Staff VALUES (2, 'N', 1, 1, 1234.5, NULL), (1, 'S', 1, NULL, 0.1, x'0102');
                """;
            command.ExecuteNonQuery();
        }
        var before = File.ReadAllBytes(file.Path);
        var culture = CultureInfo.CurrentCulture;
        // The tests run in globalization-invariant mode, so a culture with a decimal comma is made by hand.
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        comma.NumberFormat.NumberGroupSeparator = ".";
        CultureInfo.CurrentCulture = comma;
        RelationalDataset dataset;
        try
        {
            dataset = RelationalSources.Read($"Data Source={file.Path};Pooling=False");
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        var metadata = dataset.Metadata;
        Assert.Equal(["Shop", "Staff"], metadata.Tables.Select(t => t.Name));
        Assert.Equal(["Code", "Branch"], metadata.Table("Shop").PrimaryKey);
        Assert.Equal(new SqlColumn("Name", "VARCHAR(40)", true), metadata.Table("Shop").Columns[2]);
        Assert.Equal(["Staff(Boss) → Staff(Id)", "Staff(Code, Branch) → Shop(Code, Branch)"], metadata.ForeignKeys.Select(k => k.ToString()));
        var staff = dataset["Staff"];
        Assert.Equal(["1", "2"], staff.Column("Id"));
        Assert.Equal(["0.1", "1234.5"], staff.Column("Pay"));
        Assert.Equal([null, "1"], staff.Column("Boss"));
        Assert.Equal(["AQI=", null], staff.Column("Photo"));
        Assert.Equal(before, File.ReadAllBytes(file.Path));
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public void Orphans_in_a_database_without_enforced_keys_are_named()
    {
        using var file = TempFile.Empty(".db");
        using (var connection = new SqliteConnection($"Data Source={file.Path};Pooling=False;Foreign Keys=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE Parent (Id INTEGER PRIMARY KEY);
                CREATE TABLE Child (Id INTEGER PRIMARY KEY, ParentId INTEGER REFERENCES Parent (Id));
                INSERT INTO Parent VALUES (1);
                INSERT INTO Child VALUES (1, 1), (2, 5), (3, 5);
                """;
            command.ExecuteNonQuery();
        }
        var error = Assert.Throws<SynthDataException>(() => RelationalSources.Read(file.Path));
        Assert.Contains("Child(ParentId) → Parent(Id): 2 rows of 'Child' reference no 'Parent' row (1 distinct value: ParentId = '5' (2 rows))", error.Reason);
    }

    [Fact]
    public void A_missing_file_and_an_empty_database_are_named()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.sqlite");
        Assert.Contains("SQLite database does not exist", Assert.Throws<SynthDataException>(() => RelationalSources.Read(missing)).Reason);
        Assert.False(File.Exists(missing));
        Assert.Contains("has no tables", Assert.Throws<SynthDataException>(() => RelationalSources.Read(":memory:")).Reason);
    }
}
