using SynthFixtures.Data;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Plans;
using SynthFixtures.Modeling.PrivacyFilters;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Sampling;
using SynthFixtures.Tests.Cli;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Modeling.Plans;

/// <summary>
/// Plans sampled through the sampling service: exact counts per request, in order, keys unique across requests, each
/// request's rows independent of the requests after it, and the same bytes for any thread count and chunk size.
/// </summary>
public sealed class GenerationPlanSamplingTests : IDisposable
{
    private static readonly Lazy<GaussianCopulaModel> Model = new(() =>
        GaussianCopulaFitter.Fit(MixedTestTable.Create(), MixedTestTable.Metadata(), new GaussianCopulaOptions { Seed = 1 }));

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static GenerationPlan ThreeRequests => new(
    [
        new PlanRequest(2500) { Conditions = [Condition.Parse("group=high")] },
        new PlanRequest(700) { Conditions = [Condition.Parse("group=low")], Name = "low" },
        new PlanRequest(1300),
    ]);

    private Table Run(GenerationPlan plan, string name, int? threads = null, int chunkRows = 8192, long seed = 5)
    {
        var target = _folder.File(name);
        var result = SamplingService.Run(new SamplingRequest
        {
            Model = Model.Value, Rows = (int)plan.TotalRows, OutputPath = target, Seed = seed, Plan = plan,
            Options = new SamplingOptions { MaxDegreeOfParallelism = threads, ChunkRows = chunkRows },
        });
        Assert.Equal(plan.Requests.Select(r => r.Count), result.Plan!.Select(o => o.Rows));
        return CsvTableReader.Read(target);
    }

    [Fact]
    public void Requests_follow_one_another_with_exact_counts_and_their_own_conditions()
    {
        var table = Run(ThreeRequests, "plan.csv");
        Assert.Equal(4500, table.RowCount);
        var group = table.Column("group");
        Assert.All(group.Take(2500), cell => Assert.Equal(" high", cell));
        Assert.All(group.Skip(2500).Take(700), cell => Assert.Equal(" low", cell));
        // The unconditioned request holds both labels, as the model does.
        Assert.Contains(" high", group.Skip(3200));
        Assert.Contains(" low", group.Skip(3200));
    }

    [Fact]
    public void A_where_request_meets_its_expression_and_reports_its_acceptance_rate()
    {
        // An OR across columns cannot be met by the model in closed form: candidates are checked row by row.
        var plan = new GenerationPlan([new PlanRequest(400) { Where = "x > 62 OR visits = 6" }, new PlanRequest(300) { Conditions = [Condition.Parse("group=high")] }]);
        var target = _folder.File("where.csv");
        var result = SamplingService.Run(new SamplingRequest { Model = Model.Value, Rows = 700, OutputPath = target, Seed = 2, Plan = plan });
        var table = CsvTableReader.Read(target);
        Assert.All(Enumerable.Range(0, 400), r =>
            Assert.True(double.Parse(table.Column("x")[r]!, System.Globalization.CultureInfo.InvariantCulture) > 62 || table.Column("visits")[r] == "6"));
        Assert.InRange(result.Plan![0].AcceptanceRate!.Value, 0.0001, 0.9);
        Assert.True(result.Plan[0].CandidatesExamined > 400);
        Assert.Equal(1.0, result.Plan[1].AcceptanceRate);
    }

    [Fact]
    public void Generated_keys_are_unique_across_requests()
    {
        var ids = Run(ThreeRequests, "plan.csv").Column("id");
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Appending_a_request_leaves_the_earlier_requests_rows_unchanged()
    {
        var three = Run(ThreeRequests, "three.csv");
        var four = Run(ThreeRequests with { Requests = [.. ThreeRequests.Requests, new PlanRequest(900) { Conditions = [Condition.Parse("visits>=3")] }] }, "four.csv");
        Assert.Equal(5400, four.RowCount);
        Assert.Equal(Rows(three), Rows(four).Take(three.RowCount));
    }

    [Fact]
    public void Each_request_draws_from_its_own_seed_not_the_first_rows_of_one_stream()
    {
        // Two unconditioned requests in a row: the second is not the continuation of the first's stream.
        var table = Run(new GenerationPlan([new PlanRequest(1024), new PlanRequest(1024)]), "two.csv");
        var whole = Model.Value.Sample(2048, 5).ToTable();
        Assert.NotEqual(Rows(whole).Skip(1024).Select(Drop_id), Rows(table).Skip(1024).Select(Drop_id));
    }

    [Theory]
    [InlineData(1, 1024)]
    [InlineData(2, 3000)]
    public void The_bytes_do_not_depend_on_threads_or_chunk_size(int threads, int chunkRows)
    {
        var baseline = File.ReadAllBytes(WriteAndReturnPath(ThreeRequests, "base.csv", null, 8192));
        Assert.Equal(baseline, File.ReadAllBytes(WriteAndReturnPath(ThreeRequests, "other.csv", threads, chunkRows)));
    }

    [Fact]
    public void An_equalized_sample_meets_every_labels_count_exactly()
    {
        var plan = Equalization.Parse("group").ToPlan(Model.Value, 1001);
        var counts = Run(plan, "equal.csv").Column("group").GroupBy(c => c!.Trim()).ToDictionary(g => g.Key, g => g.Count());
        // The first label gets the odd row.
        var first = plan.Requests[0].Conditions.OfType<EqualsCondition>().Single().Value;
        Assert.Equal(501, counts[first]);
        Assert.Equal(500, counts.Single(kv => kv.Key != first).Value);
    }

    [Fact]
    public void Given_shares_are_met_exactly()
    {
        var plan = Equalization.Parse("group=high:0.1,low:0.9").ToPlan(Model.Value, 3333);
        var counts = Run(plan, "shares.csv").Column("group").GroupBy(c => c!.Trim()).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(333, counts["high"]);
        Assert.Equal(3000, counts["low"]);
    }

    [Theory]
    [InlineData("colour", "There is no column 'colour'")]
    [InlineData("visits", "is a integer column")]
    [InlineData("id", "is generated, not learned")]
    [InlineData("group=high:0.5,purple:0.5", "has no label 'purple'")]
    public void Equalizing_what_the_model_has_no_labels_for_is_refused(string text, string expected)
    {
        var error = Assert.Throws<SynthDataException>(() => Equalization.Parse(text).ToPlan(Model.Value, 10));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_through_the_privacy_filters_still_meets_every_count()
    {
        var target = _folder.File("filtered.csv");
        var plan = Equalization.Parse("group").ToPlan(Model.Value, 1001);
        var filter = new PrivacyFilterRequest { Reference = MixedTestTable.Create(), Holdout = MixedTestTable.Create(500, seed: 8) };
        var result = SamplingService.Run(new SamplingRequest { Model = Model.Value, Rows = 1001, OutputPath = target, Plan = plan, PrivacyFilter = filter });
        Assert.Equal([500, 501], CsvTableReader.Read(target).Column("group").GroupBy(c => c).Select(g => g.Count()).Order());
        Assert.True(result.PrivacyFilter!.Candidates >= 1001);
        var withWhere = new GenerationPlan([new PlanRequest(10) { Where = "x > 50" }]);
        var whereTarget = _folder.File("where.csv");
        SamplingService.Run(new SamplingRequest { Model = Model.Value, Rows = 10, OutputPath = whereTarget, Plan = withWhere, PrivacyFilter = filter });
        var xs = CsvTableReader.Read(whereTarget).Column("x");
        Assert.Equal(10, xs.Count);
        Assert.All(xs, x => Assert.True(double.Parse(x!, System.Globalization.CultureInfo.InvariantCulture) > 50, x));
    }

    [Fact]
    public void A_bad_condition_in_the_last_request_fails_before_anything_is_written()
    {
        var target = _folder.File("bad.csv");
        var plan = new GenerationPlan([new PlanRequest(100), new PlanRequest(10) { Conditions = [Condition.Parse("group=purple")] }]);
        Assert.Throws<SynthDataException>(() => SamplingService.Run(new SamplingRequest { Model = Model.Value, Rows = 110, OutputPath = target, Plan = plan }));
        Assert.Empty(Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public void A_plan_whose_total_differs_from_the_rows_is_a_programming_error()
    {
        var target = _folder.File("bad.csv");
        Assert.Throws<ArgumentException>(() => SamplingService.Run(new SamplingRequest { Model = Model.Value, Rows = 5, OutputPath = target, Plan = ThreeRequests }));
    }

    private string WriteAndReturnPath(GenerationPlan plan, string name, int? threads, int chunkRows)
    {
        Run(plan, name, threads, chunkRows);
        return _folder.File(name);
    }

    private static string Drop_id(string row) => row[(row.IndexOf(',', StringComparison.Ordinal) + 1)..];

    private static List<string> Rows(Table table) =>
        Enumerable.Range(0, table.RowCount).Select(r => string.Join(",", table.ColumnNames.Select(c => table.Column(c)[r]))).ToList();
}
