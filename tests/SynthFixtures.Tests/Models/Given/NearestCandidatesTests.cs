using SynthFixtures.Data;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Models.Given;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;

namespace SynthFixtures.Tests.Models.Given;

/// <summary>
/// The nearest-candidate method TVAE and CTGAN sample given cells with, run here on a copula (cheap, and its own
/// conditional is known): candidates matching a given label are preferred, the nearest number wins, and the rows
/// depend only on the seed and their number.
/// </summary>
public sealed class NearestCandidatesTests
{
    private static readonly Lazy<GaussianCopulaModel> Model = new(() =>
        GaussianCopulaFitter.Fit(GivenTestData.Create(6000, seed: 3), GivenTestData.Metadata(), new GaussianCopulaOptions { Seed = 5 }));

    private static Table Draw(Table given, long seed, SamplingOptions? options = null)
    {
        options ??= new SamplingOptions();
        var model = Model.Value;
        var rows = GivenRows.Resolve(model.Metadata, [], given, options.FirstRowNumber);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? -1 };
        return GivenCells.Fix(NearestCandidates.Draw(model, rows, new SynthRandom(seed), options, parallel), rows).ToTable();
    }

    [Fact]
    public void Candidates_with_the_given_label_win_so_label_rates_are_the_models_conditional()
    {
        foreach (var c in new[] { "a", "c" })
        {
            var sample = Draw(GivenTestData.Repeat("c", c, 2000), seed: 3);
            Assert.All(sample.Column("c"), cell => Assert.Equal(c, cell));
            var conditioned = Model.Value.Sample(4000, seed: 3, [Condition.Parse("c=" + c)]).ToTable().Column("label").Count(l => l == "yes") / 4000.0;
            Assert.InRange(sample.Column("label").Count(l => l == "yes") / 2000.0, conditioned - 0.05, conditioned + 0.05);
        }
    }

    [Fact]
    public void The_nearest_number_wins_so_y_follows_the_given_x()
    {
        var sample = Draw(GivenTestData.Repeat("x", "1.500", 2000), seed: 4);
        // y = 2x + noise: among 32 candidates the nearest x lies within about 0.1 of 1.5.
        Assert.InRange(GivenTestData.Numbers(sample.Column("y")).Average(), 2.7, 3.3);
    }

    [Fact]
    public void A_missing_given_number_prefers_candidates_missing_it()
    {
        var sample = Draw(GivenTestData.Repeat("m", null, 2000), seed: 5);
        var conditionedX = Model.Value.SampleGiven(GivenTestData.Repeat("m", null, 4000), seed: 5).ToTable();
        // Unconditioned x averages 0; a candidate missing m carries the copula's x given a missing m.
        Assert.InRange(GivenTestData.Numbers(sample.Column("x")).Average(),
            GivenTestData.Numbers(conditionedX.Column("x")).Average() - 0.1, GivenTestData.Numbers(conditionedX.Column("x")).Average() + 0.1);
    }

    [Fact]
    public void Rows_are_the_same_for_any_thread_count_and_any_split()
    {
        var data = GivenTestData.Create(1500, seed: 8);
        Table Slice(int skip, int take) => new(["c", "x"], [data.Column("c").Skip(skip).Take(take).ToArray(), data.Column("x").Skip(skip).Take(take).ToArray()]);
        var whole = Draw(Slice(0, 1500), seed: 21, new SamplingOptions { MaxDegreeOfParallelism = 1 });
        var two = Draw(Slice(0, 1500), seed: 21, new SamplingOptions { MaxDegreeOfParallelism = 2 });
        var pieces = new[] { (0, 300), (300, 1000), (1300, 200) }.Select(p => Draw(Slice(p.Item1, p.Item2), seed: 21, new SamplingOptions { FirstRowNumber = p.Item1 })).ToList();
        foreach (var column in whole.ColumnNames)
        {
            Assert.Equal(whole.Column(column), two.Column(column));
            Assert.Equal(whole.Column(column), pieces.SelectMany(p => p.Column(column)));
        }
    }
}
