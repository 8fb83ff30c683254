using SynthFixtures.Privacy.Audit;

namespace SynthFixtures.Tests.Privacy.Audit;

/// <summary>The ε error rates prove, in both directions, and the threshold attack built on it.</summary>
public sealed class EpsilonLowerBoundTests
{
    [Fact]
    public void Both_directions_count_and_the_larger_wins()
    {
        // Rare false positives: ln((1 − δ − FNR)/FPR).
        Assert.Equal(Math.Log(0.5 / 0.01), EpsilonLowerBound.From(0.01, 0.5, 0), 12);
        // Rare false negatives: ln((1 − δ − FPR)/FNR).
        Assert.Equal(Math.Log(0.5 / 0.01), EpsilonLowerBound.From(0.5, 0.01, 0), 12);
        Assert.Equal(Math.Log((1 - 1e-3 - 0.05) / 0.05), EpsilonLowerBound.From(0.05, 0.05, 1e-3), 12);
    }

    [Fact]
    public void Rates_no_better_than_a_coin_prove_nothing()
    {
        Assert.Equal(0, EpsilonLowerBound.From(0.5, 0.5, 0));
        Assert.Equal(0, EpsilonLowerBound.From(0.7, 0.6, 0));
        Assert.Equal(0, EpsilonLowerBound.From(1, 1, 0));
        // δ eats the gap: 1 − δ − FNR ≤ 0.
        Assert.Equal(0, EpsilonLowerBound.From(0.01, 0.95, 0.05));
    }

    [Fact]
    public void The_threshold_is_chosen_on_one_set_and_measured_on_another()
    {
        int[] with = [0, 4, 5, 6, 7, 5, 6, 8, 9, 5];
        int[] without = [0, 0, 1, 0, 0, 2, 0, 0, 1, 0];
        var threshold = ThresholdAttack.Choose(with, without, 0.95, 0);
        Assert.Equal(3, threshold);   // no false positive from 3 on, one false negative up to 4: √(3·5) − 1 = 2.87, rounded up

        var outcome = ThresholdAttack.Measure(threshold, with, without, 0.95, 0);
        Assert.Equal(9, outcome.TruePositives);
        Assert.Equal(0, outcome.FalsePositives);
        Assert.Equal(ClopperPearson.Upper(0, 10, 0.025), outcome.FalsePositiveRateUpper, 15);
        Assert.Equal(ClopperPearson.Upper(1, 10, 0.025), outcome.FalseNegativeRateUpper, 15);
        Assert.Equal(EpsilonLowerBound.From(outcome.FalsePositiveRateUpper, outcome.FalseNegativeRateUpper, 0), outcome.EpsilonLowerBound, 15);
        Assert.True(outcome.EpsilonLowerBound < ThresholdAttack.MostProvable(10, 10, 0.95, 0));
    }

    [Fact]
    public void A_wide_gap_is_split_at_its_geometric_middle()
    {
        // A leak: hundreds of traces with the canary, none without. Any threshold in 1 … 360 separates them; 18 (not
        // 180) keeps a training with a tenth of the traces on the right side.
        int[] with = [360, 420, 500, 380, 900, 610, 450, 700, 365, 800];
        int[] without = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        Assert.Equal(18, ThresholdAttack.Choose(with, without, 0.95, 0));
    }

    [Fact]
    public void Identical_scores_prove_nothing()
    {
        int[] scores = [0, 0, 1, 0, 0, 1, 0, 0, 0, 0];
        var threshold = ThresholdAttack.Choose(scores, scores, 0.95, 1e-5);
        Assert.Equal(0, ThresholdAttack.Measure(threshold, scores, scores, 0.95, 1e-5).EpsilonLowerBound);
    }
}
