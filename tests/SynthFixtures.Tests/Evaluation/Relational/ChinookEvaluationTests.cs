using System.Diagnostics;
using SynthFixtures.Data;
using SynthFixtures.Evaluation.Relational;
using SynthFixtures.Metadata.Relational;
using SynthFixtures.Reports;
using SynthFixtures.Tests.TestData;
using Xunit.Abstractions;

namespace SynthFixtures.Tests.Evaluation.Relational;

/// <summary>
/// Chinook (11 tables, a self-reference and a link table) against itself and against a perturbed copy. The metadata is
/// the keys the database's schema declares over the rows of the CSVs (no profiles, no detection), so the evaluation is tested on its own.
/// </summary>
public class ChinookEvaluationTests(ITestOutputHelper output)
{
    private static readonly string[] TableNames =
        ["Artist", "Album", "Genre", "MediaType", "Track", "Playlist", "PlaylistTrack", "Employee", "Customer", "Invoice", "InvoiceLine"];

    [SkippableFact]
    public void Chinook_against_itself_scores_one_and_against_a_perturbed_copy_shows_the_damage_where_it_was_done()
    {
        var folder = Datasets.Path("chinook");
        Skip.If(folder is null || !File.Exists(Path.Combine(folder, "InvoiceLine.csv")) || Chinook.SqliteFile is null, Datasets.Missing("chinook"));
        var tables = TableNames.ToDictionary(n => n, n => CsvTableReader.Read(Path.Combine(folder!, n + ".csv")), StringComparer.Ordinal);
        // The keys the database declares (its schema, not a list typed here), over the rows of its CSVs.
        var schema = Chinook.Read()!.Metadata;
        var metadata = new RelationalMetadata
        {
            Tables = TableNames.Select(n => new RelationalTable
            {
                Name = n,
                PrimaryKey = schema.Table(n).PrimaryKey,
                Columns = tables[n].ColumnNames.Select(c => new SqlColumn(c, "TEXT", Nullable: true)).ToArray(),
            }).ToArray(),
            ForeignKeys = schema.ForeignKeys,
        };
        var real = new RelationalDataset(metadata, tables);

        var clock = Stopwatch.StartNew();
        var same = RelationalEvaluationService.Evaluate(real, real);
        output.WriteLine($"Chinook against itself: {clock.Elapsed.TotalSeconds:F2} s");
        Assert.Equal(1.0, same.Overall, 12);
        Assert.All(same.Relationships, r => Assert.Equal(1.0, r.Cardinality!.Score));
        Assert.True(same.Real.Valid);
        Assert.Equal(11, same.Relationships.Count);
        Assert.Equal("no learned column: every column is a key or generated", same.Tables.Single(t => t.Table == "PlaylistTrack").SkipReason);
        var reportsTo = same.Real.Integrity.Single(i => i.Key.IsSelfReference);
        Assert.Equal(7, reportsTo.Values); // the general manager reports to no one: a missing reference, not an orphan
        Assert.Equal(7, reportsTo.Matched);

        // The copy: the lines of every even-numbered invoice removed, and two lines pointing at a track that does not exist.
        var lines = tables["InvoiceLine"];
        var invoiceIds = lines.Column("InvoiceId");
        var kept = Enumerable.Range(0, lines.RowCount).Where(r => int.Parse(invoiceIds[r]!, System.Globalization.CultureInfo.InvariantCulture) % 2 == 1).ToArray();
        var columns = Enumerable.Range(0, lines.ColumnCount).Select(c => kept.Select(r => lines[r, c]).ToArray()).ToArray();
        var track = lines.IndexOf("TrackId");
        columns[track][0] = "999999";
        columns[track][1] = "999999";
        var perturbedTables = new Dictionary<string, Table>(tables, StringComparer.Ordinal) { ["InvoiceLine"] = new Table(lines.ColumnNames, columns) };
        var perturbed = new RelationalDataset(metadata, perturbedTables);

        clock.Restart();
        var report = RelationalEvaluationService.Evaluate(real, perturbed, new RelationalEvaluationOptions { RealName = "Chinook", SyntheticName = "Chinook, perturbed" });
        output.WriteLine($"Chinook against the perturbed copy: {clock.Elapsed.TotalSeconds:F2} s");
        output.WriteLine(RelationalReportMarkdown.Write(report));
        RelationalShape Shape(string child, string parent) =>
            new(report.Relationships.Single(r => r.Key.ChildTable == child && r.Key.ParentTable == parent).Cardinality!);
        var linesPerInvoice = Shape("InvoiceLine", "Invoice");
        Assert.True(linesPerInvoice.Value.Score < 0.55, $"lines per invoice {linesPerInvoice.Value.Score}");
        Assert.InRange(linesPerInvoice.Value.SyntheticChildless, 0.45, 0.55);
        Assert.Equal(1.0, Shape("Invoice", "Customer").Value.Score);
        Assert.Equal(1.0, Shape("Track", "Album").Value.Score);
        var orphans = report.Synthetic.Integrity.Single(i => i.Key.ChildTable == "InvoiceLine" && i.Key.ParentTable == "Track");
        Assert.Equal(2, orphans.OrphanRows);
        Assert.Equal([new KeyCount("999999", 2)], orphans.Orphans);
        Assert.True(report.Real.Valid);
        Assert.False(report.Synthetic.Valid);
        Assert.True(report.Overall < same.Overall);
        Assert.Contains("<h2 id=\"table-InvoiceLine\">", RelationalHtmlReport.Write(report));
    }

    private sealed record RelationalShape(CardinalityShape Value);
}
