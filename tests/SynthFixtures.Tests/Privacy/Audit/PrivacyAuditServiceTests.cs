using SynthFixtures.Modeling;
using SynthFixtures.Privacy.Audit;
using SynthFixtures.Tests.Models.DpMarginals;
using Xunit.Abstractions;

namespace SynthFixtures.Tests.Privacy.Audit;

/// <summary>
/// The audit at small scale: 300 rows, 200 trainings a side. A DP model's bound stays below its claim; a model without
/// DP trained on the same data shows a bound near the most those trainings can prove, so the attack would catch a DP
/// step that let the canary through (its unseen labels or its extreme value).
/// </summary>
public sealed class PrivacyAuditServiceTests(ITestOutputHelper output)
{
    private const int Rows = 300;
    private const int Trainings = 200;

    private static readonly PrivacyAuditService Service = new(ModelTrainers.Core);

    [Fact]
    public void Dp_marginals_at_epsilon_1_stays_below_its_claim()
    {
        var result = Audit(new PrivacyAuditOptions
        {
            ModelKind = "dp-marginals",
            Settings = new Dictionary<string, string> { ["epsilon"] = "1" },
            Trainings = Trainings,
        });

        Assert.Equal(1, result.ClaimedEpsilon!.Value, 9);
        Assert.True(result.Delta > 0 && result.Delta < 1.0 / Rows);
        Assert.True(result.SecretNoise);
        Assert.True(result.EpsilonLowerBound < 1, $"ε lower bound {result.EpsilonLowerBound} above the claimed 1");
        Assert.False(result.RefutesClaim);
    }

    [Fact]
    public void The_plain_copula_leaks_the_canary_near_the_most_the_trainings_can_prove()
    {
        var result = Audit(new PrivacyAuditOptions { ModelKind = "gaussiancopula", Trainings = Trainings });

        Assert.Null(result.ClaimedEpsilon);
        Assert.Equal(0, result.Delta);
        Assert.True(result.EpsilonLowerBound > 3, $"ε lower bound {result.EpsilonLowerBound}");
        Assert.True(result.EpsilonLowerBound >= 0.85 * result.MostProvable, $"{result.EpsilonLowerBound} of at most {result.MostProvable}");
    }

    [Fact]
    public void A_single_leaked_unseen_label_is_caught()
    {
        // Only colour is traced: the other cells are ordinary values. The copula keeps every label it saw (a row's label at
        // frequency 1/301), so 3000 synthetic rows show it almost always; a DP step that let a label through would too.
        var result = Audit(new PrivacyAuditOptions
        {
            ModelKind = "gaussiancopula",
            Trainings = 100,
            SyntheticRows = 3000,
            Canary = new Dictionary<string, string> { ["shade"] = "dark-red", ["size"] = "5", ["coin"] = "heads" },
        });

        Assert.Equal(["colour"], result.Canary.Where(c => c.Traced).Select(c => c.Column));
        Assert.True(result.EpsilonLowerBound > 2, $"ε lower bound {result.EpsilonLowerBound}");
        var colour = Assert.Single(result.TracesByColumn);
        Assert.Equal(("colour", 0), (colour.Column, colour.WithoutCanary));
        Assert.True(colour.WithCanary >= 95, $"{colour.WithCanary} of 100 trainings with the canary show its label");
    }

    [Fact]
    public void Dp_marginals_with_weak_noise_is_caught_too()
    {
        // At ε = 10⁶ the noise no longer hides the canary's grid cell of size (its labels stay hidden at any ε: a label
        // held by one row is released with probability δ at most), and 3000 rows show a cell of mass 1/301: the attack
        // reaches the DP model's own outputs, so its silence at ε = 1 is the noise's doing, not the attack's blindness.
        var result = Audit(new PrivacyAuditOptions
        {
            ModelKind = "dp-marginals",
            Settings = new Dictionary<string, string> { ["epsilon"] = "1000000" },
            Trainings = 100,
            SyntheticRows = 3000,
        });

        Assert.True(result.EpsilonLowerBound > 2, $"ε lower bound {result.EpsilonLowerBound}");
        Assert.False(result.RefutesClaim);
    }

    [Fact]
    public void Too_few_trainings_are_refused_in_domain_words()
    {
        var error = Assert.Throws<SynthDataException>(() => Service.Audit(DpMarginalsTestData.Create(50), DpMarginalsTestData.Metadata(),
            new PrivacyAuditOptions { ModelKind = "dp-marginals", Trainings = 4 }));
        Assert.Contains("at least 10 trainings", error.Message);
    }

    private PrivacyAuditResult Audit(PrivacyAuditOptions options)
    {
        var result = Service.Audit(DpMarginalsTestData.Create(Rows), DpMarginalsTestData.Metadata(), options);
        output.WriteLine($"{result.Model}: ε ≥ {result.EpsilonLowerBound:F3} (most provable {result.MostProvable:F3}), threshold {result.Outcome.Threshold}, " +
            $"TPR {result.Outcome.TruePositiveRate:F3}, FPR {result.Outcome.FalsePositiveRate:F3}, FPR ≤ {result.Outcome.FalsePositiveRateUpper:F4}, FNR ≤ {result.Outcome.FalseNegativeRateUpper:F4}, {result.Seconds:F1} s");
        output.WriteLine("with:    " + string.Join(" ", result.ScoresWith));
        output.WriteLine("without: " + string.Join(" ", result.ScoresWithout));
        foreach (var cell in result.Canary) output.WriteLine($"  {cell.Column} = {cell.Value} ({cell.Why})");
        return result;
    }
}
