using System.Diagnostics;
using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata.Relational;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Relational;
using SynthFixtures.Tests.TestData;
using Xunit.Abstractions;

namespace SynthFixtures.Tests.Models.Relational;

/// <summary>
/// Chinook end to end: 11 tables learned from their CSVs with the keys detection finds, generated at scale 1,
/// checked for referential integrity, unique keys and exact invoice totals, and measured against the unconditional baseline.
/// </summary>
public class ChinookRelationalTests(ITestOutputHelper output)
{
    private static readonly ForeignKey InvoiceCustomer = Key("Invoice", "CustomerId", "Customer", "CustomerId");
    private static readonly ForeignKey LineInvoice = Key("InvoiceLine", "InvoiceId", "Invoice", "InvoiceId");

    [SkippableFact]
    public void Chinook_learns_and_generates_with_integrity_and_keeps_more_of_the_parent_than_the_baseline()
    {
        var folder = Datasets.Path("chinook");
        Skip.If(folder is null || !File.Exists(Path.Combine(folder, "Track.csv")), Datasets.Missing("chinook"));
        var real = Read(folder!);
        var modelFolder = Directory.CreateTempSubdirectory("chinook-");
        try
        {
            var clock = Stopwatch.StartNew();
            var model = Train(real, Path.Combine(modelFolder.FullName, "chinook.synth"), conditionOnParents: true);
            var trained = clock.Elapsed;
            var synthetic = model.Sample(1, seed: 1);
            output.WriteLine($"learn {trained.TotalSeconds:F1} s, generate {(clock.Elapsed - trained).TotalSeconds:F1} s at scale 1");
            foreach (var (table, rows) in synthetic.Tables) output.WriteLine($"{table.Name}: {real[table.Name].RowCount} real, {rows.RowCount} generated");

            foreach (var key in synthetic.Metadata.ForeignKeys) Assert.True(RelationalChecks.Orphans(synthetic, key) == 0, $"{key} has orphans");
            foreach (var table in synthetic.Metadata.Tables) Assert.True(RelationalChecks.DuplicateKeys(synthetic, table) == 0, $"{table.Name} repeats a key");
            AssertTotalsAreTheirLines(synthetic);

            var baseline = Train(real, Path.Combine(modelFolder.FullName, "baseline.synth"), conditionOnParents: false).Sample(1, seed: 1);
            foreach (var (name, data) in new[] { ("real", real), ("conditional", synthetic), ("baseline", baseline) })
                output.WriteLine($"{name}: KS invoices/customer {Ks(real, data, InvoiceCustomer):F3}, KS lines/invoice {Ks(real, data, LineInvoice):F3}, "
                    + $"invoices billed to the customer's country {SameCountry(data):P1}");
            Assert.True(Ks(real, synthetic, LineInvoice) < 0.35, $"KS lines/invoice {Ks(real, synthetic, LineInvoice):F3}");
            // Invoice.BillingCountry repeats Customer.Country on every source row: it is copied from the generated customer.
            Assert.Equal(1.0, SameCountry(synthetic));
            Assert.True(SameCountry(synthetic) > SameCountry(baseline) + 0.05,
                $"conditional {SameCountry(synthetic):P1}, baseline {SameCountry(baseline):P1}");
        }
        finally
        {
            modelFolder.Delete(recursive: true);
        }
    }

    private static global::SynthFixtures.Models.Relational.RelationalModel Train(RelationalDataset data, string path, bool conditionOnParents) =>
        new RelationalTrainingService(ModelTrainers.Core).Train(new RelationalTrainingRequest
        {
            Data = data, ModelPath = path, Seed = 1, ConditionOnParents = conditionOnParents,
        }).Model;

    private static double Ks(RelationalDataset real, RelationalDataset synthetic, ForeignKey key) =>
        RelationalChecks.Ks(RelationalChecks.ChildrenPerParent(real, key), RelationalChecks.ChildrenPerParent(synthetic, key));

    /// <summary>Share of invoices whose billing country is their customer's country (1 in the source).</summary>
    private static double SameCountry(RelationalDataset data)
    {
        var parents = RelationalChecks.ParentRows(data, InvoiceCustomer);
        var country = data["Customer"].Column("Country");
        var billing = data["Invoice"].Column("BillingCountry");
        return Enumerable.Range(0, parents.Length).Count(i => country[parents[i]] == billing[i]) / (double)parents.Length;
    }

    private static void AssertTotalsAreTheirLines(RelationalDataset data)
    {
        var parents = RelationalChecks.ParentRows(data, LineInvoice);
        var lines = data["InvoiceLine"];
        var sums = new decimal[data["Invoice"].RowCount];
        for (var i = 0; i < parents.Length; i++)
            sums[parents[i]] += decimal.Parse(lines.Column("UnitPrice")[i]!, CultureInfo.InvariantCulture)
                                * decimal.Parse(lines.Column("Quantity")[i]!, CultureInfo.InvariantCulture);
        var totals = data["Invoice"].Column("Total");
        for (var i = 0; i < sums.Length; i++) Assert.Equal(sums[i], decimal.Parse(totals[i]!, CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The CSVs with the keys detection finds (all 11 the database declares, checked here) and the declared rule
    /// Invoice.Total = Σ UnitPrice × Quantity.
    /// </summary>
    internal static RelationalDataset Read(string folder)
    {
        var detected = RelationalCsvFolder.Detect(folder).Dataset;
        if (Chinook.Read() is { } declared)
            Assert.Equal(declared.Metadata.ForeignKeys.Select(k => k.ToString()).Order(StringComparer.Ordinal),
                detected.Metadata.ForeignKeys.Select(k => k.ToString()).Order(StringComparer.Ordinal));
        var metadata = detected.Metadata with { SumRules = [new ChildSumRule { Column = "Total", Key = LineInvoice, Factors = ["UnitPrice", "Quantity"] }] };
        return new RelationalDataset(metadata, detected.Tables.ToDictionary(t => t.Table.Name, t => t.Rows, StringComparer.Ordinal));
    }

    private static ForeignKey Key(string child, string childColumn, string parent, string parentColumn) =>
        new() { ChildTable = child, ChildColumns = [childColumn], ParentTable = parent, ParentColumns = [parentColumn] };
}
