using SynthFixtures.Metadata;
using SynthFixtures.Privacy;
using SynthFixtures.Randomness;

namespace SynthFixtures.Tests.Metadata;

/// <summary>The private profile: kinds from noisy counts at a realistic budget, blind to a single row, and its price.</summary>
public sealed class PrivateProfilerTests
{
    private const int Rows = 5_000;

    // What dp-marginals gives the profile at ε = 1 with its default δ: a twentieth of ρ.
    private static readonly double ProfileRho = 0.05 * ZcdpBudget.ForTarget(1, 0.9 / (Rows * Math.Sqrt(Rows))).Rho;

    private static TableMetadata Profile(SynthFixtures.Data.Table table, long noiseSeed) =>
        PrivateProfiler.Profile(table, ProfileRho, new SynthRandom(noiseSeed)).Metadata;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void At_epsilon_1_the_kinds_of_adult_like_columns_are_recovered(long noiseSeed)
    {
        var metadata = Profile(AdultLikeTable.Create(Rows), noiseSeed);
        ColumnMetadata Column(string name) => metadata.Find(name)!;
        Assert.Equal(ColumnKind.Identifier, Column("id").Kind);
        Assert.Equal("id", metadata.PrimaryKey);
        foreach (var name in new[] { "age", "fnlwgt", "hours-per-week", "capital-gain" }) Assert.Equal(ColumnKind.Integer, Column(name).Kind);
        Assert.Equal(ColumnKind.Decimal, Column("score").Kind);
        Assert.Equal(2, Column("score").DecimalPlaces);
        Assert.Equal((ColumnKind.DateTime, "yyyy-MM-dd"), (Column("hired").Kind, Column("hired").DateTimeFormat));
        Assert.Equal((ColumnKind.DateTime, "dd/MM/yyyy"), (Column("visited").Kind, Column("visited").DateTimeFormat));
        Assert.Equal(ColumnKind.Boolean, Column("member").Kind);
        Assert.Equal(ColumnKind.Boolean, Column("flag").Kind);
        foreach (var name in new[] { "workclass", "sex", "income" }) Assert.Equal(ColumnKind.Categorical, Column(name).Kind);
        Assert.Equal(ColumnKind.Text, Column("note").Kind);
        Assert.Equal(PiiKind.Email, Column("contact").Pii);
        Assert.All(metadata.Columns.Where(c => c.Name != "contact"), c => Assert.Equal(PiiKind.None, c.Pii));
        Assert.All(metadata.Columns, c => Assert.StartsWith("private profile", c.Evidence, StringComparison.Ordinal));
    }

    [Fact]
    public void One_extra_row_of_garbage_does_not_change_the_kinds_at_a_fixed_noise_seed()
    {
        var garbage = Enumerable.Repeat<string?>("#?! 007 zz", 15).ToArray();
        for (var seed = 1; seed <= 5; seed++)
        {
            var without = Profile(AdultLikeTable.Create(Rows), seed);
            var with = Profile(AdultLikeTable.Create(Rows, extraRows: garbage), seed);
            Assert.Equal(Decisions(without), Decisions(with));
            Assert.Equal(without.PrimaryKey, with.PrimaryKey);
        }
    }

    [Fact]
    public void The_counts_are_really_noisy_and_the_noise_spends_the_given_rho()
    {
        var table = AdultLikeTable.Create(Rows);
        var profile = PrivateProfiler.Profile(table, ProfileRho, new SynthRandom(1));
        Assert.Equal(ProfileRho, profile.UnitMeasurements * ZcdpBudget.GaussianRho(profile.NoiseStandardDeviation), 1e-15);
        Assert.Equal(ProfileRho, ZcdpBudget.GaussianRho(profile.NoiseMultiplier), 1e-12);
        Assert.InRange(profile.NoiseStandardDeviation, 50, 500);
        // Two noise seeds see different noisy counts, so the evidence differs while the kinds agree.
        var other = PrivateProfiler.Profile(table, ProfileRho, new SynthRandom(2));
        Assert.NotEqual(profile.Metadata.Columns.Select(c => c.Evidence), other.Metadata.Columns.Select(c => c.Evidence));
        Assert.Equal(Decisions(profile.Metadata), Decisions(other.Metadata));
        var step = profile.PlanStep(0.05);
        Assert.Equal(("column kinds", 0.05, ProfileRho, 15 * 7), (step.Name, step.Share, step.Rho!.Value, step.Measurements));
    }

    [Fact]
    public void A_table_too_small_for_the_noise_gets_the_most_general_kind()
    {
        var metadata = Profile(AdultLikeTable.Create(40), 1);
        Assert.All(metadata.Columns, c => Assert.Equal(ColumnKind.Categorical, c.Kind));
    }

    private static string[] Decisions(TableMetadata metadata) =>
        metadata.Columns.Select(c => $"{c.Name}:{c.Kind}:{c.DateTimeFormat}:{c.DecimalPlaces}:{c.Pii}").ToArray();
}
