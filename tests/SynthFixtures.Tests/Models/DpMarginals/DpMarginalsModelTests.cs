using SynthFixtures.Metadata;
using SynthFixtures.Models;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Models.DpMarginals;
using SynthFixtures.Privacy;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Models.DpMarginals;

/// <summary>The MST-style marginal model: recovery without noise to speak of, real noise at small ε, the budget, determinism, the artifact.</summary>
public sealed class DpMarginalsModelTests
{
    private static readonly Lazy<DpMarginalsModel> NearlyExact = new(() =>
        DpMarginalsFitter.Fit(DpMarginalsTestData.Create(20_000), DpMarginalsTestData.Metadata(), new DpMarginalsOptions { Epsilon = 1e6, Delta = 1e-9 }));

    [Fact]
    public void At_a_huge_epsilon_the_marginals_and_the_strong_pair_are_recovered()
    {
        var model = NearlyExact.Value;
        Assert.Contains(model.Edges, e => (e.Parent, e.Child) is ("colour", "shade") or ("shade", "colour"));
        var rows = model.Sample(40_000, seed: 3).ToTable();
        var colour = rows.Column("colour");
        var shade = rows.Column("shade");
        var size = rows.Column("size");
        double Share(Func<int, bool> holds) => Enumerable.Range(0, rows.RowCount).Count(holds) / (double)rows.RowCount;
        Assert.Equal(0.5, Share(r => colour[r] == "red"), 2);
        Assert.Equal(0.3, Share(r => colour[r] == "green"), 2);
        Assert.Equal(0.2, Share(r => colour[r] == "blue"), 2);
        // Shade follows colour in 90 % of rows and matches by chance in a third of the rest: 0.9 + 0.1/3.
        Assert.Equal(0.9 + 0.1 / 3, Share(r => shade[r] == "dark-" + colour[r]), 2);
        Assert.Equal(0.4, Share(r => size[r] == "0"), 2);
        Assert.Equal(0.03, Share(r => size[r] == "7"), 2);
        Assert.All(size, cell => Assert.InRange(int.Parse(cell!, System.Globalization.CultureInfo.InvariantCulture), 0, 20));
    }

    [Fact]
    public void A_second_parent_carries_a_dependence_the_tree_cannot()
    {
        // tone is warm (95 %) only for red heads: a tree colour – tone – coin predicts P(warm | red, heads) ≈ 0.72, a
        // second parent measures the three-way and gets 0.95.
        var random = new SynthRandom(21);
        var table = DpMarginalsTestData.Create(20_000);
        var tone = Enumerable.Range(0, table.RowCount).Select(r =>
            table.Column("colour")[r] == "red" && table.Column("coin")[r] == "heads" && random.NextDouble() < 0.95 ? "warm" : "cool").ToArray();
        var withTone = new SynthFixtures.Data.Table([.. table.ColumnNames, "tone"], [.. table.ColumnNames.Select(n => table.Column(n).ToArray()), tone]);
        var metadata = new SynthFixtures.Metadata.TableMetadata
        {
            Columns = [.. DpMarginalsTestData.Metadata().Columns, new SynthFixtures.Metadata.ColumnMetadata { Name = "tone", Kind = SynthFixtures.Metadata.ColumnKind.Categorical }],
        };
        var model = DpMarginalsFitter.Fit(withTone, metadata, new DpMarginalsOptions { Epsilon = 1e6, Delta = 1e-9 });
        var rows = model.Sample(40_000, 8).ToTable();
        var (colour, coin, sampledTone) = (rows.Column("colour"), rows.Column("coin"), rows.Column("tone"));
        var matching = Enumerable.Range(0, rows.RowCount).Where(r => colour[r] == "red" && coin[r] == "heads").ToList();
        var other = Enumerable.Range(0, rows.RowCount).Except(matching).ToList();
        Assert.Equal(0.95, matching.Count(r => sampledTone[r] == "warm") / (double)matching.Count, 2);
        Assert.Equal(0, other.Count(r => sampledTone[r] == "warm") / (double)other.Count, 2);
    }

    [Fact]
    public void At_a_small_epsilon_the_noise_is_really_there()
    {
        var table = DpMarginalsTestData.Create(2_000);
        DpMarginalsModel Fit(long seed) => DpMarginalsFitter.Fit(table, DpMarginalsTestData.Metadata(), new DpMarginalsOptions { Epsilon = 0.5, Delta = 1e-7, NoiseSeed = seed });
        var (first, second) = (Fit(1), Fit(2));
        Assert.NotEqual(first.Root, second.Root);
        Assert.Equal(first.Root, Fit(1).Root);
    }

    [Fact]
    public void The_noise_does_not_come_from_the_training_seed_unless_a_noise_seed_is_fixed_and_the_plan_says_so()
    {
        var table = DpMarginalsTestData.Create(2_000);
        DpMarginalsModel Fit(long? noiseSeed) =>
            DpMarginalsFitter.Fit(table, DpMarginalsTestData.Metadata(), new DpMarginalsOptions { Epsilon = 0.5, Delta = 1e-7, Seed = 3, NoiseSeed = noiseSeed });
        // The training seed is public (project file, model provenance): two fits with it must not share their noise.
        var (first, second) = (Fit(null), Fit(null));
        Assert.NotEqual(first.Root, second.Root);
        Assert.DoesNotContain(first.Privacy!.Public, fact => fact.Contains("noise seed", StringComparison.Ordinal));
        Assert.Contains(Fit(9).Privacy!.Public, fact => fact.Contains("fixed noise seed 9", StringComparison.Ordinal));
    }

    [Fact]
    public void Measurements_carry_gaussian_noise_of_the_planned_variance()
    {
        const double sigma = 7.5;
        var counts = Enumerable.Repeat(100.0, 40_000).ToArray();
        var noisy = DpMarginalsFitter.Measure(counts, sigma, new SynthRandom(5));
        var mean = noisy.Average();
        var variance = noisy.Sum(x => (x - mean) * (x - mean)) / (noisy.Length - 1);
        Assert.Equal(100, mean, 0);
        Assert.InRange(variance / (sigma * sigma), 0.97, 1.03);
    }

    [Theory]
    [InlineData(0.3, 1e-9)]
    [InlineData(1, null)]
    [InlineData(10, 1e-6)]
    public void The_plan_spends_the_target_epsilon(double epsilon, double? delta)
    {
        var table = DpMarginalsTestData.Create(3_000);
        var plan = DpMarginalsFitter.Fit(table, DpMarginalsTestData.Metadata(), new DpMarginalsOptions { Epsilon = epsilon, Delta = delta }).Plan;
        Assert.Equal(epsilon, plan.Epsilon, 1e-6 * epsilon);
        Assert.Equal(delta ?? 1 / (3000 * Math.Sqrt(3000)), plan.Delta, 1e-15);
        Assert.Equal(1, plan.Steps.Sum(s => s.Share), 12);
        Assert.Equal(plan.Rho!.Value, plan.Steps.Sum(s => s.Rho!.Value), 1e-12);
        foreach (var step in plan.Steps.Where(s => s.NoiseStandardDeviation is not null))
            Assert.Equal(step.Rho!.Value, step.Measurements * ZcdpBudget.GaussianRho(step.NoiseStandardDeviation!.Value), 1e-12);
        foreach (var selection in plan.Steps.Where(s => s.SelectionEpsilon is not null))
            Assert.Equal(selection.Rho!.Value, selection.Measurements * ZcdpBudget.ExponentialMechanismRho(selection.SelectionEpsilon!.Value), 1e-12);
        string[] selections = plan.Steps.Any(s => s.Name == "three-way marginals") ? ["tree selection", "second-parent selection"] : ["tree selection"];
        Assert.Equal(selections, plan.Steps.Where(s => s.SelectionEpsilon is not null).Select(s => s.Name));
        // The conversion's δ and the label thresholds' δ make up the whole δ.
        var conversionDelta = plan.Delta - plan.Steps.Sum(s => s.Delta);
        Assert.Equal(plan.Epsilon, ZcdpBudget.FromRho(plan.Rho.Value).Spent(conversionDelta).Epsilon, 1e-9);
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(3, 1e-9)]
    public void Without_metadata_the_kinds_are_bought_from_the_budget_and_the_plan_shows_it(double epsilon, double? delta)
    {
        var table = DpMarginalsTestData.Create(3_000);
        var model = DpMarginalsFitter.Fit(table, null, new DpMarginalsOptions { Epsilon = epsilon, Delta = delta, NoiseSeed = 2 });
        var plan = model.Plan;
        Assert.Equal(["column kinds", "bins and labels", "one-way marginals", "tree selection", "two-way marginals", "second-parent selection", "three-way marginals"],
            plan.Steps.Select(s => s.Name));
        var kinds = plan.Steps[0];
        Assert.Equal(0.05, kinds.Share, 12);
        Assert.Equal(kinds.Rho!.Value, kinds.Measurements * ZcdpBudget.GaussianRho(kinds.NoiseStandardDeviation!.Value), 1e-12);
        Assert.Equal(epsilon, plan.Epsilon, 1e-6 * epsilon);
        Assert.Equal(1, plan.Steps.Sum(s => s.Share), 12);
        Assert.Equal(plan.Rho!.Value, plan.Steps.Sum(s => s.Rho!.Value), 1e-12);
        Assert.Contains(plan.Public, fact => fact.StartsWith("the column names (the CSV header)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan.Public, fact => fact.StartsWith("the column metadata", StringComparison.Ordinal));
        Assert.Equal([ColumnKind.Categorical, ColumnKind.Categorical, ColumnKind.Integer, ColumnKind.Categorical], model.Metadata.Columns.Select(c => c.Kind));

        var given = DpMarginalsFitter.Fit(table, DpMarginalsTestData.Metadata(), new DpMarginalsOptions { Epsilon = epsilon, Delta = delta, NoiseSeed = 2 }).Plan;
        Assert.DoesNotContain(given.Steps, s => s.Name == "column kinds");
        Assert.Contains(given.Public, fact => fact.StartsWith("the column metadata as given", StringComparison.Ordinal));
    }

    [Fact]
    public void Under_privacy_cells_that_do_not_parse_are_read_as_missing_however_many()
    {
        // A third of size is words: the checked path would refuse the column as integer; a private fit may not fail on data.
        var table = DpMarginalsTestData.Create(3_000);
        var cells = table.Column("size").Select((c, r) => r % 3 == 0 ? "many" : c).ToArray();
        var damaged = new SynthFixtures.Data.Table(table.ColumnNames,
            table.ColumnNames.Select(n => n == "size" ? cells : table.Column(n).ToArray()).ToArray());
        var model = DpMarginalsFitter.Fit(damaged, DpMarginalsTestData.Metadata(), new DpMarginalsOptions { Epsilon = 5, Delta = 1e-8, NoiseSeed = 1 });
        var sizes = model.Sample(3_000, 1).ToTable().Column("size");
        Assert.DoesNotContain("many", sizes);
        Assert.InRange(sizes.Count(s => s is null) / 3_000.0, 0.25, 0.42);
    }

    [Fact]
    public void When_three_way_cells_would_be_mostly_noise_their_budget_goes_to_the_tree()
    {
        // Four columns of 12 labels over 3 000 rows at ε = 1: every label is released, so a three-way has about
        // 6 × 14 × 14 cells of 2.5 rows each, under noise of σ ≈ 14.
        var random = new SynthRandom(5);
        string[] names = ["a", "b", "c", "d"];
        var table = new SynthFixtures.Data.Table(names,
            names.Select(_ => Enumerable.Range(0, 3_000).Select(_ => (string?)("L" + random.NextInt(12))).ToArray()).ToArray());
        var metadata = new TableMetadata { Columns = names.Select(n => new ColumnMetadata { Name = n, Kind = ColumnKind.Categorical }).ToArray() };
        var lines = new List<string>();
        var small = DpMarginalsFitter.Fit(table, metadata, new DpMarginalsOptions { Epsilon = 1, Delta = 1e-7, NoiseSeed = 1 }, new Lines(lines));
        Assert.Equal(["bins and labels", "one-way marginals", "tree selection", "two-way marginals"], small.Plan.Steps.Select(s => s.Name));
        Assert.Equal([0.1, 0.15, 0.1, 0.65], small.Plan.Steps.Select(s => Math.Round(s.Share, 12)));
        Assert.Equal(1, small.Plan.Epsilon, 1e-6);
        Assert.All(small.SecondParent, q => Assert.Equal(-1, q));
        Assert.Contains(lines, line => line.Contains("tree only", StringComparison.Ordinal));
        // The same table at a large ε measures them, with the same shares spent before the choice.
        var large = DpMarginalsFitter.Fit(table, metadata, new DpMarginalsOptions { Epsilon = 50, Delta = 1e-7, NoiseSeed = 1 });
        Assert.Contains(large.Plan.Steps, s => s.Name == "three-way marginals");
        Assert.Equal(small.Plan.Steps.Take(2).Select(s => s.Share), large.Plan.Steps.Take(2).Select(s => s.Share));
    }

    private sealed class Lines(List<string> lines) : IProgress<string>
    {
        public void Report(string value) => lines.Add(value);
    }

    [Theory]
    [InlineData(new[] { 5, 5, 5 }, 12_500.0, 10.0, 10.0)]
    [InlineData(new[] { 2, 40, 10, 10, 3 }, 6_000.0, 5.0, 2.0)]
    public void The_signal_to_noise_of_a_typical_three_way_uses_the_median_column(int[] sizes, double total, double sigma, double expected) =>
        // Median 5: 5 groups × 5 × 5 = 125 cells, 100 rows each; median 10: 6 groups × 10 × 10 = 600 cells, 10 rows each.
        Assert.Equal(expected, SecondParents.SignalToNoise(sizes, total, sigma), 12);

    [Fact]
    public void Every_column_kind_is_learned_and_keys_are_generated_without_reading_them()
    {
        var table = MixedTestTable.Create(4_000);
        var model = DpMarginalsFitter.Fit(table, MixedTestTable.Metadata(), new DpMarginalsOptions { Epsilon = 20, Delta = 1e-8 });
        var rows = model.Sample(3_000, 2).ToTable();
        Assert.Equal(table.ColumnNames, rows.ColumnNames);
        Assert.Equal(Enumerable.Range(1, 3_000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Column("id"));
        // Dates come back in their format, nearly all in the quarters the data fills (noise may keep a neighbouring one).
        // The missing cell is measured too, so a column without missing values may get a few from the noise.
        Assert.InRange(rows.Column("day").Count(d => d is null), 0, 30);
        Assert.All(rows.Column("day").Where(d => d is not null), d => Assert.Matches(@"^\d{4}-\d\d-\d\d$", d!));
        Assert.InRange(rows.Column("day").Count(d => d?.StartsWith("2024-", StringComparison.Ordinal) == true) / 3000.0, 0.99, 1);
        var missing = rows.Column("y").Count(v => v is null) / 3000.0;
        Assert.InRange(missing, 0.02, 0.08);
        var zeros = rows.Column("visits").Count(v => v == "0") / 3000.0;
        Assert.InRange(zeros, 0.55, 0.65);
        Assert.Equal(["low", "high"], model.Columns.Single(c => c.Metadata.Name == "group").Labels!.Order().Reverse());
    }

    [Fact]
    public void A_single_column_spends_the_whole_budget_on_its_domain_and_one_way()
    {
        var table = DpMarginalsTestData.Create(2_000);
        var metadata = new SynthFixtures.Metadata.TableMetadata { Columns = [DpMarginalsTestData.Metadata().Columns[2]] };
        var model = DpMarginalsFitter.Fit(table, metadata, new DpMarginalsOptions { Epsilon = 5, Delta = 1e-7 });
        Assert.Equal(["bins and labels", "one-way marginals"], model.Plan.Steps.Select(s => s.Name));
        Assert.Equal(5, model.Plan.Epsilon, 1e-6);
        Assert.Equal(1_000, model.Sample(1_000, 1).RowCount);
    }

    [Fact]
    public void A_delta_above_one_over_the_row_count_is_refused()
    {
        var error = Assert.Throws<SynthDataException>(() =>
            DpMarginalsFitter.Fit(DpMarginalsTestData.Create(500), DpMarginalsTestData.Metadata(), new DpMarginalsOptions { Delta = 0.01 }));
        Assert.Contains("1/rows", error.Message);
    }

    [Fact]
    public void Nothing_is_read_outside_the_budget_one_rare_row_changes_only_noisy_measurements()
    {
        var options = new DpMarginalsOptions { Epsilon = 4, Delta = 1e-8, Seed = 4, NoiseSeed = 4 };
        var without = DpMarginalsFitter.Fit(DpMarginalsTestData.Create(5_000), DpMarginalsTestData.Metadata(), options);
        var with = DpMarginalsFitter.Fit(DpMarginalsTestData.Create(5_000, extraRows: ["purple", "dark-purple", "1000000000", "edge"]),
            DpMarginalsTestData.Metadata(), options);
        // Every preprocessing output (labels, bins, their pieces) comes from noisy counts: the rare label and the extreme value leave no trace.
        for (var c = 0; c < without.Columns.Length; c++)
        {
            Assert.Equal(without.Columns[c].Labels, with.Columns[c].Labels);
            Assert.Equal(without.Columns[c].Bins?.Length, with.Columns[c].Bins?.Length);
            for (var b = 0; b < (without.Columns[c].Bins?.Length ?? 0); b++)
                Assert.Equal(without.Columns[c].Bins![b], with.Columns[c].Bins![b]);
        }
        Assert.DoesNotContain("purple", without.Columns[0].Labels!);
        Assert.DoesNotContain("purple", with.Columns[0].Labels!);
        Assert.Equal(20, with.Columns[2].Bins![^1].Max(p => p.High));
        // The measurements saw the extra row, with the same noise.
        Assert.NotEqual(without.Root, with.Root);
        Assert.Equal(without.Plan, with.Plan);
    }

    [Fact]
    public void Samples_are_the_same_for_any_thread_count_and_stream_block_by_block()
    {
        var model = NearlyExact.Value;
        var one = model.Sample(5_000, 9, options: new SamplingOptions { MaxDegreeOfParallelism = 1 }).ToTable();
        var four = model.Sample(5_000, 9, options: new SamplingOptions { MaxDegreeOfParallelism = 4 }).ToTable();
        var prefix = model.Sample(1_500, 9).ToTable();
        for (var c = 0; c < one.ColumnNames.Count; c++)
        {
            Assert.Equal(one.Column(c), four.Column(c));
            Assert.Equal(one.Column(c).Take(1_500), prefix.Column(c));
        }
    }

    [Fact]
    public void The_model_round_trips_through_its_artifact_with_its_privacy_plan()
    {
        var model = DpMarginalsFitter.Fit(DpMarginalsTestData.Create(3_000), DpMarginalsTestData.Metadata(), new DpMarginalsOptions { Epsilon = 2 });
        var bytes = ModelArtifact.ToBytes(model);
        var loaded = Assert.IsType<DpMarginalsModel>(ModelArtifact.FromBytes(bytes));
        Assert.Equal(bytes, ModelArtifact.ToBytes(loaded));
        Assert.Equal(model.Plan, loaded.Privacy);
        // No hash of the data: it would let anyone who guesses the training table confirm the guess.
        Assert.Equal(ModelProvenance.WithheldHash, loaded.Provenance.SourceDataSha256);
        Assert.Equal(model.Sample(2_000, 5).ToTable().Column("size"), loaded.Sample(2_000, 5).ToTable().Column("size"));
    }

    [Theory]
    [InlineData("\"root\":[", "\"root\":[0.5,", "wrong size")]
    [InlineData("\"parent\":[-1,", "\"parent\":[2,", "parents")]
    [InlineData("\"weight\":[", "\"weight\":[7,", "invalid bin")]
    [InlineData("\"accounting\":\"zCDP\",\"epsilon\":", "\"accounting\":\"zCDP\",\"epsilon\":-", "privacy plan is not valid")]
    public void Edited_content_with_a_recomputed_checksum_is_still_validated(string find, string replace, string expected)
    {
        var bytes = ModelArtifact.ToBytes(DpMarginalsFitter.Fit(DpMarginalsTestData.Create(2_000), DpMarginalsTestData.Metadata()));
        var error = Assert.Throws<SynthDataException>(() => ModelArtifact.FromBytes(TamperedArtifact.RewriteHeader(bytes, json =>
        {
            Assert.Contains(find, json);
            var at = json.IndexOf(find, StringComparison.Ordinal);
            return json[..at] + replace + json[(at + find.Length)..];
        })));
        Assert.Contains(expected, error.Message);
    }

}
