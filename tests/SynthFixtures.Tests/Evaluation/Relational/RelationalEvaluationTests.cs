using System.Globalization;
using System.Text.Json;
using SynthFixtures.Evaluation;
using SynthFixtures.Evaluation.Relational;

namespace SynthFixtures.Tests.Evaluation.Relational;

public class RelationalEvaluationTests
{
    private static RelationalQualityReport Evaluate(InventedShop real, InventedShop synthetic, RelationalEvaluationOptions? options = null) =>
        RelationalEvaluationService.Evaluate(real.Dataset(), synthetic.Dataset(), options);

    [Fact]
    public void Identical_databases_score_one_on_every_part_and_pass_the_diagnostics()
    {
        var shop = InventedShop.Build();
        var report = Evaluate(shop, shop.Copy());

        Assert.Equal(1.0, report.Overall, 12);
        Assert.Equal(1.0, report.TableQuality!.Value, 12);
        Assert.Equal(1.0, report.Cardinality!.Value, 12);
        Assert.Equal(1.0, report.ParentChildTrends!.Value, 12);
        var invoices = report.Relationships.Single(r => r.Key == InventedShop.InvoiceCustomer);
        Assert.Equal(1.0, invoices.Cardinality!.Score);
        Assert.Equal(invoices.Cardinality.RealMean, invoices.Cardinality.SyntheticMean);
        Assert.True(invoices.Cardinality.RealChildless > 0, "some customers have no invoice: the zero counts are part of the shape");
        // Customer.Country and Customer.Age against Invoice.Total and Invoice.Channel.
        Assert.Equal(4, invoices.Trends!.Pairs.Count);
        Assert.All(invoices.Trends.Pairs, p => Assert.Equal(1.0, p.Score, 12));
        Assert.True(report.Synthetic.Valid);
        Assert.Equal(1.0, report.Synthetic.IntegrityShare);
    }

    [Fact]
    public void One_child_per_parent_scores_low_on_cardinality_by_the_ks_distance_of_the_counts()
    {
        var real = InventedShop.Build();
        var synthetic = real.Copy();
        var customers = real.Cells["Customer"]["CustomerId"];
        // Exactly one invoice per customer, each invoice keeping a plausible total.
        synthetic.Replace("Invoice", new(StringComparer.Ordinal)
        {
            ["InvoiceId"] = customers.Select((_, i) => (i + 1).ToString(CultureInfo.InvariantCulture)).ToArray(),
            ["CustomerId"] = customers.ToArray(),
            ["Total"] = real.Cells["Customer"]["Age"].Select(a => (2 * int.Parse(a!, CultureInfo.InvariantCulture) + 5).ToString("F2", CultureInfo.InvariantCulture)).ToArray(),
            ["Channel"] = customers.Select(_ => "web").ToArray(),
        });
        synthetic.Cells["InvoiceTag"]["InvoiceId"] = synthetic.Cells["InvoiceTag"]["InvoiceId"].Select(_ => "1").ToArray();
        var report = Evaluate(real, synthetic);

        var shape = report.Relationships.Single(r => r.Key == InventedShop.InvoiceCustomer).Cardinality!;
        var realCounts = real.Cells["Invoice"]["CustomerId"].GroupBy(c => c).ToDictionary(g => g.Key!, g => g.Count());
        var counts = customers.Select(c => realCounts.GetValueOrDefault(c!)).ToArray();
        // The synthetic CDF jumps from 0 to 1 at one child: D = max(F_real(0), 1 − F_real(1)).
        var expected = 1 - Math.Max(counts.Count(c => c == 0) / (double)counts.Length, 1 - counts.Count(c => c <= 1) / (double)counts.Length);
        Assert.Equal(expected, shape.Score, 12);
        Assert.True(shape.Score < 0.4, $"cardinality {shape.Score}");
        Assert.Equal(1.0, shape.SyntheticMean);
        Assert.Equal(1, shape.SyntheticMax);
        Assert.Equal(0.0, shape.SyntheticChildless);
        Assert.True(report.Cardinality < 0.8);
    }

    [Fact]
    public void Orphan_foreign_keys_and_a_repeated_primary_key_are_reported_with_counts()
    {
        var real = InventedShop.Build();
        var synthetic = real.Copy();
        var invoiceCustomers = synthetic.Cells["Invoice"]["CustomerId"];
        invoiceCustomers[0] = "999";
        invoiceCustomers[1] = "999";
        invoiceCustomers[2] = "999";
        invoiceCustomers[3] = "998";
        invoiceCustomers[4] = null; // a missing reference is not an orphan
        var customerIds = synthetic.Cells["Customer"]["CustomerId"];
        customerIds[1] = customerIds[0];
        var report = Evaluate(real, synthetic);

        var integrity = report.Synthetic.Integrity.Single(i => i.Key == InventedShop.InvoiceCustomer);
        Assert.Equal(invoiceCustomers.Length - 1, integrity.Values);
        Assert.Equal(4, integrity.OrphanRows);
        Assert.Equal(2, integrity.DistinctOrphans);
        Assert.Equal([new KeyCount("999", 3), new KeyCount("998", 1)], integrity.Orphans);
        var customerKey = report.Synthetic.Uniqueness.Single(u => u.Table == "Customer");
        Assert.True(customerKey.IsPrimaryKey);
        Assert.Equal(1, customerKey.DuplicateRows);
        Assert.Equal([new KeyCount(customerIds[0]!, 2)], customerKey.Duplicates);
        Assert.Equal(1 - 1.0 / customerIds.Length, customerKey.Score, 12);
        Assert.False(report.Synthetic.Valid);
        Assert.True(report.Real.Valid);
        Assert.Equal((integrity.Values - 4) / (double)integrity.Values,
            report.Synthetic.Integrity.Where(i => i.Key == InventedShop.InvoiceCustomer).Single().Share, 12);

        var markdown = RelationalReportMarkdown.Write(report);
        Assert.Contains("`Invoice(CustomerId) → Customer(CustomerId)`: 4 of", markdown);
        Assert.Contains("999 × 3, 998 × 1", markdown);
        Assert.Contains("`Customer(CustomerId)` (primary key): 1 repeated rows over 1 values (1 × 2)", markdown);
    }

    [Fact]
    public void Composite_keys_are_compared_as_tuples_and_shown_as_tuples()
    {
        var real = InventedShop.Build();
        var synthetic = real.Copy();
        var link = synthetic.Cells["InvoiceTag"];
        link["InvoiceId"][1] = link["InvoiceId"][0];
        link["TagId"][1] = link["TagId"][0];
        var report = Evaluate(real, synthetic);

        var key = report.Synthetic.Uniqueness.Single(u => u.Table == "InvoiceTag");
        Assert.Equal(["InvoiceId", "TagId"], key.Columns);
        Assert.Equal(1, key.DuplicateRows);
        Assert.Equal($"({link["InvoiceId"][0]}, {link["TagId"][0]})", key.Duplicates.Single().Value);
    }

    [Fact]
    public void Every_column_that_is_not_scored_is_listed_with_its_reason()
    {
        var real = InventedShop.Build();
        var synthetic = real.Copy();
        synthetic.Cells["Invoice"].Remove("Channel");
        var report = Evaluate(real, synthetic);

        var customer = report.Tables.Single(t => t.Table == "Customer");
        Assert.Contains(customer.Skipped, s => s.Column == "CustomerId" && s.Reason.StartsWith("primary key: generated, not learned", StringComparison.Ordinal));
        Assert.Contains(customer.Skipped, s => s.Column == "Note" && s.Reason.StartsWith("free text", StringComparison.Ordinal));
        Assert.Equal(["Country", "Age"], customer.Quality!.Columns.Select(c => c.Column));
        var invoice = report.Tables.Single(t => t.Table == "Invoice");
        Assert.Contains(invoice.Skipped, s => s.Column == "CustomerId" && s.Reason.StartsWith("foreign key to Customer(CustomerId): generated", StringComparison.Ordinal));
        Assert.Contains(invoice.Skipped, s => s.Column == "Channel" && s.Reason == "missing from the synthetic table");
        Assert.Equal(["Total"], invoice.Quality!.Columns.Select(c => c.Column));
        var link = report.Tables.Single(t => t.Table == "InvoiceTag");
        Assert.Null(link.Quality);
        Assert.Equal("no learned column: every column is a key or generated", link.SkipReason);
        Assert.Contains(link.Skipped, s => s.Column == "InvoiceId" && s.Reason.StartsWith("primary key; foreign key to Invoice(InvoiceId)", StringComparison.Ordinal));
        // Every column of every table is scored or listed.
        foreach (var table in report.Tables)
        {
            var listed = (table.Quality?.Columns.Select(c => c.Column) ?? []).Concat(table.Skipped.Select(s => s.Column)).Order().ToArray();
            Assert.Equal(real.Cells[table.Table].Keys.Order(), listed);
        }
        // The link table's keys cannot be paired (it has no learned column), and says so.
        var tagLink = report.Relationships.Single(r => r.Key == InventedShop.TagInvoice);
        Assert.Equal("InvoiceTag is not scored: no learned column: every column is a key or generated", tagLink.Trends!.SkipReason);
        Assert.NotNull(tagLink.Cardinality);
    }

    [Fact]
    public void A_table_missing_from_the_synthetic_database_is_listed_and_its_keys_skipped()
    {
        var real = InventedShop.Build();
        var synthetic = real.Copy();
        synthetic.Cells.Remove("InvoiceTag");
        var report = Evaluate(real, synthetic);

        Assert.Equal("the synthetic database has no table 'InvoiceTag'", report.Tables.Single(t => t.Table == "InvoiceTag").SkipReason);
        var skipped = report.Relationships.Where(r => r.Key.ChildTable == "InvoiceTag").ToArray();
        Assert.Equal(2, skipped.Length);
        Assert.All(skipped, r => Assert.Equal("the synthetic database has no table 'InvoiceTag'", r.SkipReason));
        Assert.Equal(1.0, report.Overall, 12);
    }

    [Fact]
    public void Trends_across_the_key_fall_when_the_parent_child_relation_is_lost_while_each_table_stays_alike()
    {
        var real = InventedShop.Build(customers: 300);
        var synthetic = real.Copy();
        // Shuffle Age over the customers: Age's distribution, Country's and their (independent) pair stay; Age × Total across the key breaks.
        var ages = synthetic.Cells["Customer"]["Age"];
        var random = new Random(3);
        random.Shuffle(ages);
        var report = Evaluate(real, synthetic);

        var trends = report.Relationships.Single(r => r.Key == InventedShop.InvoiceCustomer).Trends!;
        var ageTotal = trends.Pairs.Single(p => p.ColumnA == "Customer.Age" && p.ColumnB == "Invoice.Total");
        Assert.Equal(QualityMetric.CorrelationSimilarity, ageTotal.Metric);
        Assert.True(ageTotal.RealCorrelation > 0.9, $"real ρ {ageTotal.RealCorrelation}");
        Assert.True(Math.Abs(ageTotal.SyntheticCorrelation!.Value) < 0.2, $"synthetic ρ {ageTotal.SyntheticCorrelation}");
        Assert.True(ageTotal.Score < 0.6);
        Assert.Equal(1.0, report.Tables.Single(t => t.Table == "Customer").Quality!.ColumnShapes, 12);
        Assert.Equal(1.0, report.Cardinality!.Value, 12);
        Assert.Equal(ageTotal, RelationalReportMarkdown.WorstPairs(report).First());
    }

    [Fact]
    public void Caps_on_joined_rows_and_pairs_are_honoured_and_the_choice_follows_the_seed()
    {
        var shop = InventedShop.Build(customers: 300);
        var options = new RelationalEvaluationOptions { MaxJoinedRows = 100, MaxPairsPerKey = 2, Seed = 5 };
        var first = Evaluate(shop, shop.Copy(), options);
        var again = Evaluate(shop, shop.Copy(), options);

        var trends = first.Relationships.Single(r => r.Key == InventedShop.InvoiceCustomer).Trends!;
        Assert.Equal(100, trends.RealRowsScored);
        Assert.True(trends.RealJoinedRows > 100);
        Assert.Equal(2, trends.Pairs.Count);
        Assert.Equal(4, trends.PairsTotal);
        Assert.Equal(trends.Pairs, again.Relationships.Single(r => r.Key == InventedShop.InvoiceCustomer).Trends!.Pairs);
    }

    [Fact]
    public void The_json_holds_every_part_in_a_fixed_order_and_is_the_same_on_every_run()
    {
        var real = InventedShop.Build();
        var synthetic = real.Copy();
        synthetic.Cells["Invoice"]["CustomerId"][0] = "999";
        var first = RelationalReportJson.Serialize(Evaluate(real, synthetic));
        var again = RelationalReportJson.Serialize(Evaluate(real, synthetic));

        using var document = JsonDocument.Parse(first);
        var root = document.RootElement;
        Assert.Equal(["overall", "tableQuality", "cardinality", "parentChildTrends", "combination", "tables", "relationships", "diagnostics", "audit"],
            root.EnumerateObject().Select(p => p.Name));
        var customer = root.GetProperty("tables")[0];
        Assert.Equal("Customer", customer.GetProperty("table").GetString());
        Assert.Equal(4, customer.GetProperty("quality").GetProperty("tableColumns").GetInt32());
        Assert.Equal("Identifier", customer.GetProperty("quality").GetProperty("notScored")[0].GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("tables")[3].GetProperty("quality").ValueKind);
        var relationship = root.GetProperty("relationships")[0];
        Assert.Equal("Invoice(CustomerId) → Customer(CustomerId)", relationship.GetProperty("key").GetString());
        Assert.True(relationship.GetProperty("cardinality").GetProperty("histogram").GetProperty("labels").GetArrayLength() > 1);
        Assert.Equal("Customer.Country", relationship.GetProperty("trends").GetProperty("pairs")[0].GetProperty("columnA").GetString());
        var orphans = root.GetProperty("diagnostics").GetProperty("synthetic").GetProperty("integrity")[0].GetProperty("orphans");
        Assert.Equal("999", orphans[0].GetProperty("value").GetString());
        Assert.Equal(1, orphans[0].GetProperty("rows").GetInt32());
        Assert.False(root.GetProperty("diagnostics").GetProperty("synthetic").GetProperty("valid").GetBoolean());
        Assert.True(root.GetProperty("diagnostics").GetProperty("real").GetProperty("valid").GetBoolean());
        Assert.Equal(WithoutTimings(first), WithoutTimings(again));
    }

    [Fact]
    public void The_markdown_names_the_headline_parts_tables_relationships_and_what_is_not_scored()
    {
        var shop = InventedShop.Build();
        var report = Evaluate(shop, shop.Copy(), new RelationalEvaluationOptions { RealName = "shop.sqlite", SyntheticName = "shop-synth.sqlite" });
        var markdown = RelationalReportMarkdown.Write(report);

        Assert.Contains("## Synthetic database evaluation: shop-synth.sqlite", markdown);
        Assert.Contains("| Overall | 1.000 |", markdown);
        Assert.Contains("| Cardinality | 1.000 | KS complement of children per parent, mean over 3 of 3 foreign keys |", markdown);
        Assert.Contains("### Relationships", markdown);
        Assert.Contains("| InvoiceTag | ", markdown);
        Assert.Contains("not scored: no learned column", markdown);
        Assert.Contains("- `Customer.Note`: free text", markdown);
        Assert.Contains("- **Synthetic**: valid: referential integrity 100.00 % over 3 foreign keys", markdown);
    }

    private static string WithoutTimings(string json)
    {
        var start = json.IndexOf("\"timingsSeconds\"", StringComparison.Ordinal);
        Assert.True(start > 0);
        return json[..start];
    }
}
