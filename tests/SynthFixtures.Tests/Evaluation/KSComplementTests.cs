using SynthFixtures.Evaluation;

namespace SynthFixtures.Tests.Evaluation;

public class KSComplementTests
{
    [Fact]
    public void Identical_samples_score_one()
    {
        double[] sample = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
        Assert.Equal(1.0, KSComplement.Compute(sample, sample.Reverse().ToArray()));
    }

    [Fact]
    public void Disjoint_samples_score_zero()
    {
        Assert.Equal(0.0, KSComplement.Compute([1, 2, 3], [10, 11, 12, 13]));
        Assert.Equal(0.0, KSComplement.Compute([10, 11], [1, 2, 3]));
    }

    [Fact]
    public void Shifted_sample_matches_hand_computation()
    {
        // real {1,2,3,4}, synthetic {3,4,5,6}: F_r − F_s is 0.25, 0.5, 0.5, 0.5, 0.5, 0.25 at x = 1…6, so D = 0.5.
        Assert.Equal(0.5, KSComplement.Statistic([1, 2, 3, 4], [3, 4, 5, 6]));
        Assert.Equal(0.5, KSComplement.Compute([4, 3, 2, 1], [6, 5, 4, 3]));
    }

    [Fact]
    public void Ties_are_counted_on_both_sides_before_comparing()
    {
        // real {1,2,2,3}, synthetic {2,2,2,4}:
        //   x=1: 1/4 − 0 = 0.25;  x=2: 3/4 − 3/4 = 0;  x=3: 1 − 3/4 = 0.25;  x=4: 0.  D = 0.25.
        // Stepping through the tied 2s one at a time would wrongly see 3/4 − 0 = 0.75 in between.
        Assert.Equal(0.25, KSComplement.Statistic([1, 2, 2, 3], [2, 2, 2, 4]));
        Assert.Equal(0.75, KSComplement.Compute([1, 2, 2, 3], [2, 2, 2, 4]));
    }

    [Fact]
    public void Unequal_sizes_use_each_sides_own_cdf()
    {
        // real {0, 1}, synthetic {0, 0, 0, 1}: at x=0, 1/2 vs 3/4, D = 0.25.
        Assert.Equal(0.25, KSComplement.Statistic([0, 1], [0, 0, 0, 1]));
    }

    [Fact]
    public void Missing_values_are_ignored()
    {
        Assert.Equal(1.0, KSComplement.Compute([1, double.NaN, 2, 3], [3, 2, 1, double.NaN, double.NaN]));
    }

    [Fact]
    public void Empty_sides_are_defined()
    {
        Assert.Equal(1.0, KSComplement.Compute([double.NaN], []));
        Assert.Equal(0.0, KSComplement.Compute([1, 2], [double.NaN, double.NaN]));
    }

    [Fact]
    public void Matches_a_brute_force_statistic_on_random_samples_with_ties()
    {
        var random = new Random(5);
        for (var trial = 0; trial < 50; trial++)
        {
            var real = Enumerable.Range(0, random.Next(1, 40)).Select(_ => (double)random.Next(10)).ToArray();
            var synthetic = Enumerable.Range(0, random.Next(1, 40)).Select(_ => (double)random.Next(12)).ToArray();
            var brute = real.Concat(synthetic).Distinct().Max(x =>
                Math.Abs(real.Count(v => v <= x) / (double)real.Length - synthetic.Count(v => v <= x) / (double)synthetic.Length));
            Assert.Equal(brute, KSComplement.Statistic(real, synthetic), 12);
        }
    }
}
