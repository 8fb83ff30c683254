using System.Globalization;
using SynthFixtures.Metadata.Relational;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Relational;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Models.Relational;
using SynthFixtures.Sampling;

namespace SynthFixtures.Tests.Models.Relational;

/// <summary>The multi-table model on an invented shop: keys, counts, parent context, sum rules, scale, determinism, artifact.</summary>
public class RelationalModelTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly Lazy<RelationalDataset> Real = new(() => ShopDataset.Create());
    private static readonly Lazy<RelationalModel> Conditional = new(() => Train(conditionOnParents: true));
    private static readonly Lazy<RelationalModel> Baseline = new(() => Train(conditionOnParents: false));
    private static readonly Lazy<RelationalDataset> Synthetic = new(() => Conditional.Value.Sample(1, seed: 3));

    private static RelationalModel Train(bool conditionOnParents)
    {
        var folder = Directory.CreateTempSubdirectory("relmodel-");
        try
        {
            return new RelationalTrainingService(ModelTrainers.Core).Train(new RelationalTrainingRequest
            {
                Data = Real.Value, ModelPath = Path.Combine(folder.FullName, "shop.synth"), Seed = 1, ConditionOnParents = conditionOnParents,
            }).Model;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Every_foreign_key_references_a_generated_parent_and_every_primary_key_is_unique()
    {
        var synthetic = Synthetic.Value;
        foreach (var key in synthetic.Metadata.ForeignKeys)
            Assert.True(RelationalChecks.Orphans(synthetic, key) == 0, $"{key} has orphans");
        foreach (var table in synthetic.Metadata.Tables)
            Assert.True(RelationalChecks.DuplicateKeys(synthetic, table) == 0, $"{table.Name} repeats a key");
        Assert.All(synthetic.Tables, t => Assert.True(t.Rows.RowCount > 0, $"{t.Table.Name} is empty"));
        // Product codes follow the source's recipe, not integers.
        Assert.All(synthetic["Product"].Column("ProductCode"), code => Assert.Matches("^P-\\d{4}$", code));
    }

    [Fact]
    public void Orders_per_customer_and_lines_per_order_follow_the_source()
    {
        var real = Real.Value;
        var synthetic = Synthetic.Value;
        foreach (var key in new[] { ShopDataset.OrderCustomer, ShopDataset.LineOrder })
        {
            var ks = RelationalChecks.Ks(RelationalChecks.ChildrenPerParent(real, key), RelationalChecks.ChildrenPerParent(synthetic, key));
            output.WriteLine($"{key}: KS {ks:F3}");
            Assert.True(ks < 0.15, $"{key}: KS {ks:F3}");
        }
    }

    [Fact]
    public void The_count_of_children_depends_on_the_parent_columns()
    {
        var synthetic = Synthetic.Value;
        var counts = RelationalChecks.ChildrenPerParent(synthetic, ShopDataset.OrderCustomer);
        var country = synthetic["Customer"].Column("Country");
        double Mean(string c) => Enumerable.Range(0, counts.Length).Where(i => country[i] == c).Select(i => (double)counts[i]).DefaultIfEmpty().Average();
        output.WriteLine($"orders per customer: A {Mean("A"):F2}, B {Mean("B"):F2}");
        // Source means: A 7, B 1 (a copula blurs a count's dependence on a label: about 5.5 and 2).
        Assert.True(Mean("A") > 2 * Mean("B"), $"A {Mean("A"):F2}, B {Mean("B"):F2}");
    }

    [Fact]
    public void Child_columns_follow_their_parent_which_the_unconditional_baseline_loses()
    {
        // The correlation of a customer's income with the shipping days of each of its orders, across the key.
        double Trend(RelationalDataset data)
        {
            var parents = RelationalChecks.ParentRows(data, ShopDataset.OrderCustomer);
            var income = data["Customer"].Column("Income");
            var days = data["Order"].Column("ShippingDays");
            var x = parents.Select(p => double.Parse(income[p]!, CultureInfo.InvariantCulture)).ToArray();
            var y = days.Select(d => double.Parse(d!, CultureInfo.InvariantCulture)).ToArray();
            return MathNet.Numerics.Statistics.Correlation.Pearson(x, y);
        }
        var real = Trend(Real.Value);
        var conditional = Trend(Synthetic.Value);
        var baseline = Trend(Baseline.Value.Sample(1, seed: 3));
        output.WriteLine($"income vs shipping days across the key: real {real:F3}, conditional {conditional:F3}, baseline {baseline:F3}");
        Assert.True(real < -0.9, $"real {real:F3}");
        Assert.True(conditional < -0.7, $"conditional {conditional:F3}");
        // Drawn without the customer, the order cannot know its income.
        Assert.True(Math.Abs(baseline) < 0.15, $"baseline {baseline:F3}");
    }

    [Fact]
    public void Order_totals_equal_the_sum_of_their_lines_exactly()
    {
        var synthetic = Synthetic.Value;
        var parents = RelationalChecks.ParentRows(synthetic, ShopDataset.LineOrder);
        var lines = synthetic["Line"];
        var sums = new decimal[synthetic["Order"].RowCount];
        for (var i = 0; i < parents.Length; i++)
            sums[parents[i]] += decimal.Parse(lines.Column("Quantity")[i]!, CultureInfo.InvariantCulture)
                                * decimal.Parse(lines.Column("UnitPrice")[i]!, CultureInfo.InvariantCulture);
        var totals = synthetic["Order"].Column("Total");
        for (var o = 0; o < sums.Length; o++) Assert.Equal(sums[o].ToString("F2", CultureInfo.InvariantCulture), totals[o]);
    }

    [Fact]
    public void Scale_two_gives_about_twice_the_rows_at_every_level()
    {
        var one = Synthetic.Value;
        var two = Conditional.Value.Sample(2, seed: 3);
        Assert.Equal(2 * Real.Value["Employee"].RowCount, two["Employee"].RowCount);
        foreach (var table in new[] { "Customer", "Order", "Line" })
        {
            var ratio = two[table].RowCount / (double)one[table].RowCount;
            Assert.InRange(ratio, 1.6, 2.4);
        }
        foreach (var key in two.Metadata.ForeignKeys) Assert.Equal(0, RelationalChecks.Orphans(two, key));
        var half = Conditional.Value.Sample(0.5, seed: 3);
        Assert.Equal(10, half["Employee"].RowCount);
    }

    [Fact]
    public void The_reporting_tree_has_no_cycle_and_keeps_roots()
    {
        var employees = Synthetic.Value["Employee"];
        var boss = employees.Column("EmployeeId").Select((id, i) => (id, i)).ToDictionary(p => p.id!, p => employees.Column("ReportsTo")[p.i]);
        foreach (var start in boss.Keys)
        {
            var steps = 0;
            for (var at = start; boss[at] is { } next; at = next)
                Assert.True(++steps <= boss.Count, $"{start} is on a cycle");
        }
        var roots = boss.Values.Count(b => b is null);
        Assert.InRange(roots, 1, 6);
    }

    [Fact]
    public void A_link_table_never_repeats_a_pair()
    {
        var links = Synthetic.Value["ProductTag"];
        var pairs = Enumerable.Range(0, links.RowCount).Select(i => (links.Column("ProductCode")[i], links.Column("TagId")[i])).ToList();
        Assert.NotEmpty(pairs);
        Assert.Equal(pairs.Count, pairs.Distinct().Count());
    }

    [Fact]
    public void The_same_seed_gives_the_same_database_on_one_or_two_threads()
    {
        var one = Conditional.Value.Sample(1, seed: 11, new SamplingOptions { MaxDegreeOfParallelism = 1 });
        var two = Conditional.Value.Sample(1, seed: 11, new SamplingOptions { MaxDegreeOfParallelism = 2 });
        Assert.Equal(RelationalChecks.Text(one), RelationalChecks.Text(two));
        Assert.NotEqual(RelationalChecks.Text(one), RelationalChecks.Text(Conditional.Value.Sample(1, seed: 12)));
    }

    [Fact]
    public void The_artifact_round_trip_gives_the_same_samples_and_bytes()
    {
        var bytes = RelationalModelArtifact.ToBytes(Conditional.Value);
        var loaded = RelationalModelArtifact.FromBytes(bytes);
        Assert.Equal(bytes, RelationalModelArtifact.ToBytes(loaded));
        Assert.Equal(RelationalChecks.Text(Conditional.Value.Sample(1, seed: 5)), RelationalChecks.Text(loaded.Sample(1, seed: 5)));
    }

    [Fact]
    public void Single_and_multi_table_loaders_refuse_each_others_files()
    {
        var relational = RelationalModelArtifact.ToBytes(Conditional.Value);
        var single = ModelArtifact.ToBytes(Conditional.Value.ModelOf("Order")!);
        Assert.Contains("multi-table", Assert.Throws<SynthDataException>(() => ModelArtifact.FromBytes(relational)).Message);
        Assert.Contains("single-table", Assert.Throws<SynthDataException>(() => RelationalModelArtifact.FromBytes(single)).Message);
        var damaged = (byte[])relational.Clone();
        damaged[40] ^= 1;
        Assert.Contains("checksum", Assert.Throws<SynthDataException>(() => RelationalModelArtifact.FromBytes(damaged)).Message);
    }

    [Fact]
    public void A_differentially_private_kind_is_refused_with_a_reason()
    {
        var error = Assert.Throws<SynthDataException>(() => new RelationalTrainingService(ModelTrainers.Core).Train(new RelationalTrainingRequest
        {
            Data = Real.Value, ModelKind = SynthFixtures.Models.ModelKinds.DpMarginals, ModelPath = Path.Combine(Path.GetTempPath(), "never.synth"),
        }));
        Assert.Contains("differentially private", error.Message);
    }

    [Fact]
    public void An_orphan_in_the_source_and_a_bad_scale_are_reported()
    {
        var real = Real.Value;
        var orders = real["Order"];
        var columns = Enumerable.Range(0, orders.ColumnCount).Select(c => orders.Column(c).ToArray()).ToArray();
        columns[orders.IndexOf("CustomerId")][0] = "999999";
        var tables = real.Tables.ToDictionary(t => t.Table.Name, t => t.Rows);
        tables["Order"] = new SynthFixtures.Data.Table(orders.ColumnNames, columns);
        var error = Assert.Throws<SynthDataException>(() => new RelationalTrainingService(ModelTrainers.Core).Train(new RelationalTrainingRequest
        {
            Data = new RelationalDataset(real.Metadata, tables), ModelPath = Path.Combine(Path.GetTempPath(), "never.synth"),
        }));
        Assert.Contains("orphan", error.Message);
        Assert.Contains("scale", Assert.Throws<SynthDataException>(() => Conditional.Value.Sample(0, seed: 1)).Message);
    }

    [Fact]
    public void The_sampling_service_writes_one_csv_per_table()
    {
        var folder = Directory.CreateTempSubdirectory("relmodel-out-");
        try
        {
            var result = new RelationalSamplingService().Sample(new RelationalSamplingRequest
            {
                Model = Conditional.Value, OutputFolder = Path.Combine(folder.FullName, "db"), Seed = 3,
            });
            Assert.Equal(Real.Value.Metadata.Tables.Select(t => t.Name + ".csv").Order(), Directory.GetFiles(Path.Combine(folder.FullName, "db")).Select(Path.GetFileName).Order());
            Assert.Equal(SynthFixtures.Data.CsvTableWriter.WriteToString(Synthetic.Value["Line"]), File.ReadAllText(result.Files.Single(f => f.EndsWith("Line.csv", StringComparison.Ordinal))));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
