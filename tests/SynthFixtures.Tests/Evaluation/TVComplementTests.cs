using SynthFixtures.Evaluation;

namespace SynthFixtures.Tests.Evaluation;

public class TVComplementTests
{
    [Fact]
    public void Hand_computed_value_over_the_union_of_categories()
    {
        // real a .5, b .25, c .25; synthetic a .25, b .5, d .25
        // Σ|Δ| = .25 + .25 + .25 (c) + .25 (d) = 1, so 1 − ½·1 = 0.5.
        Assert.Equal(0.5, TVComplement.Compute(["a", "a", "b", "c"], ["a", "b", "b", "d"]));
    }

    [Fact]
    public void Same_frequencies_score_one_and_padding_does_not_matter()
    {
        Assert.Equal(1.0, TVComplement.Compute([" x", "y", "x ", "y"], ["y", "x", "y", "x"]));
    }

    [Fact]
    public void Disjoint_categories_score_zero()
    {
        Assert.Equal(0.0, TVComplement.Compute(["a", "b"], ["c"]));
    }

    [Fact]
    public void Missing_cells_are_ignored_like_SDMetrics_unless_asked_otherwise()
    {
        string?[] real = ["a", "b", null, null];
        string?[] synthetic = ["a", "b"];
        Assert.Equal(1.0, TVComplement.Compute(real, synthetic));
        // As a category: real a .25, b .25, missing .5; synthetic a .5, b .5 → Σ|Δ| = 1 → 0.5.
        Assert.Equal(0.5, TVComplement.Compute(real, synthetic, missingAsCategory: true));
    }

    [Fact]
    public void All_missing_synthetic_scores_zero()
    {
        Assert.Equal(0.0, TVComplement.Compute(["a", "b"], [null, null]));
        Assert.Equal(1.0, TVComplement.Compute([null], [null, null]));
    }
}
