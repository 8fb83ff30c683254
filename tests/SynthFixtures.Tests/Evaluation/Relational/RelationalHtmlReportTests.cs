using System.Text.RegularExpressions;
using SynthFixtures.Evaluation.Relational;
using SynthFixtures.Reports;

namespace SynthFixtures.Tests.Evaluation.Relational;

public class RelationalHtmlReportTests
{
    [Fact]
    public void The_page_has_the_headline_relationships_with_a_chart_each_diagnostics_and_a_section_per_table()
    {
        var real = InventedShop.Build();
        var synthetic = real.Copy();
        synthetic.Cells["Invoice"]["CustomerId"][0] = "999";
        var report = RelationalEvaluationService.Evaluate(real.Dataset(), synthetic.Dataset(),
            new RelationalEvaluationOptions { RealName = "shop.sqlite", SyntheticName = "shop-synth.sqlite" });
        var page = RelationalHtmlReport.Write(report);

        Assert.StartsWith("<!DOCTYPE html>", page);
        Assert.Contains("<h1>Synthetic database evaluation</h1>", page);
        foreach (var part in new[] { "Overall", "Table quality", "Cardinality", "Parent–child trends", "Referential integrity", "Key uniqueness" })
            Assert.Contains($"<div class=\"n\">{part}</div>", page);
        Assert.Contains("<h2>Relationships</h2>", page);
        Assert.Contains("<code>Invoice(CustomerId) → Customer(CustomerId)</code>", page);
        // One children-per-parent chart per evaluated key, as inline SVG.
        Assert.Equal(3, Regex.Matches(page, "<div class=\"cardinality\"[^>]*><svg").Count);
        Assert.Contains("Weakest parent–child pairs", page);
        Assert.Contains("<h2>Key diagnostics</h2>", page);
        Assert.Contains("<td>999 (1)</td>", page);
        foreach (var table in new[] { "Customer", "Invoice", "Tag", "InvoiceTag" })
            Assert.Contains($"<h2 id=\"table-{table}\">Table {table}</h2>", page);
        Assert.Contains("Not scored: no learned column: every column is a key or generated.", page);
        // The single-table parts: pair-trend views and the heatmaps (Customer has one numeric column, Invoice one too).
        Assert.Contains("<h3>Column pair trends</h3>", page);
        Assert.Contains("Pair trends (associated pairs, as SDMetrics)", page);
        Assert.Contains("<h2>Audit trail</h2>", page);
        Assert.DoesNotContain("data:image", page);
    }
}
