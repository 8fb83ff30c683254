using SynthFixtures.Evaluation.Sequences;

namespace SynthFixtures.Tests.Evaluation.Sequences;

/// <summary>The sequence-length score is graded by how many steps the lengths are off, against the real lengths' spread or a tenth of their mean.</summary>
public class LengthScoreTests
{
    private static double[] Repeat(double value, int count) => Enumerable.Repeat(value, count).ToArray();

    [Fact]
    public void Equal_lengths_on_both_sides_score_one()
    {
        var (score, distance, scale) = LengthScore.Compute(Repeat(14, 510), Repeat(14, 37));
        Assert.Equal((1.0, 0.0), (score, distance));
        Assert.Equal(1.4, scale, 12);
    }

    [Fact]
    public void One_length_off_by_one_among_equal_real_lengths_costs_little()
    {
        // Every real entity has 14 steps; one synthetic entity of 510 has 13: W₁ = 1/510 step against a scale of 1.4 steps.
        var synthetic = Repeat(14, 510);
        synthetic[0] = 13;
        var (score, distance, scale) = LengthScore.Compute(Repeat(14, 510), synthetic);
        Assert.Equal(1.0 / 510, distance, 12);
        Assert.Equal(1.4, scale, 12);
        Assert.Equal(1 - 1.0 / 510 / 1.4, score, 12);
        // Weather: two real entities of 1,461 days, one synthetic day short: half a step against 146.1.
        Assert.Equal(1 - 0.5 / 146.1, LengthScore.Compute([1461, 1461], [1461, 1460]).Score, 12);
    }

    [Fact]
    public void Every_length_off_by_a_tenth_of_the_mean_scores_zero_and_less_is_graded()
    {
        Assert.Equal(0.0, LengthScore.Compute(Repeat(20, 10), Repeat(22, 10)).Score, 12);
        Assert.Equal(0.5, LengthScore.Compute(Repeat(20, 10), Repeat(21, 10)).Score, 12);
        Assert.Equal(0.0, LengthScore.Compute(Repeat(20, 10), Repeat(60, 10)).Score, 12);
    }

    [Fact]
    public void Short_sequences_are_measured_against_at_least_one_step()
    {
        // Real lengths all 3: a tenth of the mean is 0.3 steps, so the floor of one step sets the scale.
        var (score, _, scale) = LengthScore.Compute(Repeat(3, 4), [3, 3, 4, 4]);
        Assert.Equal(1.0, scale);
        Assert.Equal(0.5, score, 12);
    }

    [Fact]
    public void Spread_real_lengths_set_the_scale_and_the_distance_is_symmetric()
    {
        double[] real = [10, 20, 30, 40];
        double[] shifted = [15, 25, 35, 45];
        var sd = Math.Sqrt(125);
        var (score, distance, scale) = LengthScore.Compute(real, shifted);
        Assert.Equal(5, distance, 12);
        Assert.Equal(sd, scale, 12);
        Assert.Equal(1 - 5 / sd, score, 12);
        Assert.Equal(distance, LengthScore.Wasserstein(shifted, real), 12);
        // The same shares on sides of different sizes are no distance at all.
        Assert.Equal(0, LengthScore.Wasserstein([68, 123, 123, 123, 123], [68, 68, 123, 123, 123, 123, 123, 123, 123, 123]), 12);
    }

    [Fact]
    public void An_empty_side_scores_one()
    {
        Assert.Equal(1.0, LengthScore.Compute([], [3]).Score);
    }
}
