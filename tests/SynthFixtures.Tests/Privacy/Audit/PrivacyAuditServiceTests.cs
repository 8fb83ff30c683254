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
