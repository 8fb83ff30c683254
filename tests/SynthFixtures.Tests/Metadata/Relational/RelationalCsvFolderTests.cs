using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Relational;
using SynthFixtures.Tests.TestData;

namespace SynthFixtures.Tests.Metadata.Relational;

public class RelationalCsvFolderTests
{
    private static TempCsvFolder Shop() => new TempCsvFolder()
        .With("customers.csv", "id,name,city,account_manager_id\n1,Ann,Oslo,7\n2,Bob,Rome,7\n3,Cy,Oslo,\n4,Di,Rome,8\n")
        .With("orders.csv", "order_id,customer_id,amount\n10,1,9.50\n11,1,3.25\n12,2,4.00\n13,4,1.75\n14,4,2.00\n")
        .With("tags.csv", "TagId,Label\n1,red\n2,blue\n")
        .With("order_tags.csv", "order_id,TagId\n10,1\n10,2\n11,1\n14,2\n");

    [Fact]
    public void Detects_primary_and_foreign_keys_with_their_evidence()
    {
        using var folder = Shop();
        var detection = RelationalCsvFolder.Detect(folder.Path);
        var metadata = detection.Dataset.Metadata;

        Assert.Equal(["customers", "order_tags", "orders", "tags"], metadata.Tables.Select(t => t.Name));
        Assert.Equal(["id"], metadata.Table("customers").PrimaryKey);
        Assert.Contains("primary key id: named like an id of customers; 4 rows, all present, all distinct", metadata.Table("customers").Evidence);
        Assert.Equal(["order_id"], metadata.Table("orders").PrimaryKey);
        Assert.Equal(["TagId"], metadata.Table("tags").PrimaryKey);

        var toCustomer = Assert.Single(metadata.KeysFrom("orders"));
        Assert.Equal("orders(customer_id) → customers(id)", toCustomer.ToString());
        Assert.Equal("named like an id of customers; 5 of 5 non-missing values (100 %, 3 distinct of the parent's 4) found in customers.id", toCustomer.Evidence);
        Assert.Equal(["order_tags(order_id) → orders(order_id)", "order_tags(TagId) → tags(TagId)"], metadata.KeysFrom("order_tags").Select(k => k.ToString()));
        Assert.DoesNotContain(metadata.ForeignKeys, k => k.ChildTable == "customers");
    }

    [Fact]
    public void A_link_table_gets_its_foreign_key_columns_as_a_composite_primary_key()
    {
        using var folder = Shop();
        var links = RelationalCsvFolder.Detect(folder.Path).Dataset.Metadata.Table("order_tags");
        Assert.Equal(["order_id", "TagId"], links.PrimaryKey);
        Assert.Contains("all present and distinct together over 4 rows (a link table)", links.Evidence);
    }

    [Fact]
    public void Notes_say_what_name_rules_cannot_decide()
    {
        using var folder = Shop();
        var notes = RelationalCsvFolder.Detect(folder.Path).Notes;
        Assert.Contains(notes, n => n.StartsWith("customers.account_manager_id is named like a key, but no table has a primary key of that name", StringComparison.Ordinal));
    }

    [Fact]
    public void Role_named_columns_reference_their_own_table_up_a_hierarchy_or_the_one_other_table_of_people()
    {
        using var folder = new TempCsvFolder()
            .With("staff.csv", "staff_id,first_name,manager_id\n1,Ann,\n2,Bob,1\n3,Cy,1\n4,Di,2\n")
            .With("categories.csv", "category_id,label,parent_id\n1,root,\n2,books,1\n3,novels,2\n4,music,1\n")
            .With("tickets.csv", "ticket_id,assignee_id,priority,rating\n1,2,high,3\n2,3,low,4\n3,2,low,1\n4,4,high,2\n");
        var detection = RelationalCsvFolder.Detect(folder.Path);
        var keys = detection.Dataset.Metadata.ForeignKeys.Select(k => k.ToString()).Order(StringComparer.Ordinal).ToList();
        // priority and rating (whose values 1–4 are all staff ids too) are named by no role: no key.
        Assert.Equal(["categories(parent_id) → categories(category_id)", "staff(manager_id) → staff(staff_id)", "tickets(assignee_id) → staff(staff_id)"], keys);
        var assignee = detection.Dataset.Metadata.KeysFrom("tickets").Single();
        Assert.Equal("named like a person's role (assignee), and staff is the only other table of people whose key holds its values; "
            + "4 of 4 non-missing values (100 %, 3 distinct of the parent's 4) found in staff.staff_id", assignee.Evidence);
    }

    [Fact]
    public void A_compound_table_name_keys_on_its_last_word_unless_that_names_another_table()
    {
        using var folder = new TempCsvFolder()
            .With("orders.csv", "order_id,channel\n1,web\n2,shop\n")
            .With("tracks.csv", "track_id,title\n1,a\n2,b\n3,c\n")
            .With("order_lines.csv", "line_id,order_id,qty\n1,1,2\n2,1,1\n3,2,5\n")
            .With("order_tracks.csv", "order_id,track_id\n1,1\n2,3\n");
        var metadata = RelationalCsvFolder.Detect(folder.Path).Dataset.Metadata;
        Assert.Equal(["line_id"], metadata.Table("order_lines").PrimaryKey);
        Assert.Contains("named like an id of the last word of order_lines", metadata.Table("order_lines").Evidence);
        // track_id is unique in order_tracks but names the tracks table: a foreign key, and the pair the link's key.
        Assert.Equal(["order_id", "track_id"], metadata.Table("order_tracks").PrimaryKey);
        Assert.Equal(["order_lines(order_id) → orders(order_id)", "order_tracks(order_id) → orders(order_id)", "order_tracks(track_id) → tracks(track_id)"],
            metadata.ForeignKeys.Select(k => k.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_role_two_tables_of_people_could_fill_or_values_outside_the_key_are_not_taken()
    {
        using var folder = new TempCsvFolder()
            .With("employees.csv", "employee_id,title\n1,a\n2,b\n3,c\n")
            .With("users.csv", "user_id,login\n1,x\n2,y\n3,z\n")
            .With("tickets.csv", "ticket_id,owner_id,manager_id\n1,1,1\n2,2,9\n3,2,1\n");
        var detection = RelationalCsvFolder.Detect(folder.Path);
        Assert.Empty(detection.Dataset.Metadata.ForeignKeys);
        Assert.Contains(detection.Notes, n => n.StartsWith("tickets.owner_id is named like a key", StringComparison.Ordinal));
        Assert.Contains(detection.Notes, n => n.StartsWith("tickets.manager_id is named like a key", StringComparison.Ordinal));
    }

    [Fact]
    public void Partial_containment_is_not_a_foreign_key_and_the_note_gives_the_share()
    {
        using var folder = new TempCsvFolder()
            .With("Customer.csv", "CustomerId,Name\n1,Ann\n2,Bob\n")
            .With("Invoice.csv", "InvoiceId,CustomerId\n1,1\n2,2\n3,2\n4,3\n");
        var detection = RelationalCsvFolder.Detect(folder.Path);
        Assert.Empty(detection.Dataset.Metadata.ForeignKeys);
        Assert.Contains("Invoice.CustomerId is named like Customer.CustomerId, but only 3 of its 4 values (75 %) are found in Customer.CustomerId: not taken as a foreign key.", detection.Notes);
    }

    [Fact]
    public void Key_columns_are_profiled_as_identifiers_and_typed_for_sql()
    {
        using var folder = Shop();
        var metadata = RelationalCsvFolder.Read(folder.Path).Metadata;
        var orders = metadata.Table("orders");
        var profile = orders.Profile!;
        Assert.Equal(ColumnKind.Identifier, profile.Find("customer_id")!.Kind);
        Assert.StartsWith("foreign key → customers(id)", profile.Find("customer_id")!.Evidence);
        Assert.Equal(ColumnKind.Identifier, profile.Find("order_id")!.Kind);
        Assert.Equal(ColumnKind.Decimal, profile.Find("amount")!.Kind);
        Assert.Equal("order_id", profile.PrimaryKey);
        Assert.Equal([new SqlColumn("order_id", "INTEGER", false), new SqlColumn("customer_id", "INTEGER", false), new SqlColumn("amount", "NUMERIC", false)], orders.Columns);
        Assert.True(metadata.Table("customers").Columns.Single(c => c.Name == "account_manager_id").Nullable);
    }

    [Fact]
    public void Relations_json_beside_the_csvs_supplies_the_keys_and_its_errors_name_the_file()
    {
        using var folder = Shop();
        var detected = RelationalCsvFolder.Detect(folder.Path).Dataset.Metadata;
        var managers = new ForeignKey { ChildTable = "customers", ChildColumns = ["account_manager_id"], ParentTable = "tags", ParentColumns = ["TagId"] };
        RelationalMetadataJson.Save(detected with { ForeignKeys = [.. detected.ForeignKeys, managers] }, Path.Combine(folder.Path, RelationalCsvFolder.MetadataFileName));

        // The declared key is not satisfied by the rows (7 and 8 are no tag): the orphans are named, in the CSV's file.
        var error = Assert.Throws<SynthDataException>(() => RelationalCsvFolder.Read(folder.Path));
        Assert.Contains("customers(account_manager_id) → tags(TagId): 3 rows of 'customers' reference no 'tags' row", error.Reason);
        Assert.EndsWith("customers.csv", error.FilePath);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Relations_json_whose_columns_differ_from_the_csv_is_refused()
    {
        using var folder = Shop();
        var detected = RelationalCsvFolder.Detect(folder.Path).Dataset.Metadata;
        var path = Path.Combine(folder.Path, "edited.json");
        RelationalMetadataJson.Save(detected with
        {
            Tables = detected.Tables.Select(t => t.Name == "tags" ? t with { Columns = [t.Columns[0]], Profile = null } : t).ToList(),
        }, path);
        var error = Assert.Throws<SynthDataException>(() => RelationalCsvFolder.Read(folder.Path, path));
        Assert.Contains("Table 'tags' has columns (TagId) in the relational metadata but (TagId, Label) in its CSV", error.Reason);
    }

    [Fact]
    public void A_missing_or_empty_folder_is_named()
    {
        using var folder = new TempCsvFolder();
        Assert.Contains("no .csv files", Assert.Throws<SynthDataException>(() => RelationalCsvFolder.Read(folder.Path)).Reason);
        Assert.Contains("does not exist", Assert.Throws<SynthDataException>(() => RelationalCsvFolder.Read(Path.Combine(folder.Path, "nope"))).Reason);
    }

    [SkippableFact]
    public void Chinook_relations_json_overrides_detection()
    {
        var chinook = Datasets.Path("chinook");
        Skip.If(chinook is null || !File.Exists(Path.Combine(chinook, "Album.csv")), Datasets.Missing("chinook"));
        using var copy = new TempCsvFolder();
        foreach (var file in Directory.EnumerateFiles(chinook!, "*.csv")) File.Copy(file, Path.Combine(copy.Path, Path.GetFileName(file)));
        var detected = RelationalCsvFolder.Detect(copy.Path).Dataset.Metadata;
        // A user who does not want the self-reference learned removes it from the written metadata.
        RelationalMetadataJson.Save(detected with { ForeignKeys = detected.ForeignKeys.Where(k => !k.IsSelfReference).ToList() },
            Path.Combine(copy.Path, RelationalCsvFolder.MetadataFileName));

        var metadata = RelationalCsvFolder.Read(copy.Path).Metadata;
        Assert.Equal(10, metadata.ForeignKeys.Count);
        Assert.DoesNotContain(metadata.ForeignKeys, k => k.IsSelfReference);
        var order = RelationalOrder.Of(metadata).Tables.ToList();
        Assert.True(order.IndexOf("Employee") < order.IndexOf("Customer"));
    }

    [SkippableFact]
    public void Chinook_csvs_detect_exactly_the_foreign_keys_the_database_declares()
    {
        var chinook = Datasets.Path("chinook");
        Skip.If(chinook is null || !File.Exists(Path.Combine(chinook, "Album.csv")) || Chinook.SqliteFile is null, Datasets.Missing("chinook"));
        var detection = RelationalCsvFolder.Detect(chinook!);
        var metadata = detection.Dataset.Metadata;
        Assert.Equal(11, metadata.Tables.Count);
        // Precision and recall 1 against the schema: the role-named keys (Customer.SupportRepId → Employee, the
        // self-reference Employee.ReportsTo) included, nothing else.
        var declared = Chinook.Read()!.Metadata.ForeignKeys.Select(k => k.ToString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(11, declared.Count);
        Assert.Equal(declared, metadata.ForeignKeys.Select(k => k.ToString()).Order(StringComparer.Ordinal));
        Assert.Contains("person's role (rep)", metadata.ForeignKeys.Single(k => k.ChildTable == "Customer").Evidence, StringComparison.Ordinal);
        Assert.Contains("self-reference", metadata.ForeignKeys.Single(k => k.IsSelfReference).Evidence, StringComparison.Ordinal);
        Assert.Equal(["PlaylistId", "TrackId"], metadata.Table("PlaylistTrack").PrimaryKey);
        foreach (var table in metadata.Tables.Where(t => t.Name != "PlaylistTrack"))
            Assert.Equal([table.Name + "Id"], table.PrimaryKey);
        Assert.DoesNotContain(detection.Notes, n => n.Contains("named like a key", StringComparison.Ordinal));
        Assert.Equal(15_607, detection.Dataset.RowCount);
    }
}
